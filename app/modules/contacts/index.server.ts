/**
 * The contacts area's server surface (decision 027): routes and other areas import from here (or
 * from ./index for client-safe pieces), never from a file inside the area.
 */
export * from "./index";
export * from "./arco-export.server";
export * from "./arco-requests.server";
export * from "./arco.server";
export * from "./bulk.server";
export * from "./contact.server";
export * from "./delete-barrier.server";
export * from "./export.server";
export * from "./import/batches.server";
export * from "./import/file.server";
export * from "./import/parse.server";
export * from "./import/pipeline.server";
export * from "./import/writer.server";
export * from "./import/seen-set";
export * from "./merge.server";
export * from "./query.server";
export * from "./segments.server";
export * from "./suppression.server";
export * from "./import/seen-set";
export * from "./bulk-form.server";
export * from "./import/review.server";
