import type { Tx } from "./contact.server";

/**
 * Contact deletions and bulletin audience snapshots exclude each other (decision 031). A snapshot
 * may skip its rows' foreign-key checks; without the checks nothing would make a deletion wait for
 * the snapshot, and a contact erased, merged or bulk-deleted in those seconds would leave a delivery
 * row naming a contact that no longer exists. Snapshots share the lock (two bulletins may snapshot
 * at once); a deletion takes it alone, waiting for snapshots in flight and holding new ones back.
 */
const BARRIER = "contacts:delete-barrier";

/** Every transaction that deletes Contact rows calls this before deleting. */
export async function lockForContactDeletion(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${BARRIER}))`;
}

/** A bulletin's audience snapshot calls this before reading the contacts. */
export async function lockAgainstContactDeletion(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext(${BARRIER}))`;
}
