/**
 * The reports area, client-safe part (decision 027): schemas, labels, pure rules and types that
 * components and routes may use in the browser. Nothing here imports a .server module.
 */
export * from "./blocks";
export * from "./contributions-schema";
export * from "./month";
export * from "./parts";
// The same list in both files (parts.ts checks it against the Prisma enum).
export { INE_AREAS } from "./contributions-schema";
export * from "./schema";
export * from "./tables";
