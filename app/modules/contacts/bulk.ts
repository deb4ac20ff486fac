/** Bulk actions on contacts (client-safe part: the names; the SQL is in bulk.server.ts). */
export const BULK_OPERATIONS = ["tag", "untag", "unsubscribe", "delete"] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

/** A selection is at most a few pages of checkboxes; larger sets go through "all matching". */
export const MAX_SELECTED_IDS = 1000;
