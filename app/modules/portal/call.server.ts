/**
 * The public page of a call (/convocatoria/<slug>): dates, documents, requirements, the rubric,
 * the FAQ and whether submissions are open; and the enquiries asked from it, which land in the
 * contest's enquiry log (channel OTHER, noted as from the portal).
 */
import { db } from "~/lib/db.server";
import { hit } from "~/lib/rate-limit.server";
import { addContestEnquiry, contestZone, effectivePhase, loadRubric } from "~/modules/contest/index.server";
import type { Prisma } from "~/generated/prisma/client";
import { PortalError } from "./errors";
import { PORTAL_HONEYPOT, type FaqEntry, type PortalEnquiryInput } from "./schema";

export type CallState = "notYet" | "open" | "closed";

export const ENQUIRY_LIMIT = { limit: 10, windowSeconds: 3600 };

const SLUG = /^[a-z0-9-]{3,80}$/;

/** The contest behind a slug, or a 404 refusal. */
export async function callBySlug(slug: string) {
  if (!SLUG.test(slug)) throw new PortalError("notFound");
  const call = await db.portalCall.findUnique({
    where: { slug },
    include: {
      contest: {
        select: {
          id: true,
          name: true,
          description: true,
          callFileName: true,
          rulesFileName: true,
          submissionsOpenAt: true,
          submissionsCloseAt: true,
          reviewEndsAt: true,
          evaluationStartsAt: true,
          evaluationEndsAt: true,
          resultsAt: true,
          correctionDays: true,
          phaseOverride: true,
        },
      },
    },
  });
  if (!call) throw new PortalError("notFound");
  return call;
}

export type CallFrame = Awaited<ReturnType<typeof callBySlug>>;

/** Submissions open by the contest's effective phase (its dates, or an administrator's override). */
export function callState(contest: CallFrame["contest"], now: Date = new Date()): CallState {
  const phase = effectivePhase(contest, now);
  if (phase === "UPCOMING") return "notYet";
  return phase === "SUBMISSIONS" && now < contest.submissionsCloseAt ? "open" : "closed";
}

export function faqEntries(value: Prisma.JsonValue): FaqEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => (row && typeof row === "object" && !Array.isArray(row) && typeof row.q === "string" && typeof row.a === "string" ? [{ q: row.q, a: row.a }] : []));
}

/** Everything the public page shows. */
export async function publicCall(slug: string, now: Date = new Date()) {
  const call = await callBySlug(slug);
  const { contest } = call;
  const [requirements, rubric, zone] = await Promise.all([
    db.requirement.findMany({ where: { contestId: contest.id }, orderBy: { position: "asc" }, select: { id: true, name: true, description: true, required: true } }),
    loadRubric(contest.id),
    contestZone(),
  ]);
  return {
    slug: call.slug,
    contest: {
      id: contest.id,
      name: contest.name,
      description: contest.description,
      hasCall: !!contest.callFileName,
      hasRules: !!contest.rulesFileName,
      opensAt: contest.submissionsOpenAt.toISOString(),
      closesAt: contest.submissionsCloseAt.toISOString(),
      resultsAt: contest.resultsAt.toISOString(),
      correctionDays: contest.correctionDays,
    },
    zone,
    state: callState(contest, now),
    requirements,
    criteria: rubric.map((c) => ({ id: c.id, name: c.name, description: c.description, weight: c.weight })),
    faq: faqEntries(call.faq),
    lateRule: call.lateRule,
  };
}

/** An enquiry from the page: rate-limited per client IP; a robot's is dropped with the same answer. */
export async function askFromPortal(slug: string, input: PortalEnquiryInput, form: Record<string, unknown>, ctx: { ip: string | null; email: string | null; applicantId?: string | null }, now = new Date()) {
  const call = await callBySlug(slug);
  const limited = await hit(`portal-enquiry:${ctx.ip ?? "unknown"}`, ENQUIRY_LIMIT.limit, ENQUIRY_LIMIT.windowSeconds);
  if (!limited.allowed) throw new PortalError("rateLimited", "_form", { seconds: limited.retryAfterSeconds });
  const honeypot = form[PORTAL_HONEYPOT];
  if (typeof honeypot === "string" && honeypot.trim() !== "") return;
  const zone = await contestZone();
  const receivedOn = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  const notes = [`Portal${ctx.email ? ` (${ctx.email})` : ""}`, input.notes].filter(Boolean).join(": ");
  await addContestEnquiry({ userId: null, ip: ctx.ip, applicantId: ctx.applicantId ?? null }, call.contestId, { receivedOn, organisation: input.organisation, channel: "OTHER", topic: input.topic, notes: notes.slice(0, 2000) });
}
