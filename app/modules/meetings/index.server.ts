/**
 * The meetings area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./agreements.server";
export * from "./figures.server";
export * from "./form.server";
export * from "./meeting.server";
