/** The queues live in app/lib/queue.server.ts (decision 027); kept for the worker, the CLI and tests. */
export * from "../app/lib/queue.server.ts";
