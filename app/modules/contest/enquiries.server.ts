/**
 * Enquiries about a contest from organisations (decision 025): logged on the contest (date,
 * organisation — free text, matched to a CIVIL_SOCIETY institution when the name or acronym is
 * one — channel, topic, notes) and counted in the report's contest part for the month.
 */
import { z } from "zod";
import type { EnquiryChannel } from "~/generated/prisma/enums";
import { ContestError } from "./errors";
import { db } from "~/lib/db.server";
import { isCalendarDate } from "~/lib/params";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { ENQUIRY_CHANNELS } from "~/modules/enquiries";
import type { ContestEnquirySummary } from "~/modules/enquiries";

export const CONTEST_ENQUIRY_PAGE = 20;

const text = (max: number, required: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .superRefine((v, ctx) => {
      if (required && !v) ctx.addIssue({ code: "custom", message: "contest.enquiries.errors.required" });
      else if (v.length > max) ctx.addIssue({ code: "custom", message: "contest.enquiries.errors.tooLong" });
    });

export const contestEnquirySchema = z.object({
  receivedOn: z
    .string({ message: "contest.enquiries.errors.date" })
    .trim()
    .refine((v) => isCalendarDate(v), "contest.enquiries.errors.date"),
  organisation: text(200, true),
  channel: z.enum(ENQUIRY_CHANNELS, { message: "contest.enquiries.errors.channel" }),
  topic: text(200, true),
  notes: text(2000, false),
});
export type ContestEnquiryInput = z.output<typeof contestEnquirySchema>;

/** The CIVIL_SOCIETY institution the typed organisation names (by name or acronym, case and accents ignored), or null. */
export async function matchCivilSociety(organisation: string): Promise<{ id: string; name: string } | null> {
  const rows = await db.$queryRaw<Array<{ id: string; name: string }>>`
    SELECT p.id, p."name" FROM "Partner" p
    WHERE p."kind" = 'CIVIL_SOCIETY'
      AND (lower(unaccent(p."name")) = lower(unaccent(${organisation})) OR lower(unaccent(coalesce(p."acronym", ''))) = lower(unaccent(${organisation})))
    ORDER BY p."status" = 'ACTIVE' DESC, p."name" LIMIT 1`;
  return rows[0] ?? null;
}

/** Logs an enquiry on the contest; audited. */
export async function addContestEnquiry(actor: AuditActor, contestId: string, data: ContestEnquiryInput): Promise<string> {
  const contest = await db.contest.findUnique({ where: { id: contestId }, select: { id: true } });
  if (!contest) throw new ContestError("notFound");
  const partner = await matchCivilSociety(data.organisation);
  return db.$transaction(async (tx) => {
    const row = await tx.contestEnquiry.create({
      data: {
        contestId,
        receivedOn: new Date(`${data.receivedOn}T00:00:00Z`),
        organisation: data.organisation,
        partnerId: partner?.id ?? null,
        channel: data.channel as EnquiryChannel,
        topic: data.topic,
        notes: data.notes || null,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await audit(actor, { action: "contest.enquiry.add", entity: "ContestEnquiry", entityId: row.id, after: { contestId, ...data, partnerId: partner?.id ?? null } }, tx);
    return row.id;
  });
}

export type ContestEnquiryItem = { id: string; receivedOn: string; organisation: string; partner: { id: string; name: string } | null; channel: EnquiryChannel; topic: string; notes: string | null };

/** The contest's enquiries, newest first, keyset-paged (cursor: "YYYY-MM-DD|id" of the last row shown). */
export async function listContestEnquiries(contestId: string, cursor?: string | null): Promise<{ items: ContestEnquiryItem[]; next: string | null; total: number }> {
  const m = cursor ? /^(\d{4}-\d{2}-\d{2})\|([A-Za-z0-9_-]{1,64})$/.exec(cursor) : null;
  const after = m && isCalendarDate(m[1]!) ? { on: new Date(`${m[1]}T00:00:00Z`), id: m[2]! } : null;
  const rows = await db.contestEnquiry.findMany({
    where: { contestId, ...(after ? { OR: [{ receivedOn: { lt: after.on } }, { receivedOn: after.on, id: { lt: after.id } }] } : {}) },
    orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
    take: CONTEST_ENQUIRY_PAGE + 1,
    select: { id: true, receivedOn: true, organisation: true, channel: true, topic: true, notes: true, partner: { select: { id: true, name: true } } },
  });
  const total = await db.contestEnquiry.count({ where: { contestId } });
  const items = rows.slice(0, CONTEST_ENQUIRY_PAGE).map((r) => ({ ...r, receivedOn: r.receivedOn.toISOString().slice(0, 10) }));
  const last = items[items.length - 1];
  return { items, next: rows.length > CONTEST_ENQUIRY_PAGE && last ? `${last.receivedOn}|${last.id}` : null, total };
}

/** Enquiries about the contest received from `from` (inclusive) to `to` (exclusive), calendar dates YYYY-MM-DD. */
export async function contestEnquiryCount(contestId: string, from: string, to: string): Promise<number> {
  return db.contestEnquiry.count({ where: { contestId, receivedOn: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(`${to}T00:00:00Z`) } } });
}

/** What the report's contest part says for a period: how many enquiries, from how many organisations, about what (the most asked first, at most five). */
export async function contestEnquirySummary(contestId: string, from: string, to: string): Promise<ContestEnquirySummary> {
  const rows = await db.contestEnquiry.findMany({
    where: { contestId, receivedOn: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(`${to}T00:00:00Z`) } },
    select: { organisation: true, partnerId: true, topic: true },
  });
  const orgs = new Set(rows.map((r) => r.partnerId ?? r.organisation.toLocaleLowerCase("es-MX")));
  const topics = new Map<string, { text: string; n: number }>();
  for (const r of rows) {
    const key = r.topic.toLocaleLowerCase("es-MX");
    const t = topics.get(key) ?? { text: r.topic, n: 0 };
    t.n += 1;
    topics.set(key, t);
  }
  return {
    count: rows.length,
    organisations: orgs.size,
    topics: [...topics.values()].sort((a, b) => b.n - a.n || a.text.localeCompare(b.text, "es-MX")).slice(0, 5).map((t) => t.text),
  };
}

/** Names of CIVIL_SOCIETY institutions for the form's suggestions. */
export async function civilSocietyNames(limit = 300): Promise<string[]> {
  const rows = await db.partner.findMany({ where: { kind: "CIVIL_SOCIETY", status: "ACTIVE" }, orderBy: { name: "asc" }, select: { name: true }, take: limit });
  return rows.map((r) => r.name);
}
