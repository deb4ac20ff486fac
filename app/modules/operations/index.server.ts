/** The operations area's server surface (decision 027): the queues page imports from here. */
export * from "./queues.server";
