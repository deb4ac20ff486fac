/**
 * The contacts area, client-safe part (decision 027): schemas, labels, pure rules and types that
 * components and routes may use in the browser. Nothing here imports a .server module.
 */
export * from "./bulk";
export * from "./business-days";
export * from "./csv";
export * from "./fields";
export * from "./filter";
export * from "./import/detect";
export * from "./import/errors";
export * from "./schema";
