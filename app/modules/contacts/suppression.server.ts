import { appHmac } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { normalizeContactEmail } from "./fields";

/** HMAC-SHA256 of the normalised e-mail under APP_KEY: what the suppression list keeps. */
export function emailHmac(email: string): string {
  return appHmac("suppression", normalizeContactEmail(email));
}

export async function isSuppressed(email: string): Promise<boolean> {
  return (await db.suppressionEntry.count({ where: { emailHmac: emailHmac(email) } })) > 0;
}
