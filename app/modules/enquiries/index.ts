/**
 * The enquiries area, client-safe part (decision 027): schemas, labels, pure rules and types that
 * components and routes may use in the browser. Nothing here imports a .server module.
 */
export * from "./figures";
export * from "./import";
export * from "./report";
export * from "./schema";
export * from "./errors";
