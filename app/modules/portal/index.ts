/**
 * The applicant portal, client-safe part (decision 027/029): schemas, stages, pure rules.
 */
export * from "./errors";
export * from "./schema";
