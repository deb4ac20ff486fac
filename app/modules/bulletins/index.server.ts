/**
 * The bulletins area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./bounces.server";
export * from "./bulletins.server";
export * from "./config.server";
export * from "./notify.server";
export * from "./pipeline/index.server";
export * from "./transport.server";
export * from "./unsubscribe-page.server";
export * from "./unsubscribe.server";
export * from "./page.server";
export * from "./complaints.server";
export * from "./hooks/index.server";
export * from "./bounce-review.server";
export * from "./mailbox.server";
