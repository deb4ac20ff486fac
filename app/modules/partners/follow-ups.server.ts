/**
 * "Mis pendientes": a user's open follow-ups across institutions, overdue first. Ordering by the
 * due date puts the overdue ones first by itself (they have the earliest dates); the page is keyed
 * by (dueOn, id) over the index FollowUp(ownerId, state, dueOn). Overdue means the due date has
 * passed in the owner's time zone (User.timeZone, else Settings.timeZone).
 */
import { db, type Prisma } from "~/lib/db.server";
import { decodeCursor, encodeCursor } from "~/lib/paging.server";
import { getSettings } from "~/modules/settings/index.server";
import { addDays, dateOnly, effectiveTimeZone, isCalendarDate, isoDay, todayIn } from "./dates";

export type MyFollowUp = {
  id: string;
  title: string;
  notes: string | null;
  dueOn: string;
  overdue: boolean;
  daysLate: number;
  partner: { id: string; name: string; acronym: string | null };
  activityId: string | null;
  /** The meeting the follow-up came from, if any. */
  meeting: { id: string; subject: string; heldOn: string } | null;
};

export const FOLLOW_UPS_PAGE_SIZE = 50;

async function ownerToday(userId: string, now: Date): Promise<string | null> {
  const [user, settings] = await Promise.all([db.user.findUnique({ where: { id: userId }, select: { timeZone: true } }), getSettings()]);
  if (!user) return null;
  return todayIn(effectiveTimeZone(user.timeZone, settings.timeZone), now);
}

const include = {
  partner: { select: { id: true, name: true, acronym: true } },
  meeting: { select: { id: true, subject: true, heldOn: true } },
} as const;

function toView(row: Prisma.FollowUpGetPayload<{ include: typeof include }>, today: string): MyFollowUp {
  const dueOn = isoDay(row.dueOn);
  const overdue = dueOn < today;
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    dueOn,
    overdue,
    daysLate: overdue ? Math.round((dateOnly(today).getTime() - row.dueOn.getTime()) / 86_400_000) : 0,
    partner: row.partner,
    activityId: row.activityId,
    meeting: row.meeting ? { id: row.meeting.id, subject: row.meeting.subject, heldOn: isoDay(row.meeting.heldOn) } : null,
  };
}

/** One page of the user's open follow-ups, earliest due date first (overdue ones lead). */
export async function listMyFollowUps(
  userId: string,
  cursor?: string | null,
  options: { pageSize?: number; now?: Date } = {}
): Promise<{ rows: MyFollowUp[]; nextCursor: string | null; today: string; overdueCount: number }> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? FOLLOW_UPS_PAGE_SIZE;
  const today = await ownerToday(userId, now);
  if (!today) return { rows: [], nextCursor: null, today: todayIn("UTC", now), overdueCount: 0 };
  const after = decodeCursor(cursor, 2);
  const keyset =
    after && typeof after[0] === "string" && isCalendarDate(after[0]) && typeof after[1] === "string"
      ? { OR: [{ dueOn: { gt: dateOnly(after[0]) } }, { dueOn: dateOnly(after[0]), id: { gt: after[1] } }] }
      : {};
  const [found, overdueCount] = await Promise.all([
    db.followUp.findMany({
      where: { ownerId: userId, state: "OPEN", ...keyset },
      include,
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      take: pageSize + 1,
    }),
    db.followUp.count({ where: overdueWhere(userId, today) }),
  ]);
  const page = found.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => toView(r, today)),
    nextCursor: found.length > pageSize && last ? encodeCursor([isoDay(last.dueOn), last.id]) : null,
    today,
    overdueCount,
  };
}

/** A user's open follow-ups due before their today: "overdue" on the list and on the home page alike. */
function overdueWhere(userId: string, today: string): Prisma.FollowUpWhereInput {
  return { ownerId: userId, state: "OPEN", dueOn: { lt: dateOnly(today) } };
}

/** Open follow-ups due by `withinDays` after the owner's today (overdue ones first), at most `limit`. */
function dueRows(userId: string, today: string, withinDays: number, limit: number) {
  return db.followUp.findMany({
    where: { ownerId: userId, state: "OPEN", dueOn: { lte: dateOnly(addDays(today, withinDays)) } },
    include,
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    take: limit,
  });
}

/**
 * The home page's follow-ups: the first `limit` due (as listFollowUpsDue) and the overdue count
 * (as listMyFollowUps), with the owner's today read once instead of once per list.
 */
export async function homeFollowUps(userId: string, options: { withinDays?: number; limit: number; now: Date }): Promise<{ due: MyFollowUp[]; overdueCount: number }> {
  const today = await ownerToday(userId, options.now);
  if (!today) return { due: [], overdueCount: 0 };
  const [rows, overdueCount] = await Promise.all([dueRows(userId, today, options.withinDays ?? 7, options.limit), db.followUp.count({ where: overdueWhere(userId, today) })]);
  return { due: rows.map((r) => toView(r, today)), overdueCount };
}

/**
 * For the home dashboard: the user's open follow-ups that are overdue or due within `withinDays`
 * days (7 by default) in their own time zone, overdue first, at most `limit`.
 */
export async function listFollowUpsDue(userId: string, options: { withinDays?: number; limit?: number; now?: Date } = {}): Promise<MyFollowUp[]> {
  const today = await ownerToday(userId, options.now ?? new Date());
  if (!today) return [];
  const rows = await dueRows(userId, today, options.withinDays ?? 7, options.limit ?? 20);
  return rows.map((r) => toView(r, today));
}
