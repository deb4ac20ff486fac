/**
 * The bulletins area, client-safe part (decision 027): schemas, labels, pure rules and types that
 * components and routes may use in the browser. Nothing here imports a .server module.
 */
export * from "./markdown";
export * from "./schema";
export * from "./time";
export * from "./types";
export * from "./bounce-sources";
export * from "./mailbox";
