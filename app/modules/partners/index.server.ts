/**
 * The partners area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./export.server";
export * from "./figures.server";
export * from "./follow-ups.server";
export * from "./import.server";
export * from "./meetings-of-partner.server";
export * from "./page.server";
export * from "./partner.server";
export * from "./query.server";
export * from "./transaction.server";
