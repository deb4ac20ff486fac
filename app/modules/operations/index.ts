/** The operations area's client-safe pieces (decision 027): the queue states the queues page counts. */
export const COUNTED_STATES = ["waiting", "active", "delayed", "prioritized", "completed", "failed"] as const;
export type CountedState = (typeof COUNTED_STATES)[number];
