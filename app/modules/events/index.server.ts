/**
 * The events area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./event.server";
export * from "./kiosk.server";
export * from "./query.server";
export * from "./report-part.server";
export * from "./viewer.server";
