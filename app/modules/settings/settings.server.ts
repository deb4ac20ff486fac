import { db } from "~/lib/db.server";
import { audit, diff, type AuditActor } from "~/modules/audit/audit.server";
import type { SettingsInput } from "./schema";

export const DEFAULT_SETTINGS = {
  institutionName: "Instituto Nacional Electoral — Voto de los Mexicanos Residentes en el Extranjero",
  postalAddress: "Viaducto Tlalpan 100, Arenal Tepepan, Tlalpan, 14610 Ciudad de México, México",
  bulkSenderName: "Voto desde el Extranjero",
  bulkSenderEmail: "boletin@alcance.test",
  transactionalSenderName: "Alcance",
  transactionalSenderEmail: "no-responder@alcance.test",
  replyTo: null as string | null,
  sendRatePerSecond: 50,
  timeZone: "America/Mexico_City",
  kioskMailsPerHour: 200,
};

export type AppSettings = typeof DEFAULT_SETTINGS;

export async function getSettings(): Promise<AppSettings> {
  const row = await db.settings.findUnique({ where: { id: 1 } });
  if (!row) return DEFAULT_SETTINGS;
  const { id: _id, updatedAt: _updatedAt, ...settings } = row;
  return settings;
}

export async function updateSettings(actor: AuditActor, input: SettingsInput): Promise<void> {
  const before = await getSettings();
  const after = { ...input, replyTo: input.replyTo ?? null, kioskMailsPerHour: input.kioskMailsPerHour ?? before.kioskMailsPerHour };
  await db.$transaction(async (tx) => {
    await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...after }, update: after });
    const change = diff(before, after);
    if (change.changed) await audit(actor, { action: "settings.update", entity: "settings", entityId: "1", before: change.before, after: change.after }, tx);
  });
}

export async function currentPrivacyNotice() {
  return db.privacyNotice.findFirst({ orderBy: { version: "desc" } });
}

/** A new version each time: consents record the version they were given under. */
export async function publishPrivacyNotice(actor: AuditActor, text: string) {
  return db.$transaction(async (tx) => {
    const last = await tx.privacyNotice.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const notice = await tx.privacyNotice.create({ data: { version, text, publishedBy: actor.userId } });
    await audit(actor, { action: "privacyNotice.publish", entity: "privacyNotice", entityId: String(version), after: { version } }, tx);
    return notice;
  });
}
