/**
 * The mail area, client-safe part (decision 027): schemas, labels, pure rules and types that
 * components and routes may use in the browser. Nothing here imports a .server module.
 */
export * from "./dkim";
export * from "./schema";
export * from "./types";
