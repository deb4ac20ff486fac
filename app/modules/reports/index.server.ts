/**
 * The reports area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./document";
export * from "./access.server";
export * from "./attachments.server";
export * from "./bundle.server";
export * from "./contributions.server";
export * from "./docx.server";
export * from "./export.server";
export * from "./figures.server";
export * from "./home.server";
export * from "./http.server";
export * from "./key-figures.server";
export * from "./outline-admin.server";
export * from "./outline.server";
export * from "./pdf.server";
export * from "./print.server";
export * from "./report-page.server";
export * from "./reports.server";
export * from "./round-form.server";
export * from "./section-page.server";
export * from "./tables.server";
