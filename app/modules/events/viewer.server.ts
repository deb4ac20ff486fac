import { can, type RoleName } from "~/modules/auth";
import { getSettings } from "~/modules/settings/index.server";
import { readingZone } from "~/lib/time";

/** The zone a user reads times in (app/lib/time.ts readingZone: theirs, else the office's). */
export async function viewerZone(user: { timeZone: string | null } | null): Promise<string> {
  return readingZone(user?.timeZone, (await getSettings()).timeZone);
}

/**
 * Whether a reader of the events area also reads what comes from the materials ledger (hand-outs,
 * shipments, stock per event). COMMUNICATIONS reads events but has no materials permission.
 */
export function seesMaterials(user: { role: RoleName }): boolean {
  return can(user.role, "read:material");
}
