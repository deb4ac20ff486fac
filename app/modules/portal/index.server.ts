/**
 * The applicant portal's server surface (decision 029): routes and other areas import from here.
 */
export * from "./index";
export * from "./accounts.server";
export * from "./applications.server";
export * from "./call.server";
export * from "./staff.server";
