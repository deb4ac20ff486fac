/**
 * Correction requests ("subsanes"): the items to correct with their notes and a deadline, e-mailed
 * in Spanish to the organisation's contact through the queue; the answer is new documents attached
 * to the request. The request keeps the mail's delivery state (the mail job reports it back).
 */
import { z } from "zod";
import { db } from "~/lib/db.server";
import { formatDeadline as formatDeadlineText } from "~/lib/format";
import { audit } from "~/modules/audit/index.server";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import { getSettings } from "~/modules/settings/index.server";
import type { Actor } from "./contest.server";
import { ContestError } from "./errors";
import { addDocuments, applyMove, type CorrectionItem, type IncomingFile } from "./submissions.server";

/** The default deadline: the contest's correctionDays after `from`. */
export function defaultDeadline(correctionDays: number, from: Date = new Date()): Date {
  return new Date(from.getTime() + correctionDays * 86_400_000);
}

export function formatDeadline(deadline: Date, timeZone: string): string {
  return formatDeadlineText(deadline, "es", timeZone, { dateStyle: "full", zoneName: true });
}

export function itemLines(items: readonly CorrectionItem[]): string {
  return items.map((item) => `• ${item.name}${item.note ? `: ${item.note}` : ""}`).join("\n");
}

export async function requestCorrection(
  actor: Actor,
  contestId: string,
  submissionId: string,
  input: { items: string[]; message: string | null; deadline: Date },
  opts: { now?: Date; sendMail?: boolean } = {},
) {
  const now = opts.now ?? new Date();
  if (input.deadline.getTime() <= now.getTime()) throw new ContestError("deadlinePast", "deadline");
  const created = await db.$transaction(async (tx) => {
    const submission = await tx.submission.findFirst({
      where: { id: submissionId, contestId },
      include: {
        contest: { select: { name: true } },
        partner: { select: { name: true } },
        contactPerson: { select: { email: true, contact: { select: { email: true } } } },
      },
    });
    if (!submission) throw new ContestError("submissionNotFound");
    const open = await tx.correctionRequest.count({ where: { submissionId, state: "OPEN" } });
    if (open > 0) throw new ContestError("correctionOpen");
    const requirements = await tx.requirement.findMany({ where: { contestId, id: { in: input.items } }, orderBy: { position: "asc" } });
    if (requirements.length === 0 || requirements.length !== new Set(input.items).size) throw new ContestError("itemsRequired", "items");
    const checks = await tx.requirementCheck.findMany({ where: { submissionId, requirementId: { in: input.items } } });
    const notes = new Map(checks.map((c) => [c.requirementId, c.note]));
    const items: CorrectionItem[] = requirements.map((r) => ({ requirementId: r.id, name: r.name, note: notes.get(r.id) ?? null }));
    const sentTo = submission.contactPerson?.contact?.email ?? submission.contactPerson?.email ?? null;
    const request = await tx.correctionRequest.create({
      data: { submissionId, items, message: input.message, deadline: input.deadline, sentTo, mailStatus: sentTo ? "queued" : "noRecipient", createdById: actor.userId, createdAt: now },
    });
    await applyMove(tx, actor, submissionId, "CORRECTIONS_REQUESTED", input.message, { automatic: true, at: now });
    await audit(actor, { action: "contest.correction.create", entity: "submission", entityId: submissionId, after: { correctionRequestId: request.id, items, deadline: input.deadline, sentTo } }, tx);
    return { request, items, sentTo, contestName: submission.contest.name, organisation: submission.partner.name, title: submission.title, folio: submission.folio };
  });
  if (created.sentTo && opts.sendMail !== false) {
    const settings = await getSettings();
    try {
      await sendTransactionalMail({
        template: "contestCorrection",
        // The worker reads the address from the request when it sends (see mail/types.ts).
        to: { correctionRequest: created.request.id },
        locale: "es",
        data: {
          organisation: created.organisation,
          title: created.title,
          folio: created.folio,
          contest: created.contestName,
          items: itemLines(created.items),
          message: input.message ?? "",
          deadline: formatDeadline(input.deadline, settings.timeZone),
        },
        ref: { entity: "correctionRequest", id: created.request.id },
      });
    } catch {
      // The request stands; the page shows the mail was not queued.
      await db.correctionRequest.update({ where: { id: created.request.id }, data: { mailStatus: "notQueued" } });
    }
  }
  return created.request;
}

/** The organisation's answer: new documents (and a note) attached to the request; back to review. */
export async function answerCorrection(
  actor: Actor,
  contestId: string,
  submissionId: string,
  requestId: string,
  input: { note: string | null },
  files: IncomingFile[],
  opts: { at?: Date } = {},
) {
  const at = opts.at ?? new Date();
  const request = await db.correctionRequest.findFirst({ where: { id: requestId, submissionId, submission: { contestId } } });
  if (!request) throw new ContestError("correctionNotFound");
  if (request.state !== "OPEN") throw new ContestError("correctionClosed");
  const documents = files.length ? await addDocuments(actor, contestId, submissionId, files, { correctionRequestId: requestId, at }) : [];
  return db.$transaction(async (tx) => {
    const updated = await tx.correctionRequest.updateMany({ where: { id: requestId, state: "OPEN" }, data: { state: "ANSWERED", answeredAt: at, answerNote: input.note } });
    if (updated.count === 0) throw new ContestError("correctionClosed");
    await audit(actor, { action: "contest.correction.answer", entity: "submission", entityId: submissionId, after: { correctionRequestId: requestId, note: input.note, documents: documents.map((d) => d.id) } }, tx);
    const submission = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { status: true } });
    if (submission.status === "CORRECTIONS_REQUESTED") await applyMove(tx, actor, submissionId, "IN_REVIEW", input.note, { automatic: true, at });
    return { documents: documents.length };
  });
}

export const cancelCorrectionSchema = z.object({
  requestId: z.string().regex(/^[a-z0-9]{10,40}$/, "contest.errors.correctionNotFound"),
  reason: z
    .string({ message: "contest.errors.cancelReasonRequired" })
    .transform((v) => v.trim().normalize("NFC").replace(/\r\n?/g, "\n"))
    .pipe(z.string().min(1, "contest.errors.cancelReasonRequired").max(2000, "contest.errors.tooLong")),
});

/**
 * Withdraws an open request (sent by mistake, or settled another way): it no longer counts as an
 * open correction, so a submission waiting on it goes back to review, recorded in its status
 * history with the reason. No mail goes out: whoever cancels tells the organisation if needed.
 */
export async function cancelCorrection(actor: Actor, contestId: string, submissionId: string, input: { requestId: string; reason: string }, opts: { at?: Date } = {}) {
  const at = opts.at ?? new Date();
  return db.$transaction(async (tx) => {
    const request = await tx.correctionRequest.findFirst({ where: { id: input.requestId, submissionId, submission: { contestId } }, select: { id: true, state: true } });
    if (!request) throw new ContestError("correctionNotFound");
    const updated = await tx.correctionRequest.updateMany({ where: { id: request.id, state: "OPEN" }, data: { state: "CANCELLED" } });
    if (updated.count === 0) throw new ContestError("correctionClosed");
    await audit(
      actor,
      { action: "contest.correction.cancel", entity: "submission", entityId: submissionId, before: { correctionRequestId: request.id, state: "OPEN" }, after: { correctionRequestId: request.id, state: "CANCELLED", reason: input.reason } },
      tx,
    );
    const submission = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { status: true } });
    // Only a submission still waiting on this request moves; one already moved on stays where it is.
    const moved = submission.status === "CORRECTIONS_REQUESTED" ? await applyMove(tx, actor, submissionId, "IN_REVIEW", input.reason, { automatic: true, at }) : null;
    return { status: moved?.to ?? submission.status };
  });
}

/** Open requests past their deadline, for a contest (the page's flag and filter). */
export async function overdueCorrections(contestId: string, now: Date = new Date()) {
  return db.correctionRequest.findMany({
    where: { state: "OPEN", deadline: { lt: now }, submission: { contestId } },
    select: { id: true, deadline: true, submissionId: true },
    orderBy: { deadline: "asc" },
    take: 500,
  });
}
