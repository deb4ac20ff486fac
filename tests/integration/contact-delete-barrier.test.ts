/**
 * A bulletin's audience snapshot may skip its foreign-key checks (decision 031), so a contact's
 * deletion must wait for a snapshot in flight: otherwise the snapshot could keep a deleted id.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { eraseContact, lockAgainstContactDeletion } from "~/modules/contacts/index.server";
import { audience } from "../support/bulletins";

/** A snapshot's share of the barrier, held until release() (its transaction then commits). */
async function holdSnapshotShare() {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let signalLocked!: () => void;
  const locked = new Promise<void>((resolve) => (signalLocked = resolve));
  const done = db.$transaction(
    async (tx) => {
      await lockAgainstContactDeletion(tx);
      signalLocked();
      await held;
    },
    { timeout: 30_000 },
  );
  await locked;
  return { release, done };
}

describe("contact deletions and audience snapshots", () => {
  it("an erasure waits until the snapshot in flight has committed", async () => {
    const a = await audience(1, "barrier");
    const contact = a.contacts[0]!;
    const snapshot = await holdSnapshotShare();

    let erased = false;
    const erasure = eraseContact({ userId: null, ip: "test" }, contact.id).then(() => (erased = true));
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(erased, "the erasure went ahead while a snapshot held the barrier").toBe(false);
    expect(await db.contact.count({ where: { id: contact.id } })).toBe(1);

    snapshot.release();
    await snapshot.done;
    await erasure;
    expect(erased).toBe(true);
    expect(await db.contact.count({ where: { id: contact.id } })).toBe(0);
  });

  it("two snapshots do not wait for each other", async () => {
    const first = await holdSnapshotShare();
    // The second takes its share while the first still holds its own.
    await db.$transaction((tx) => lockAgainstContactDeletion(tx), { timeout: 10_000 });
    first.release();
    await first.done;
  });
});
