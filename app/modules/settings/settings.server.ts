import { db } from "~/lib/db.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
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
  // Complaints per delivered message above which a sending bulletin pauses itself (0.003 = 0.3 %).
  complaintPauseRate: 0.003,
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
  // A form without the complaint rate leaves the column alone (not even rewriting the value read).
  const { complaintPauseRate, ...rest } = input;
  const after = { ...rest, replyTo: input.replyTo ?? null, kioskMailsPerHour: input.kioskMailsPerHour ?? before.kioskMailsPerHour, ...(complaintPauseRate === undefined ? {} : { complaintPauseRate }) };
  await db.$transaction(async (tx) => {
    await tx.settings.upsert({ where: { id: 1 }, create: { id: 1, ...after }, update: after });
    const change = diff(before, after);
    if (change.changed) await audit(actor, { action: "settings.update", entity: "settings", entityId: "1", before: change.before, after: change.after }, tx);
  });
}

export type NoticeLanguage = "es" | "en";

/** The notice in force for a language: its newest version (Spanish unless told). */
export async function currentPrivacyNotice(language: NoticeLanguage = "es") {
  return db.privacyNotice.findFirst({ where: { language }, orderBy: { version: "desc" } });
}

export type NoticeShown = { version: number; language: NoticeLanguage; text: string; fallback: boolean };

/**
 * The notice a visitor reading in `language` is shown: the one in that language, else the Spanish
 * one with `fallback` set (the page then says plainly that only the Spanish text exists, and the
 * consent records "es"). Null when no notice was ever published.
 */
export async function privacyNoticeFor(language: NoticeLanguage): Promise<NoticeShown | null> {
  const own = await currentPrivacyNotice(language);
  const notice = own ?? (language === "es" ? null : await currentPrivacyNotice("es"));
  if (!notice) return null;
  return { version: notice.version, language: notice.language === "en" ? "en" : "es", text: notice.text, fallback: !own };
}

/** One published version, whatever its language (the public notice page, a consent's evidence). */
export async function privacyNoticeVersion(version: number) {
  return db.privacyNotice.findUnique({ where: { version } });
}

/**
 * A new version each time, in one language: consents record the version (and language) they were
 * given under. Versions are numbered across languages, so a number alone names one text.
 */
export async function publishPrivacyNotice(actor: AuditActor, text: string, language: NoticeLanguage = "es") {
  return db.$transaction(async (tx) => {
    // Two administrators publishing at once must not both take the same number.
    await tx.$executeRaw`LOCK TABLE "PrivacyNotice" IN SHARE ROW EXCLUSIVE MODE`;
    const last = await tx.privacyNotice.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const notice = await tx.privacyNotice.create({ data: { version, language, text, publishedBy: actor.userId } });
    await audit(actor, { action: "privacyNotice.publish", entity: "privacyNotice", entityId: String(version), after: { version, language } }, tx);
    return notice;
  });
}
