/**
 * The bulletin page: what it shows (the bulletin, its report, the preview, the audience, the
 * reader's zone) and the two-step send. A send or a schedule first states what will happen, when
 * and to how many (`confirmStep`); the second post carries the figures the person saw, and a stale
 * one (the audience or the bulletin moved) is asked again with the new figures (decision 023).
 */
import { formatDateTime } from "~/lib/format";
import { readingZone } from "~/lib/time";
import { getSettings } from "~/modules/settings/index.server";
import { audienceCount, bulletinReport, BulletinError, getBulletin, previewBulletin, scheduleBulletin, segmentChoices, sendBulletin, sendConfirmation, type SendConfirmation, type SendResult } from "./bulletins.server";
import { utcToZonedLocal, zonedLocalToUtc } from "./time";
import type { BulletinConfirm as Confirm } from "./types";

type Reader = { timeZone?: string | null; locale?: string | null };
type Actor = { userId: string | null; ip: string | null };

/** The zone a person reads and types times in (their own, else the office's). */
export async function readerZone(reader: Reader): Promise<string> {
  return readingZone(reader.timeZone ?? null, (await getSettings()).timeZone);
}

/** Everything the bulletin page renders, or null when there is no such bulletin. */
export async function bulletinPage(reader: Reader, id: string, previewContact: number | null) {
  const bulletin = await getBulletin(id);
  if (!bulletin) return null;
  const open = bulletin.status === "DRAFT" || bulletin.status === "SCHEDULED";
  // A deleted segment reaches nobody (the bulletin refuses to send until another is chosen).
  const counted = !open ? null : bulletin.segmentName && !bulletin.segmentId ? 0 : audienceCount(bulletin.segmentId).catch(() => 0);
  const [audience, segments, settings, report, zone, preview] = await Promise.all([counted, segmentChoices(), getSettings(), bulletinReport(bulletin.id), readerZone(reader), previewBulletin(bulletin.id, previewContact)]);
  const { id: bulletinId, name, subject, preheader, bodyMarkdown, language, fromName, fromEmail, replyTo, segmentId, segmentName, status, scheduledAt, startedAt, finishedAt, pausedReason, version } = bulletin;
  return {
    bulletin: { id: bulletinId, name, subject, preheader, bodyMarkdown, language, fromName, fromEmail, replyTo, segmentId, segmentName, status, scheduledAt, startedAt, finishedAt, pausedReason, version },
    report: report!,
    preview: { subject: preview?.subject ?? "", html: preview?.html ?? "", text: preview?.text ?? "" },
    audience,
    segments,
    senderEmail: settings.bulkSenderEmail,
    zone,
    scheduleDefault: utcToZonedLocal(scheduledAt ?? new Date(Date.now() + 3_600_000), zone),
  };
}

type Step = Pick<Confirm, "kind" | "scheduledAt" | "atLabel" | "notice" | "noticeParams">;

/** Counted now, by the same rule the send snapshots with. */
export async function confirmStep(id: string, step: Step): Promise<Confirm> {
  const now = await sendConfirmation(id);
  return { ...step, subject: now.subject, recipients: now.recipients, version: now.version };
}

const STALE = new Set(["audienceChanged", "changedSinceConfirm"]);

/** Refusals that mean «the figures moved since you confirmed»: ask again rather than fail. */
function staleRefusal(error: unknown): BulletinError | null {
  return error instanceof BulletinError && STALE.has(error.code) ? error : null;
}

type Confirmed = { confirmedRecipients?: number; confirmedVersion?: number };

function confirmationOf(value: Confirmed): SendConfirmation | null {
  return value.confirmedRecipients === undefined || value.confirmedVersion === undefined ? null : { recipients: value.confirmedRecipients, version: value.confirmedVersion };
}

export type StepOutcome<T> = { done: T } | { ask: Confirm; stale: boolean };

/** A send: without confirmed figures only the confirmation; with stale ones, the confirmation again. */
export async function sendStep(actor: Actor, id: string, value: Confirmed): Promise<StepOutcome<SendResult>> {
  const confirmed = confirmationOf(value);
  if (!confirmed) return { ask: await confirmStep(id, { kind: "send" }), stale: false };
  try {
    return { done: await sendBulletin(actor, id, { confirmed }) };
  } catch (error) {
    const refused = staleRefusal(error);
    if (!refused) throw error;
    return { ask: await confirmStep(id, { kind: "send", notice: refused.messageKey, noticeParams: { before: confirmed.recipients } }), stale: true };
  }
}

/**
 * A schedule: the typed wall-clock time is read in the reader's zone (a time that is not one, or
 * that is past, is refused on the field), then confirmed like a send.
 */
export async function scheduleStep(actor: Actor, reader: Reader, id: string, value: Confirmed & { scheduledAt: string }): Promise<StepOutcome<{ atLabel: string }>> {
  const zone = await readerZone(reader);
  const at = zonedLocalToUtc(value.scheduledAt, zone);
  if (!at) throw new BulletinError("scheduleInvalid", "scheduledAt", 400);
  if (at.getTime() <= Date.now()) throw new BulletinError("scheduleInPast", "scheduledAt", 400);
  const atLabel = formatDateTime(at, reader.locale === "en" ? "en" : "es", zone, { dateStyle: "long", zoneName: true });
  const step = { kind: "schedule" as const, scheduledAt: value.scheduledAt, atLabel };
  const confirmed = confirmationOf(value);
  if (!confirmed) return { ask: await confirmStep(id, step), stale: false };
  try {
    await scheduleBulletin(actor, id, at, new Date(), confirmed);
    return { done: { atLabel } };
  } catch (error) {
    const refused = staleRefusal(error);
    if (!refused) throw error;
    return { ask: await confirmStep(id, { ...step, notice: refused.messageKey, noticeParams: { before: confirmed.recipients } }), stale: true };
  }
}
