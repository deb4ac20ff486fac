/**
 * The auth area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./account.server";
export * from "./credentials.server";
export * from "./locale.server";
export * from "./login.server";
export * from "./maintenance.server";
export * from "./password-reset.server";
export * from "./password.server";
export * from "./session.server";
export * from "./tokens.server";
export * from "./two-factor.server";
export * from "./totp";
