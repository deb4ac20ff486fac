/**
 * CSV exports of a contest: its submissions and the requirement results (one row per submission and
 * requirement). Cells are neutralised against formula injection like the contacts export.
 */
import { db } from "~/lib/db.server";
import { subdivisionName } from "~/modules/geo";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { csvLine, UTF8_BOM } from "~/modules/contacts/index.server";
import { makeT, type Locale } from "~/i18n";
import { getContest } from "./contest.server";
import { ContestError } from "./errors";
import { filterFromParams, type SubmissionFilter } from "./schema";

const EXPORT_LIMIT = 10_000;

function where(contestId: string, filter: SubmissionFilter) {
  return {
    contestId,
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.late ? { late: true } : {}),
    ...(filter.state ? { partner: { state: filter.state } } : {}),
    ...(filter.overdue ? { corrections: { some: { state: "OPEN" as const, deadline: { lt: new Date() } } } } : {}),
    ...(filter.q
      ? {
          OR: [
            { title: { contains: filter.q, mode: "insensitive" as const } },
            { folio: { contains: filter.q, mode: "insensitive" as const } },
            { partner: { name: { contains: filter.q, mode: "insensitive" as const } } },
          ],
        }
      : {}),
  };
}

export async function submissionsCsv(actor: AuditActor, contestId: string, filter: SubmissionFilter, locale: Locale): Promise<string> {
  const t = makeT(locale);
  const rows = await db.submission.findMany({
    where: where(contestId, filter),
    orderBy: [{ folio: "asc" }],
    take: EXPORT_LIMIT,
    include: {
      partner: { select: { name: true, city: true, state: true, country: true } },
      contactPerson: { select: { name: true, email: true, phone: true, contact: { select: { email: true, givenName: true, familyName: true } } } },
    },
  });
  const header = ["folio", "organisation", "city", "state", "country", "contactName", "contactEmail", "contactPhone", "title", "targetCommunities", "targetCities", "requestedBudget", "currency", "receivedAt", "channel", "late", "lateAccepted", "status", "registeredAt"];
  let out = UTF8_BOM + csvLine(header.map((h) => t(`contest.csv.${h}`)));
  for (const s of rows) {
    const cp = s.contactPerson;
    const contactName = cp?.contact ? [cp.contact.givenName, cp.contact.familyName].filter(Boolean).join(" ") : cp?.name;
    out += csvLine([
      s.folio,
      s.partner.name,
      s.partner.city,
      subdivisionName(s.partner.state),
      s.partner.country,
      contactName,
      cp?.contact?.email ?? cp?.email,
      cp?.phone,
      s.title,
      s.targetCommunities,
      s.targetCities,
      s.requestedBudget?.toString(),
      s.currency,
      s.receivedAt,
      t(`contest.channel.${s.channel}`),
      s.late ? t("common.yes") : t("common.no"),
      s.lateAcceptedById ? t("common.yes") : t("common.no"),
      t(`contest.status.${s.status}`),
      s.registeredAt,
    ]);
  }
  await audit(actor, { action: "contest.export.submissions", entity: "contest", entityId: contestId, after: { rows: rows.length, filter } });
  return out;
}

export async function checksCsv(actor: AuditActor, contestId: string, filter: SubmissionFilter, locale: Locale): Promise<string> {
  const t = makeT(locale);
  const [requirements, submissions] = await Promise.all([
    db.requirement.findMany({ where: { contestId }, orderBy: [{ position: "asc" }, { id: "asc" }] }),
    db.submission.findMany({
      where: where(contestId, filter),
      orderBy: [{ folio: "asc" }],
      take: EXPORT_LIMIT,
      select: { id: true, folio: true, title: true, status: true, partner: { select: { name: true } }, checks: true },
    }),
  ]);
  let out = UTF8_BOM + csvLine(["folio", "organisation", "title", "status", "requirement", "required", "result", "note", "checkedAt"].map((h) => t(`contest.csv.${h}`)));
  for (const s of submissions) {
    const byReq = new Map(s.checks.map((c) => [c.requirementId, c]));
    for (const r of requirements) {
      const c = byReq.get(r.id);
      out += csvLine([s.folio, s.partner.name, s.title, t(`contest.status.${s.status}`), r.name, r.required ? t("common.yes") : t("common.no"), t(`contest.check.${c?.result ?? "PENDING"}`), c?.note, c?.checkedAt]);
    }
  }
  await audit(actor, { action: "contest.export.checks", entity: "contest", entityId: contestId, after: { submissions: submissions.length, filter } });
  return out;
}

export function csvResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const LIST_EXPORTS = {
  submissions: { build: submissionsCsv, file: "proyectos" },
  checks: { build: checksCsv, file: "requisitos" },
} as const;

/** A contest list's CSV download with the list page's filters (`params`), in the reader's language; 404 for an unknown contest. */
export async function listExportResponse(kind: keyof typeof LIST_EXPORTS, actor: AuditActor, contestId: string, params: URLSearchParams, locale: Locale): Promise<Response> {
  const contest = await getContest(contestId);
  if (!contest) throw new ContestError("notFound");
  const { build, file } = LIST_EXPORTS[kind];
  return csvResponse(await build(actor, contest.id, filterFromParams(params), locale), `${file}-${contest.id}.csv`);
}
