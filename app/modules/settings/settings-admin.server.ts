import { db } from "~/lib/db.server";
import { getSettings } from "./settings.server";

const EARLIER_VERSIONS_SHOWN = 100;

/**
 * What the settings page shows: the settings, the privacy notice in force in each language and the
 * earlier versions (each published once and never edited), newest first, with who published each.
 */
export async function settingsOverview() {
  const [settings, recent, es, en] = await Promise.all([
    getSettings(),
    db.privacyNotice.findMany({ orderBy: { version: "desc" }, take: EARLIER_VERSIONS_SHOWN + 2 }),
    db.privacyNotice.findFirst({ where: { language: "es" }, orderBy: { version: "desc" } }),
    db.privacyNotice.findFirst({ where: { language: "en" }, orderBy: { version: "desc" } }),
  ]);
  const notices = [...recent, ...[es, en].filter((n) => n !== null && !recent.some((r) => r.version === n.version))] as typeof recent;
  const publisherIds = [...new Set(notices.map((n) => n.publishedBy).filter((id): id is string => !!id))];
  const publishers = await db.user.findMany({ where: { id: { in: publisherIds } }, select: { id: true, name: true, email: true } });
  const byId = new Map(publishers.map((p) => [p.id, p]));
  const withPublisher = notices.map((n) => ({ ...n, publisher: n.publishedBy ? (byId.get(n.publishedBy) ?? null) : null }));
  // The notice in force per language is that language's newest; everything else is earlier.
  const current = { es: withPublisher.find((n) => n.version === es?.version) ?? null, en: withPublisher.find((n) => n.version === en?.version) ?? null };
  const inForce = new Set([es?.version, en?.version]);
  const earlier = withPublisher.filter((n) => !inForce.has(n.version)).slice(0, EARLIER_VERSIONS_SHOWN);
  const nextVersion = (recent[0]?.version ?? 0) + 1;
  return { settings, current, earlier, nextVersion, timeZones: knownTimeZones() };
}

/** The IANA zones this runtime knows, offered as suggestions (the field still accepts any valid one). */
export function knownTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf("timeZone");
  } catch {
    return [];
  }
}
