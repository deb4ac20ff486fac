/**
 * The communications area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./access.server";
export * from "./accounts.server";
export * from "./figures.server";
export * from "./import.server";
export * from "./media.server";
export * from "./month-page.server";
