/**
 * The contest area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./contest.server";
export * from "./corrections.server";
export * from "./enquiries.server";
export * from "./export.server";
export * from "./mail-state.server";
export * from "./rows.server";
export * from "./submissions.server";
