/**
 * The mail area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./dkim.server";
export * from "./mail.server";
export * from "./mailer.server";
export * from "./outbox-smtp.server";
export * from "./outbox.server";
export * from "./resolve.server";
