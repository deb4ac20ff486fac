import { db } from "~/lib/db.server";
import { getSettings } from "./settings.server";

const EARLIER_VERSIONS_SHOWN = 100;

/**
 * What the settings page shows: the settings, the privacy notice in force and the earlier
 * versions (each published once and never edited), newest first, with who published each.
 */
export async function settingsOverview() {
  const [settings, notices] = await Promise.all([
    getSettings(),
    db.privacyNotice.findMany({ orderBy: { version: "desc" }, take: EARLIER_VERSIONS_SHOWN + 1 }),
  ]);
  const publisherIds = [...new Set(notices.map((n) => n.publishedBy).filter((id): id is string => !!id))];
  const publishers = await db.user.findMany({ where: { id: { in: publisherIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(publishers.map((p) => [p.id, p]));
  const withPublisher = notices.map((n) => ({ ...n, publisher: n.publishedBy ? (byId.get(n.publishedBy) ?? null) : null }));
  return { settings, current: withPublisher[0] ?? null, earlier: withPublisher.slice(1), timeZones: knownTimeZones() };
}

/** The IANA zones this runtime knows, offered as suggestions (the field still accepts any valid one). */
export function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}
