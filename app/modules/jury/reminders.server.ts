/**
 * Reminders to jurors with pending evaluations: automatically 3 days and 1 day before the
 * deadline (once each per juror and contest, however often the job runs and on however many
 * workers), and whenever an ADMIN asks. What was sent is recorded in the audit log in the same
 * transaction that queues the mail, under a per-key advisory lock, with the key as the job id.
 */
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { formatDeadline } from "~/lib/format";
import { audit } from "~/modules/audit/index.server";
import { zoneFor } from "~/modules/contest/index.server";
import { DEFAULT_LOCALE, isLocale } from "~/i18n";
import { enqueueMail } from "~/lib/queue.server";
import type { TransactionalMail } from "~/modules/mail";
import type { AdminActor } from "./admin.server";
import { JuryError } from "./errors";

const DAY = 86_400_000;
export type ReminderKind = "d3" | "d1" | "manual";

/** Which automatic reminder is due now for a deadline, if any. */
export function dueReminder(evaluationEndsAt: Date, now: Date): "d3" | "d1" | null {
  const left = evaluationEndsAt.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left <= DAY) return "d1";
  if (left <= 3 * DAY) return "d3";
  return null;
}

/** Jurors of a contest with evaluations still to submit (assigned, not conflicted, not submitted). */
export async function pendingJurors(contestId: string) {
  const rows = await db.assignment.findMany({
    where: { contestId, submission: { status: "REGISTERED" } },
    select: { userId: true, submissionId: true },
  });
  const submitted = await db.evaluation.findMany({ where: { contestId, state: "SUBMITTED" }, select: { userId: true, submissionId: true } });
  const done = new Set(submitted.map((e) => `${e.submissionId}:${e.userId}`));
  const pending = new Map<string, number>();
  for (const r of rows) if (!done.has(`${r.submissionId}:${r.userId}`)) pending.set(r.userId, (pending.get(r.userId) ?? 0) + 1);
  const members = await db.juryMember.findMany({
    where: { contestId, userId: { in: [...pending.keys()] }, user: { active: true } },
    select: { user: { select: { id: true, email: true, name: true, locale: true, timeZone: true } } },
  });
  return members.map((m) => ({ ...m.user, pending: pending.get(m.user.id) ?? 0 }));
}

type Contest = { id: string; name: string; evaluationEndsAt: Date };

async function remind(actorId: string | null, contest: Contest, juror: Awaited<ReturnType<typeof pendingJurors>>[number], kind: ReminderKind, now: Date) {
  const key = kind === "manual" ? `jury-reminder-${contest.id}-${juror.id}-manual-${now.getTime()}` : `jury-reminder-${contest.id}-${juror.id}-${kind}`;
  const locale = isLocale(juror.locale) ? juror.locale : DEFAULT_LOCALE;
  const zone = await zoneFor(juror);
  const deadline = formatDeadline(contest.evaluationEndsAt, locale, zone, { dateStyle: "long", zoneName: true });
  const mail: TransactionalMail = {
    template: "juryReminder",
    to: { user: juror.id },
    locale,
    data: {
      name: juror.name,
      contest: contest.name,
      pending: String(juror.pending),
      deadline: `${deadline} (${zone})`,
      url: `${env().APP_URL.replace(/\/+$/, "")}/jury/${contest.id}`,
    },
  };
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
    if (kind !== "manual") {
      const sent = await tx.auditLog.findFirst({ where: { action: "jury.reminder.sent", entity: "juryReminder", entityId: key }, select: { id: true } });
      if (sent) return false;
    }
    await audit({ userId: actorId }, { action: "jury.reminder.sent", entity: "juryReminder", entityId: key, after: { contestId: contest.id, userId: juror.id, kind, pending: juror.pending } }, tx);
    // Queued inside the transaction: if Redis refuses, nothing is recorded and the next run retries.
    await enqueueMail(mail, { jobId: key });
    return true;
  });
}

/** The scheduled run: every contest whose deadline is 3 days or 1 day away. Returns how many were sent. */
export async function sendDueReminders(now: Date = new Date()): Promise<number> {
  const contests = await db.contest.findMany({
    where: { juryClosed: false, evaluationEndsAt: { gt: now, lte: new Date(now.getTime() + 3 * DAY) }, evaluationStartsAt: { lte: now } },
    select: { id: true, name: true, evaluationEndsAt: true },
  });
  let sent = 0;
  for (const contest of contests) {
    const kind = dueReminder(contest.evaluationEndsAt, now);
    if (!kind) continue;
    for (const juror of await pendingJurors(contest.id)) if (await remind(null, contest, juror, kind, now)) sent++;
  }
  return sent;
}

/** The ADMIN's "send reminder now": every juror with pending evaluations in this contest. */
export async function sendReminderNow(actor: AdminActor, contestId: string, now: Date = new Date()): Promise<number> {
  if (actor.role !== "ADMIN") throw new JuryError("notFound");
  const contest = await db.contest.findUnique({ where: { id: contestId }, select: { id: true, name: true, evaluationEndsAt: true, juryClosed: true } });
  if (!contest) throw new JuryError("notFound");
  if (contest.juryClosed) throw new JuryError("juryClosed");
  if (contest.evaluationEndsAt.getTime() <= now.getTime()) throw new JuryError("deadlinePassed");
  let sent = 0;
  for (const juror of await pendingJurors(contestId)) if (await remind(actor.userId, contest, juror, "manual", now)) sent++;
  return sent;
}
