/**
 * The monthly report's figures (decisions 015, 018, 024), by the part of the report that counts
 * them. Each record carries its report part (Event, PartnerActivity, Meeting.reportPart: explicit,
 * editable, defaulted by its owning module); this module only reads it, and quotes each owning
 * module's one definition: events (eventFiguresForMonth), meetings (meetingFiguresForMonth),
 * materials (materialFiguresForMonth), the contest funnel (contestFunnel). Everything returned is
 * plain JSON (dates as strings) so an approved version stores it as it is (frozenFigures).
 *
 * A record appears once: a meeting in its part, an event in its part, a partner activity in its
 * part unless it belongs to an event that is printed (then the event stands for it).
 *
 * Which month: events by their own local date; meetings, agreements and partner activities by
 * their calendar date; bulletins by their start in the office's zone (settings); the contest
 * funnel up to the report's cutoff date (MonthlyReport.contestCutoffOn) or the month's end.
 */
import type { ReportPart } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { contestFunnel } from "~/modules/contest/submissions.server";
import { eventFiguresForMonth } from "~/modules/events/query.server";
import { endOfZonedDay, zonedDate } from "~/lib/time";
import { materialFiguresForMonth } from "~/modules/materials/figures.server";
// Communications (decision 025): accounts, microsite and media log, counted by their own module.
import { communicationsFiguresForMonth } from "~/modules/communications/figures.server";
import { communicationsFromInput, type CommunicationsFigures, type LegacyInput } from "~/modules/communications/shapes";
import { meetingFiguresForMonth, type AgreementItem, type MeetingItem } from "~/modules/meetings/figures.server";
import { getSettings } from "~/modules/settings/settings.server";
// Citizen and contest enquiries (decision 025): counted by their own modules.
import { contestEnquirySummary } from "~/modules/contest/enquiries.server";
import { enquiriesJson, enquiryFiguresFromLegacyInput, type EnquiriesJson, type EnquiryFigures } from "~/modules/enquiries/figures";
import { enquiryFiguresForMonth } from "~/modules/enquiries/figures.server";
import type { ContestEnquirySummary } from "~/modules/enquiries/report";
import { monthRange, shiftMonth, type MonthRange } from "./month";
// issue 17 (contrib-tables): the sections' tables, attachments and key figures.
import { keyFiguresJson } from "./key-figures.server";
import { contributionsForMonth, contributionsOf } from "./tables.server";
import type { MonthlyInputData } from "./schema";

export type { AgreementItem, MeetingItem };

/** Frozen figures of this shape carry `schema: 2`; older approved versions (no schema) read through document-v1. */
export const FIGURES_SCHEMA = 2;

export type Institution = { name: string; acronym: string | null; kind: string };

export type EventItem = {
  id: string;
  name: string;
  /** Local date, YYYY-MM-DD. */
  date: string;
  kind: string;
  country: string | null;
  state: string | null;
  city: string | null;
  /** Online (no place): never counted as attendance abroad. */
  online: boolean;
  reportPart: ReportPart;
  attendance: number;
  appointments: number;
  registrationRequests: number;
  handedOut: number;
  signups: number;
  /** Institutions that took part (EventPartner) and those of partner activities tied to the event, each once. */
  institutions: Institution[];
};

export type EventTotals = { events: number; attendance: number; appointments: number; registrationRequests: number; handedOut: number; signups: number };

export type ActivityItem = {
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  kind: string;
  institutions: Institution[];
  summary: string;
  peopleReached: number | null;
  itemsDistributed: number | null;
  bulletinRecipients: number | null;
  eventId: string | null;
  reportPart: ReportPart;
};

/** What one part of 2.1.4 (or 2.1.1) prints: each record once. */
export type PartRecords = { events: EventItem[]; activities: ActivityItem[]; meetings: MeetingItem[] };

export const institutionName = (i: Institution) => (i.acronym ? `${i.name} (${i.acronym})` : i.name);

export function eventTotals(events: EventItem[]): EventTotals {
  return events.reduce(
    (t, e) => ({ events: t.events + 1, attendance: t.attendance + e.attendance, appointments: t.appointments + e.appointments, registrationRequests: t.registrationRequests + e.registrationRequests, handedOut: t.handedOut + e.handedOut, signups: t.signups + e.signups }),
    { events: 0, attendance: 0, appointments: 0, registrationRequests: 0, handedOut: 0, signups: 0 },
  );
}

function localDate(instant: Date | string, zone: string): string {
  return zonedDate(new Date(instant), zone);
}

// ── Events ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The month's held events as the events module counts them, each with the part it counts in and
 * whether it was online (eventFiguresForMonth: an online event is never counted abroad); the
 * institutions linked to each are read here (one query) to name them.
 */
export async function monthEvents(range: MonthRange, now: Date): Promise<EventItem[]> {
  const figures = await eventFiguresForMonth(range.year, range.monthNumber, now);
  const rows = figures.events;
  const extra = new Map(
    (
      await db.event.findMany({
        where: { id: { in: rows.map((e) => e.id) } },
        select: { id: true, kind: true, partners: { select: { partner: { select: { name: true, acronym: true, kind: true } } } } },
      })
    ).map((e) => [e.id, e]),
  );
  return rows.map((e) => {
    const x = extra.get(e.id);
    const kind = (x?.kind as string | undefined) ?? "OTHER";
    return {
      id: e.id,
      name: e.name,
      date: localDate(e.startsAt, e.timeZone),
      kind,
      country: e.country,
      state: e.state,
      city: e.city,
      online: e.online,
      reportPart: e.reportPart,
      attendance: e.figures.attendance,
      appointments: e.figures.appointments,
      registrationRequests: e.figures.registrationRequests,
      handedOut: e.figures.handedOut,
      signups: e.figures.signups,
      institutions: (x?.partners ?? []).map((p) => ({ name: p.partner.name, acronym: p.partner.acronym, kind: p.partner.kind as string })),
    };
  });
}

// ── Partner activities ───────────────────────────────────────────────────────────────────────────

/** The month's partner activities by calendar date: one row per activity, with every institution it was done with. */
export async function monthActivities(range: MonthRange): Promise<ActivityItem[]> {
  const first = `${range.month}-01`;
  const next = `${shiftMonth(range.month, 1)}-01`;
  const rows = await db.$queryRaw<Array<Omit<ActivityItem, "date" | "institutions"> & { date: Date; institutions: Institution[] }>>`
    SELECT a.id, a."occurredOn" AS date, a."kind"::text AS kind, a."summary", a."peopleReached", a."itemsDistributed", a."bulletinRecipients",
      a."eventId", a."reportPart"::text AS "reportPart",
      (SELECT coalesce(json_agg(json_build_object('name', p."name", 'acronym', p."acronym", 'kind', p."kind"::text) ORDER BY (p.id = a."partnerId") DESC, p."name"), '[]'::json)
         FROM "Partner" p
         -- A UNION, not "p.id = a.partnerId OR p.id IN (…)": the OR read every institution once per activity (385 ms → 4 ms for a month of 5,000 institutions).
         WHERE p.id IN (SELECT a."partnerId" UNION SELECT x."partnerId" FROM "PartnerActivityPartner" x WHERE x."activityId" = a.id)) AS institutions
    FROM "PartnerActivity" a
    WHERE a."occurredOn" >= ${first}::date AND a."occurredOn" < ${next}::date
    ORDER BY a."occurredOn", a.id
    LIMIT 2000`;
  return rows.map(({ date, ...r }) => ({ ...r, date: date.toISOString().slice(0, 10) }));
}

// ── Contest ──────────────────────────────────────────────────────────────────────────────────────

export type ContestItem = {
  id: string;
  name: string;
  funnel: Awaited<ReturnType<typeof contestFunnel>>;
  jurors: number;
  /** The agreement that designated the jurors (INE/CVMRE-04SO), when recorded. */
  designation: { number: string; adoptedOn: string } | null;
  /** The month's jury sessions (kind, local date). */
  sessions: Array<{ kind: string; date: string }>;
  /** Enquiries organisations made about the contest in the month (ContestEnquiry); absent in figures frozen before decision 025. */
  enquiries?: ContestEnquirySummary;
};

/**
 * The contests running in the month: each funnel cut at `cutoffOn` (a date, its last instant in the
 * office's zone) or at the month's end; the jurors designated by then.
 */
export async function contestFigures(range: MonthRange, timeZone: string, cutoffOn: string | null): Promise<{ cutoffOn: string | null; contests: ContestItem[] }> {
  const cutoffAt = cutoffOn ? endOfZonedDay(cutoffOn, timeZone) : new Date(range.to.getTime() - 1);
  const cutoffDay = cutoffOn ?? localDate(cutoffAt, timeZone);
  const contests = await db.contest.findMany({
    where: { submissionsOpenAt: { lt: range.to }, resultsAt: { gte: new Date(range.from.getTime() - 62 * 86_400_000) } },
    orderBy: { submissionsOpenAt: "desc" },
    select: { id: true, name: true },
    take: 5,
  });
  const dayAfter = new Date(Date.parse(`${cutoffDay}T00:00:00Z`) + 86_400_000);
  const out = await Promise.all(
    contests.map(async (c): Promise<ContestItem> => {
      const [funnel, jurors, sessions, enquiries] = await Promise.all([
        contestFunnel(c.id, cutoffAt),
        db.juryMember.findMany({
          where: { contestId: c.id, OR: [{ designatedOn: { lt: dayAfter } }, { designatedOn: null, createdAt: { lte: cutoffAt } }] },
          orderBy: { createdAt: "asc" },
          select: { agreement: { select: { number: true, adoptedOn: true } } },
        }),
        db.jurySession.findMany({ where: { contestId: c.id, heldAt: { gte: range.from, lt: range.to } }, orderBy: { heldAt: "asc" }, select: { kind: true, heldAt: true } }),
        contestEnquirySummary(c.id, `${range.month}-01`, `${shiftMonth(range.month, 1)}-01`),
      ]);
      const designation = jurors.find((j) => j.agreement)?.agreement ?? null;
      return {
        id: c.id,
        name: c.name,
        funnel,
        jurors: jurors.length,
        designation: designation ? { number: designation.number, adoptedOn: designation.adoptedOn.toISOString().slice(0, 10) } : null,
        sessions: sessions.map((s) => ({ kind: s.kind as string, date: localDate(s.heldAt, timeZone) })),
        enquiries,
      };
    }),
  );
  return { cutoffOn, contests: out };
}

// ── Bulletins ────────────────────────────────────────────────────────────────────────────────────

/** The bulletins whose sending started in the month (office's zone): each, and the contacts they reached (each once). */
export async function bulletinFigures(range: MonthRange) {
  const [month, distinct] = await Promise.all([
    bulletinsOfMonth(range),
    db.$queryRaw<Array<{ n: number }>>`
      SELECT count(DISTINCT d."contactId")::int AS n FROM "BulletinDelivery" d JOIN "Bulletin" b ON b.id = d."bulletinId"
      WHERE b."startedAt" >= ${range.from} AND b."startedAt" < ${range.to} AND b."status" <> 'DRAFT' AND d."status" = 'SENT'`,
  ]);
  return { ...month, distinctContacts: distinct[0]?.n ?? 0 };
}

/**
 * The month's bulletins and their sums, without the contacts reached (bulletinFigures adds them):
 * the home compares these alone, and counting each contact once reads every delivery of the month
 * (40,000 rows, 30 ms, twice per visit).
 */
export async function bulletinsOfMonth(range: MonthRange) {
  const bulletins = await db.$queryRaw<Array<{ id: string; name: string; subject: string; startedAt: Date; recipients: number; sent: number; failed: number }>>`
    SELECT b.id, b."name", b."subject", b."startedAt", b."recipients",
      (SELECT count(*)::int FROM "BulletinDelivery" d WHERE d."bulletinId" = b.id AND d."status" = 'SENT') AS sent,
      (SELECT count(*)::int FROM "BulletinDelivery" d WHERE d."bulletinId" = b.id AND d."status" = 'FAILED') AS failed
    FROM "Bulletin" b
    WHERE b."startedAt" >= ${range.from} AND b."startedAt" < ${range.to} AND b."status" <> 'DRAFT'
    ORDER BY b."startedAt", b.id`;
  return {
    bulletins: bulletins.map((b) => ({ ...b, startedAt: b.startedAt.toISOString() })),
    count: bulletins.length,
    recipients: bulletins.reduce((s, b) => s + b.recipients, 0),
    sent: bulletins.reduce((s, b) => s + b.sent, 0),
    failed: bulletins.reduce((s, b) => s + b.failed, 0),
  };
}

// ── Materials ────────────────────────────────────────────────────────────────────────────────────

export type PartnerReported = { total: number; items: Array<{ name: string; quantity: number }> };

/** What partners report handing out themselves (materials module, when it returns it): labelled apart, never added to the ledger. */
function partnerReportedOf(value: unknown): PartnerReported {
  if (typeof value === "number") return { total: value, items: [] };
  if (Array.isArray(value)) {
    const items = value.map((v: { name?: string; partner?: string; material?: string; quantity?: number; total?: number }) => ({ name: v.name ?? v.partner ?? v.material ?? "", quantity: Number(v.quantity ?? v.total ?? 0) }));
    return { total: items.reduce((s, i) => s + i.quantity, 0), items };
  }
  if (value && typeof value === "object") {
    const v = value as { total?: number; items?: unknown; byPartner?: unknown; byMaterial?: unknown };
    const inner = partnerReportedOf(v.items ?? v.byPartner ?? v.byMaterial ?? []);
    return { total: typeof v.total === "number" ? v.total : inner.total, items: inner.items };
  }
  return { total: 0, items: [] };
}

async function materialsSection(range: MonthRange) {
  const m = await materialFiguresForMonth(range.year, range.monthNumber);
  return {
    totals: m.totals,
    handedOutAtEvents: m.handedOutAtEvents,
    byMaterial: m.byMaterial.map((x) => ({ code: x.code, name: x.name, kind: x.kind as string, eventsAbroad: x.eventsAbroad, eventsMexico: x.eventsMexico, eventsOnline: x.eventsOnline, partners: x.partners, foreignServicePosts: x.foreignServicePosts, total: x.total })),
    partnerReported: partnerReportedOf((m as { partnerReported?: unknown }).partnerReported),
  };
}

/** The figures the system does not hold, as entered for the month (null when not entered yet). */
export async function monthlyInputFigures(month: string): Promise<MonthlyInputData | null> {
  const row = await db.monthlyInput.findUnique({ where: { month } });
  return (row?.data as MonthlyInputData | undefined) ?? null;
}

// ── The whole month ──────────────────────────────────────────────────────────────────────────────

const PRINTED_PARTS: ReportPart[] = ["SECRETARIAT", "INSTITUTIONAL", "COMMUNITY_ABROAD", "CONTEST", "EDUCATIONAL", "DECENTRALIZED", "DIGITAL"];

export type ReportFigures = Awaited<ReturnType<typeof computeReportFigures>>;

/** Every part's figures for a month ("2017-11"); the contest funnel cut at `contestCutoffOn` (YYYY-MM-DD) when given. */
export async function computeReportFigures(month: string, now: Date = new Date(), opts: { contestCutoffOn?: string | null } = {}) {
  const { timeZone } = await getSettings();
  const range = monthRange(month, timeZone);
  // Each part is a handful of short independent reads: one after another they made a month's report
  // ~45 round trips in a row (issue 20). At once, the report waits for its slowest part; the pool
  // (10 connections) queues the rest.
  const [events, activities, meetingFigures, contest, bulletins, materials, input, communications, enquiries, contributions] = await Promise.all([
    monthEvents(range, now),
    monthActivities(range),
    meetingFiguresForMonth(range),
    contestFigures(range, timeZone, opts.contestCutoffOn ?? null),
    bulletinFigures(range),
    materialsSection(range),
    monthlyInputFigures(month),
    communicationsFiguresForMonth(month),
    enquiryFiguresForMonth(month),
    // issue 17 (contrib-tables): what the sections hold besides their text, frozen with the figures.
    contributionsForMonth(month),
  ]);

  // A partner activity tied to a printed event is told by the event (its institutions named there).
  const printedEvents = new Map(events.filter((e) => PRINTED_PARTS.includes(e.reportPart)).map((e) => [e.id, e]));
  const standalone: ActivityItem[] = [];
  for (const a of activities) {
    const event = a.eventId ? printedEvents.get(a.eventId) : undefined;
    if (!event) {
      standalone.push(a);
      continue;
    }
    for (const i of a.institutions) if (!event.institutions.some((x) => x.name === i.name)) event.institutions.push(i);
  }
  const part = (p: ReportPart): PartRecords => ({
    events: events.filter((e) => e.reportPart === p),
    activities: standalone.filter((a) => a.reportPart === p),
    meetings: meetingFigures.meetings.filter((m) => m.reportPart === p),
  });
  const inPerson = (records: PartRecords) => eventTotals(records.events.filter((e) => !e.online));

  const community = part("COMMUNITY_ABROAD");
  const educational = part("EDUCATIONAL");
  const decentralized = part("DECENTRALIZED");
  return {
    schema: FIGURES_SCHEMA,
    month,
    timeZone,
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    computedAt: now.toISOString(),
    secretariat: { ...part("SECRETARIAT"), counts: meetingFigures.secretariat, agreements: meetingFigures.agreements },
    institutional: part("INSTITUTIONAL"),
    community_abroad: { ...community, totals: inPerson(community), onlineEvents: community.events.filter((e) => e.online).length },
    contest: { ...part("CONTEST"), ...contest },
    educational: { ...educational, totals: inPerson(educational) },
    decentralized: { ...decentralized, totals: inPerson(decentralized) },
    digital: { ...part("DIGITAL"), bulletins },
    materials,
    /** Social accounts per owner area, the microsite and the media log (communications module). */
    communications,
    /** Every held event of the month (all parts) and every activity and meeting: the CSV annexes. */
    all: { events, eventTotals: eventTotals(events), activities, meetings: meetingFigures.meetings },
    input,
    enquiries,
    contributions,
  };
}

/** The month's enquiry figures; a version frozen before decision 025 has only the typed totals of its monthly input. */
export function reportEnquiryFigures(f: ReportFigures): EnquiryFigures {
  return (f as { enquiries?: EnquiryFigures }).enquiries ?? enquiryFiguresFromLegacyInput(f.month, f.input);
}

// ── figures.json: the numbers the document prints ───────────────────────────────────────────────

export type FiguresJson = {
  month: string;
  secretariat: { working_meetings: number; workshops: number; commission_sessions: number; agreements: number };
  institutional: { meetings: number; activities: number; events: number; institutions: number };
  community_abroad: { events: number; online_events: number; attendance: number; appointments: number; registration_requests: number; meetings: number; activities: number };
  contest: { received: number; registered: number; not_registered: number; withdrawn: number; in_process: number; jurors_designated: number; jury_sessions: number; enquiries: number };
  educational: { events: number; attendance: number; activities: number; meetings: number };
  decentralized: { events: number; attendance: number; activities: number; meetings: number };
  digital: {
    bulletins: number;
    bulletin_recipients: number;
    facebook_posts: number;
    facebook_impressions: number;
    facebook_followers: number;
    twitter_posts: number;
    twitter_retweets: number;
    twitter_likes: number;
    twitter_comments: number;
    twitter_followers: number;
    microsite_visits: number;
    microsite_countries: number;
  };
  materials: { events_abroad: number; events_mexico: number; events_online: number; partners: number; foreign_service_posts: number; total: number; partner_reported: number };
  media: { notes: number; internet: number; print: number; radio: number; tv: number; positive: number; neutral: number; negative: number };
  /** 2.5's social accounts (communications module): area totals and each network's figures. */
  cncs: CncsFiguresJson;
  enquiries: EnquiriesJson;
};

// ── Communications (decision 025) ──────────────────────────────────────────────────────────────

export type CncsFiguresJson = {
  accounts: number;
  posts: number;
  impressions: number;
  reach: number;
  likes: number;
  shares: number;
  comments: number;
  engagements: number;
  twitter_posts: number;
  twitter_impressions: number;
  twitter_likes: number;
  twitter_retweets: number;
  twitter_engagements: number;
  facebook_posts: number;
  facebook_reach: number;
  facebook_impressions: number;
  facebook_likes: number;
  facebook_comments: number;
  facebook_shares: number;
  best_post_reach: number;
};

/** The month's communications figures: computed with the report, or from the typed input a version approved before decision 025 froze. */
export function communicationsOf(f: { month: string; input?: unknown; communications?: CommunicationsFigures }): CommunicationsFigures {
  return f.communications ?? communicationsFromInput(f.month, f.input as LegacyInput | null);
}

function networkSum(c: CommunicationsFigures, area: "VMRE_OFFICE" | "CNCS", network: string, key: "posts" | "impressions" | "reach" | "followers" | "shares" | "likes" | "comments" | "engagements"): number {
  return c.areas[area].accounts.filter((a) => a.network === network).reduce((s, a) => s + (a[key] ?? 0), 0);
}

function digitalJson(c: CommunicationsFigures) {
  const v = (network: string, key: Parameters<typeof networkSum>[3]) => networkSum(c, "VMRE_OFFICE", network, key);
  return {
    facebook_posts: v("FACEBOOK", "posts"),
    facebook_impressions: v("FACEBOOK", "impressions"),
    facebook_followers: v("FACEBOOK", "followers"),
    twitter_posts: v("TWITTER", "posts"),
    twitter_retweets: v("TWITTER", "shares"),
    twitter_likes: v("TWITTER", "likes"),
    twitter_comments: v("TWITTER", "comments"),
    twitter_followers: v("TWITTER", "followers"),
    microsite_visits: c.microsite?.visits ?? 0,
    microsite_countries: c.microsite?.countries ?? 0,
  };
}

function mediaJson(c: CommunicationsFigures): FiguresJson["media"] {
  const m = c.media;
  return { notes: m.notes, internet: m.byMedium.INTERNET, print: m.byMedium.PRINT, radio: m.byMedium.RADIO, tv: m.byMedium.TV, positive: m.byTone.POSITIVE, neutral: m.byTone.NEUTRAL, negative: m.byTone.NEGATIVE };
}

export function cncsJson(c: CommunicationsFigures): CncsFiguresJson {
  const t = c.areas.CNCS.totals;
  const v = (network: string, key: Parameters<typeof networkSum>[3]) => networkSum(c, "CNCS", network, key);
  return {
    accounts: t.accounts,
    posts: t.posts,
    impressions: t.impressions,
    reach: t.reach,
    likes: t.likes,
    shares: t.shares,
    comments: t.comments,
    engagements: t.engagements,
    twitter_posts: v("TWITTER", "posts"),
    twitter_impressions: v("TWITTER", "impressions"),
    twitter_likes: v("TWITTER", "likes"),
    twitter_retweets: v("TWITTER", "shares"),
    twitter_engagements: v("TWITTER", "engagements"),
    facebook_posts: v("FACEBOOK", "posts"),
    facebook_reach: v("FACEBOOK", "reach"),
    facebook_impressions: v("FACEBOOK", "impressions"),
    facebook_likes: v("FACEBOOK", "likes"),
    facebook_comments: v("FACEBOOK", "comments"),
    facebook_shares: v("FACEBOOK", "shares"),
    best_post_reach: c.areas.CNCS.accounts.reduce((s, a) => Math.max(s, a.bestPostReach ?? 0), 0),
  };
}

/** Institutions named in a part (each once). */
export function partInstitutions(records: PartRecords): string[] {
  const names = new Set<string>();
  for (const m of records.meetings) for (const p of m.participants) if (p.type === "partner") names.add(institutionName(p));
  for (const a of records.activities) for (const i of a.institutions) names.add(institutionName(i));
  for (const e of records.events) for (const i of e.institutions) names.add(institutionName(i));
  return [...names];
}

/** The month's figures as plain nested numbers (GET /reports/<month>/figures.json; a section's review basis). */
export function figuresJson(f: ReportFigures): FiguresJson {
  const comms = communicationsOf(f);
  const sum = (k: keyof ContestItem["funnel"]) => f.contest.contests.reduce((s, c) => s + c.funnel[k], 0);
  const inPerson = (r: PartRecords) => r.events.filter((e) => !e.online);
  const json: FiguresJson = {
    month: f.month,
    secretariat: { ...f.secretariat.counts },
    institutional: { meetings: f.institutional.meetings.length, activities: f.institutional.activities.length, events: f.institutional.events.length, institutions: partInstitutions(f.institutional).length },
    community_abroad: {
      events: inPerson(f.community_abroad).length,
      online_events: f.community_abroad.onlineEvents,
      attendance: f.community_abroad.totals.attendance,
      appointments: f.community_abroad.totals.appointments,
      registration_requests: f.community_abroad.totals.registrationRequests,
      meetings: f.community_abroad.meetings.length,
      activities: f.community_abroad.activities.length,
    },
    contest: {
      received: sum("received"),
      registered: sum("registered"),
      not_registered: sum("notRegistered"),
      withdrawn: sum("withdrawn"),
      in_process: sum("pending"),
      jurors_designated: f.contest.contests.reduce((s, c) => s + c.jurors, 0),
      jury_sessions: f.contest.contests.reduce((s, c) => s + c.sessions.length, 0),
      enquiries: f.contest.contests.reduce((s, c) => s + (c.enquiries?.count ?? 0), 0),
    },
    educational: { events: f.educational.events.length, attendance: f.educational.totals.attendance, activities: f.educational.activities.length, meetings: f.educational.meetings.length },
    decentralized: { events: f.decentralized.events.length, attendance: f.decentralized.totals.attendance, activities: f.decentralized.activities.length, meetings: f.decentralized.meetings.length },
    digital: { bulletins: f.digital.bulletins.count, bulletin_recipients: f.digital.bulletins.distinctContacts, ...digitalJson(comms) },
    materials: {
      events_abroad: f.materials.totals.eventsAbroad,
      events_mexico: f.materials.totals.eventsMexico,
      events_online: f.materials.totals.eventsOnline,
      partners: f.materials.totals.partners,
      foreign_service_posts: f.materials.totals.foreignServicePosts,
      total: f.materials.totals.total,
      partner_reported: f.materials.partnerReported.total,
    },
    media: mediaJson(comms),
    cncs: cncsJson(comms),
    enquiries: enquiriesJson(reportEnquiryFigures(f)),
  };
  // Key figures under their section's key ({ key, key_previous }); where a computed part has the same
  // key (2.5 `cncs`), they join it without ever replacing a computed figure.
  const parts = json as unknown as Record<string, unknown>;
  for (const [section, values] of Object.entries(keyFiguresJson(contributionsOf(f)))) {
    const part = parts[section];
    if (part === undefined) parts[section] = values;
    else if (part && typeof part === "object") for (const [key, value] of Object.entries(values)) if (!(key in part)) (part as Record<string, number>)[key] = value;
  }
  return json;
}

/** Which figures.json part a computed section prints (its basis for the review flag); null: none. */
export function basisKey(computed: string | null): keyof Omit<FiguresJson, "month"> | null {
  if (!computed) return null;
  if (computed === "annex_enquiries") return "enquiries";
  if (computed === "cncs_social") return "cncs";
  const keys = ["secretariat", "institutional", "community_abroad", "contest", "educational", "decentralized", "digital", "materials", "media", "cncs", "enquiries"] as const;
  return (keys as readonly string[]).includes(computed) ? (computed as (typeof keys)[number]) : null;
}
