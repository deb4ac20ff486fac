import { can, type RoleName } from "~/modules/auth/permissions";
import { getSettings } from "~/modules/settings/settings.server";
import { isValidTimeZone } from "./time";

/** The zone a user reads times in: theirs, or the office's (Settings.timeZone). */
export async function viewerZone(user: { timeZone: string | null } | null): Promise<string> {
  if (user?.timeZone && isValidTimeZone(user.timeZone)) return user.timeZone;
  const settings = await getSettings();
  return isValidTimeZone(settings.timeZone) ? settings.timeZone : "America/Mexico_City";
}

/**
 * Whether a reader of the events area also reads what comes from the materials ledger (hand-outs,
 * shipments, stock per event). COMMUNICATIONS reads events but has no materials permission.
 */
export function seesMaterials(user: { role: RoleName }): boolean {
  return can(user.role, "read:material");
}
