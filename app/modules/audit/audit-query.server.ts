import Papa from "papaparse";
import { hasKey, makeT, type Locale } from "~/i18n";
import { db } from "~/lib/db.server";
import { addDays, readingZone, startOfZonedDay, zonedDate } from "~/lib/time";
import { getSettings } from "~/modules/settings/index.server";
import { audit, listAudit, AUDIT_PAGE_SIZE, type AuditActor, type AuditFilter } from "./audit.server";
import { actionKey, actorView, entityKey, normaliseIp, type ActorView } from "./labels";
import { recordLinks } from "./links.server";
import type { AuditQuery } from "./schema";

/** Whose clock the dates are read in: the user's own time zone, else the organisation's. */
export async function viewerTimeZone(user: { timeZone: string | null }): Promise<string> {
  return readingZone(user.timeZone, (await getSettings()).timeZone);
}

/** The UTC instant at which a calendar day (YYYY-MM-DD) begins in a time zone. */
export function startOfDayIn(day: string, timeZone: string, plusDays = 0): Date {
  return startOfZonedDay(addDays(day, plusDays), timeZone);
}

/**
 * Turns the URL filters into a listAudit() filter; null when nothing can match (an actor e-mail
 * that belongs to nobody).
 */
export async function resolveAuditFilter(query: AuditQuery, timeZone: string): Promise<AuditFilter | null> {
  const filter: AuditFilter = {
    action: query.action,
    entity: query.entity,
    entityId: query.entityId,
    from: query.from ? startOfDayIn(query.from, timeZone) : undefined,
    to: query.to ? startOfDayIn(query.to, timeZone, 1) : undefined,
  };
  if (query.actor) {
    const actor = await db.user.findUnique({ where: { email: query.actor }, select: { id: true } });
    if (!actor) return null;
    filter.actorId = actor.id;
  }
  return filter;
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["entries"][number];

/**
 * One page of the audit log, newest first, paged by key (?cursor= is the last id seen), as people
 * read it: who acted (a name or a translated label), the address written the usual way, and a link
 * to the record while it exists.
 */
export async function searchAudit(query: AuditQuery, viewer: { timeZone: string | null }, take = AUDIT_PAGE_SIZE) {
  const timeZone = await viewerTimeZone(viewer);
  const filter = await resolveAuditFilter(query, timeZone);
  if (!filter) return { entries: [] as (AuditRow & { who: ActorView; link: { href: string | null; exists: boolean | null } })[], nextCursor: undefined, timeZone };
  const page = await listAudit(filter, query.cursor ? BigInt(query.cursor) : undefined, take);
  const links = await recordLinks(page.entries);
  const entries = page.entries.map((e, i) => ({ ...e, ip: normaliseIp(e.ip), who: actorView(e, e.actor, e.applicant), link: links[i]! }));
  return { entries, nextCursor: page.nextCursor, timeZone };
}

/** An action's or entity's words in a language, or null for a code nobody translated yet. */
export function auditLabel(locale: Locale, kind: "action" | "entity", code: string | null): string | null {
  if (!code) return null;
  const key = kind === "action" ? actionKey(code) : entityKey(code);
  return hasKey(locale, key) ? makeT(locale)(key) : null;
}

const EXPORT_PAGE_SIZE = 1000;

function localTime(at: Date, timeZone: string): string {
  // sv-SE formats as "2017-11-19 14:05:09", which spreadsheets read as a date and time.
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "medium" }).format(at);
}

function jsonCell(value: unknown): string {
  return value === null || value === undefined ? "" : JSON.stringify(value);
}

/**
 * The filtered log as CSV, read from the database one page at a time while the response is sent.
 * The export itself is audited. Cells that a spreadsheet would run as formulas are escaped.
 */
export async function exportAuditCsv(
  actor: AuditActor,
  query: AuditQuery,
  viewer: { timeZone: string | null; locale: Locale },
): Promise<{ stream: ReadableStream<Uint8Array>; fileName: string }> {
  const timeZone = await viewerTimeZone(viewer);
  const filter = await resolveAuditFilter(query, timeZone);
  const { cursor: _cursor, ...filters } = query;
  await audit(actor, { action: "audit.export", entity: "auditLog", after: { filters, timeZone } });
  const t = makeT(viewer.locale);
  const header = [
    t("admin.audit.csv.id"),
    t("admin.audit.csv.atUtc"),
    t("admin.audit.csv.atLocal", { timeZone }),
    t("admin.audit.csv.actorEmail"),
    t("admin.audit.csv.actorName"),
    t("admin.audit.csv.action"),
    t("admin.audit.csv.actionLabel"),
    t("admin.audit.csv.entity"),
    t("admin.audit.csv.entityLabel"),
    t("admin.audit.csv.entityId"),
    t("admin.audit.csv.ip"),
    t("admin.audit.csv.before"),
    t("admin.audit.csv.after"),
  ];
  const encoder = new TextEncoder();
  const unparse = (rows: string[][]) => Papa.unparse(rows, { escapeFormulae: true, newline: "\r\n" }) + "\r\n";
  let cursor: bigint | undefined;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!headerSent) {
          headerSent = true;
          // The byte-order mark lets spreadsheet programs read accents as UTF-8.
          controller.enqueue(encoder.encode(`\uFEFF${unparse([header])}`));
          if (!filter) {
            controller.close();
          }
          return;
        }
        if (!filter) return;
        const page = await listAudit(filter, cursor, EXPORT_PAGE_SIZE);
        if (page.entries.length > 0) {
          const rows = page.entries.map((e) => {
            const who = actorView(e, e.actor, e.applicant);
            return [
              e.id,
              e.at.toISOString(),
              localTime(e.at, timeZone),
              e.actor?.email ?? e.applicant?.email ?? "",
              who.kind === "user" ? who.name : who.kind === "applicant" ? t("admin.audit.actor.applicant") : t(who.key),
              e.action,
              auditLabel(viewer.locale, "action", e.action) ?? "",
              e.entity ?? "",
              auditLabel(viewer.locale, "entity", e.entity) ?? "",
              e.entityId ?? "",
              who.ip ?? "",
              jsonCell(e.before),
              jsonCell(e.after),
            ];
          });
          controller.enqueue(encoder.encode(unparse(rows)));
        }
        if (page.nextCursor) cursor = BigInt(page.nextCursor);
        else controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return { stream, fileName: auditExportFileName(timeZone) };
}

/** The file name of an export: alcance-audit-YYYY-MM-DD.csv in the viewer's calendar. */
export function auditExportFileName(timeZone: string, now = new Date()): string {
  const day = zonedDate(now, timeZone);
  return `alcance-audit-${day}.csv`;
}

