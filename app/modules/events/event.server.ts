/**
 * One event's life: create and edit (times stored in UTC, the event's own IANA zone kept beside
 * them), organising partners, staff assignment and confirmation, the outcomes after the event
 * (counts, notes, materials handed out — recorded in the materials ledger, their only source —
 * photos), and its checklist. Every change is audited (entity "event") in the same transaction as
 * the change.
 */
import { DomainError } from "~/lib/errors";
import { randomBytes } from "node:crypto";
import type { Event } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { audit, diff, listAudit, type AuditActor } from "~/modules/audit/index.server";
import { KIND_GROUPS } from "~/modules/files";
import { storeUpload } from "~/modules/files/index.server";
import { MaterialError } from "~/modules/materials";
import { eventHandouts, setEventHandouts } from "~/modules/materials/index.server";
import { isHeld, withRatios, type Figures } from "./figures";
import type { EventInput, OutcomesInput } from "./schema";
import { defaultEventReportPart, isOnlineEvent } from "./report-part";
import type { ReportPart } from "~/modules/reports";
import { compareEs } from "~/lib/collate";

export type Tx = Prisma.TransactionClient;

export type EventErrorCode = "notFound" | "userNotFound" | "staffNotFound" | "photoNotFound" | "partnerNotFound" | "materialNotFound" | "notStarted" | "cancelled";

const MESSAGES: Record<EventErrorCode, string> = {
  notFound: "events.errors.notFound",
  userNotFound: "events.staff.errors.user",
  staffNotFound: "events.staff.errors.notAssigned",
  photoNotFound: "events.photos.errors.notFound",
  partnerNotFound: "events.form.errors.partners",
  materialNotFound: "events.outcomes.errors.material",
  notStarted: "events.outcomes.errors.notStarted",
  cancelled: "events.outcomes.errors.cancelled",
};

export class EventError extends DomainError<EventErrorCode> {
  constructor(code: EventErrorCode) {
    super({ code, messageKey: MESSAGES[code] });
  }
}

/** Roles that can be assigned to an event (jurors work on the contest only). */
export const STAFF_ROLES = ["ADMIN", "COORDINATOR", "COMMUNICATIONS"] as const;

const AUDIT_FIELDS = [
  "name",
  "kind",
  "status",
  "startsAt",
  "endsAt",
  "timeZone",
  "country",
  "state",
  "city",
  "venue",
  "onlineUrl",
  "expectedAttendance",
  "description",
  "materialsRequest",
  "reportPart",
  "signupSlug",
  "signupOpensAt",
  "signupClosesAt",
] as const;

function snapshot(event: Partial<Event>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of AUDIT_FIELDS) {
    const value = event[field];
    out[field] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return out;
}

/** A readable, unguessable kiosk address: "dia-del-musico-k3x9q2". */
export function makeSignupSlug(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");
  const suffix = randomBytes(6).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "").padEnd(6, "0").slice(0, 6);
  return `${base || "registro"}-${suffix}`;
}

/** The row's fields from the form (the kiosk's slug is kept once made). */
function eventData(input: EventInput, existing: Pick<Event, "signupSlug" | "materialsRequestedAt"> | null, now: Date, reportPart: ReportPart) {
  return {
    reportPart,
    name: input.name,
    kind: input.kind,
    status: input.status,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    country: input.country,
    state: input.state,
    city: input.city,
    venue: input.venue,
    onlineUrl: input.onlineUrl,
    expectedAttendance: input.expectedAttendance,
    description: input.description,
    materialsRequest: input.materialsRequest,
    materialsRequestedAt: input.materialsRequest ? (existing?.materialsRequestedAt ?? now) : null,
    signupSlug: input.kiosk ? (existing?.signupSlug ?? makeSignupSlug(input.name)) : (existing?.signupSlug ?? null),
    signupOpensAt: input.kiosk?.opensAt ?? null,
    signupClosesAt: input.kiosk?.closesAt ?? null,
  };
}

/** The institutions' kinds; every id must exist. */
async function partnerKinds(tx: Tx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await tx.partner.findMany({ where: { id: { in: [...ids] } }, select: { kind: true } });
  if (found.length !== ids.length) throw new EventError("partnerNotFound");
  return found.map((p) => p.kind);
}

/** The part chosen on the form, or the default rule's (report-part.ts) from what is saved. */
function reportPartFor(input: EventInput, kinds: readonly string[]): ReportPart {
  return (
    input.reportPart ??
    defaultEventReportPart({ kind: input.kind, country: input.country, online: isOnlineEvent(input), partnerKinds: kinds })
  );
}

async function lockEvent(tx: Tx, id: string): Promise<Event> {
  await tx.$queryRaw`SELECT id FROM "Event" WHERE id = ${id} FOR UPDATE`;
  const event = await tx.event.findUnique({ where: { id } });
  if (!event) throw new EventError("notFound");
  return event;
}

// ── Create and edit ─────────────────────────────────────────────────────────────────────────────

export async function createEvent(actor: AuditActor, input: EventInput, now = new Date()): Promise<Event> {
  return db.$transaction(async (tx) => {
    const kinds = await partnerKinds(tx, input.partnerIds);
    const event = await tx.event.create({ data: { ...eventData(input, null, now, reportPartFor(input, kinds)), createdById: actor.userId } });
    if (input.partnerIds.length) await tx.eventPartner.createMany({ data: input.partnerIds.map((partnerId) => ({ eventId: event.id, partnerId })) });
    await audit(actor, { action: "event.create", entity: "event", entityId: event.id, after: { ...snapshot(event), partnerIds: input.partnerIds } }, tx);
    return event;
  });
}

export async function updateEvent(actor: AuditActor, id: string, input: EventInput, now = new Date()): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    const kinds = await partnerKinds(tx, input.partnerIds);
    const data = eventData(input, before, now, reportPartFor(input, kinds));
    const beforePartners = (await tx.eventPartner.findMany({ where: { eventId: id }, select: { partnerId: true } })).map((p) => p.partnerId).sort();
    const afterPartners = [...input.partnerIds].sort();
    const change = diff({ ...snapshot(before), partnerIds: beforePartners }, { ...snapshot(data), partnerIds: afterPartners });
    if (!change.changed) return { changed: false };
    await tx.event.update({ where: { id }, data });
    if (JSON.stringify(beforePartners) !== JSON.stringify(afterPartners)) {
      await tx.eventPartner.deleteMany({ where: { eventId: id, partnerId: { notIn: afterPartners } } });
      await tx.eventPartner.createMany({ data: afterPartners.map((partnerId) => ({ eventId: id, partnerId })), skipDuplicates: true });
    }
    await audit(actor, { action: "event.update", entity: "event", entityId: id, before: change.before, after: change.after }, tx);
    return { changed: true };
  });
}

/** Marks the materials as requested now (the checklist's first item) without editing the event. */
export async function markMaterialsRequested(actor: AuditActor, id: string, now = new Date()): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    if (before.materialsRequestedAt) return { changed: false };
    await tx.event.update({ where: { id }, data: { materialsRequestedAt: now } });
    await audit(actor, { action: "event.materials", entity: "event", entityId: id, before: { materialsRequestedAt: null }, after: { materialsRequestedAt: now.toISOString() } }, tx);
    return { changed: true };
  });
}

// ── Staff ───────────────────────────────────────────────────────────────────────────────────────

export async function addStaff(actor: AuditActor, eventId: string, userId: string): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const user = await tx.user.findFirst({ where: { id: userId, active: true, role: { in: [...STAFF_ROLES] } }, select: { id: true, name: true } });
    if (!user) throw new EventError("userNotFound");
    const created = await tx.eventStaff.createMany({ data: [{ eventId, userId }], skipDuplicates: true });
    if (created.count === 0) return { changed: false };
    await audit(actor, { action: "event.staff.add", entity: "event", entityId: eventId, after: { userId, name: user.name, confirmed: false } }, tx);
    return { changed: true };
  });
}

export async function setStaffConfirmed(actor: AuditActor, eventId: string, userId: string, confirmed: boolean): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const row = await tx.eventStaff.findUnique({ where: { eventId_userId: { eventId, userId } } });
    if (!row) throw new EventError("staffNotFound");
    if (row.confirmed === confirmed) return { changed: false };
    await tx.eventStaff.update({ where: { eventId_userId: { eventId, userId } }, data: { confirmed } });
    await audit(actor, { action: "event.staff.confirm", entity: "event", entityId: eventId, before: { userId, confirmed: row.confirmed }, after: { userId, confirmed } }, tx);
    return { changed: true };
  });
}

export async function removeStaff(actor: AuditActor, eventId: string, userId: string): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const removed = await tx.eventStaff.deleteMany({ where: { eventId, userId } });
    if (removed.count === 0) return { changed: false };
    await audit(actor, { action: "event.staff.remove", entity: "event", entityId: eventId, before: { userId } }, tx);
    return { changed: true };
  });
}

/** People who can be assigned, for the staff picker. */
export function listAssignableUsers() {
  return db.user.findMany({
    where: { active: true, role: { in: [...STAFF_ROLES] } },
    select: { id: true, name: true, email: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
}

// ── Outcomes ────────────────────────────────────────────────────────────────────────────────────

/**
 * Why outcomes cannot be recorded for this event now, or null when they can: the one rule for the
 * refusal below and for the event page, which offers «Registrar resultados» only when it holds.
 */
export function outcomesRefusal(event: { status: string; startsAt: Date }, now = new Date()): "cancelled" | "notStarted" | null {
  if (event.status === "CANCELLED") return "cancelled";
  if (now.getTime() < event.startsAt.getTime()) return "notStarted";
  return null;
}

/**
 * Records (or corrects) the outcomes: counts, notes and the materials handed out. The hand-outs
 * are set in the materials ledger (the difference becomes HANDOUT movements, or reversals of
 * earlier ones; see setEventHandouts), in the same transaction. Who recorded them and when is
 * kept; every recording is audited with what changed.
 *
 * Outcomes exist only once the event has started (its start is an instant, so "now" compared with
 * it is the same in every zone): before that they are refused (notStarted), and a cancelled event
 * has none (cancelled). Recording them moves a PLANNED or CONFIRMED event to HELD, so its status,
 * its checklist and the month's "events held" (isHeld) say the same thing.
 */
export async function recordOutcomes(actor: AuditActor, id: string, input: OutcomesInput, now = new Date()): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const before = await lockEvent(tx, id);
    const refused = outcomesRefusal(before, now);
    if (refused) throw new EventError(refused);
    const handoutView = (rows: ReadonlyArray<{ materialId: string; quantity: number }>) =>
      rows.filter((h) => h.quantity > 0).map((h) => ({ materialId: h.materialId, quantity: h.quantity })).sort((a, b) => (a.materialId < b.materialId ? -1 : 1));
    const oldHandouts = handoutView(await eventHandouts(id, tx));
    const beforeValues = {
      estimatedAttendance: before.estimatedAttendance,
      credentialAppointments: before.credentialAppointments,
      registrationRequests: before.registrationRequests,
      outcomeNotes: before.outcomeNotes,
      handouts: oldHandouts,
    };
    const afterValues = { ...input, handouts: handoutView(input.handouts) };
    const change = diff(beforeValues, afterValues);
    const held = before.status === "PLANNED" || before.status === "CONFIRMED";
    if (!change.changed && before.outcomesRecordedAt && !held) return { changed: false };
    await tx.event.update({
      where: { id },
      data: {
        estimatedAttendance: input.estimatedAttendance,
        credentialAppointments: input.credentialAppointments,
        registrationRequests: input.registrationRequests,
        outcomeNotes: input.outcomeNotes,
        outcomesRecordedAt: now,
        outcomesRecordedById: actor.userId,
        ...(held ? { status: "HELD" as const } : {}),
      },
    });
    let movements: string[] = [];
    if ("handouts" in change.after) {
      try {
        const result = await setEventHandouts(tx, actor, id, afterValues.handouts, before.startsAt, now);
        movements = result.movements.map((m) => m.id.toString());
      } catch (error) {
        if (error instanceof MaterialError && error.code === "notFound") throw new EventError("materialNotFound");
        throw error;
      }
    }
    const statusChange = held ? { before: { status: before.status }, after: { status: "HELD" } } : { before: {}, after: {} };
    await audit(
      actor,
      {
        action: "event.outcomes",
        entity: "event",
        entityId: id,
        before: { ...change.before, ...statusChange.before },
        after: { ...change.after, ...statusChange.after, recordedAt: now.toISOString(), ...(movements.length ? { movements } : {}) },
      },
      tx,
    );
    return { changed: true };
  });
}

// ── Photos ──────────────────────────────────────────────────────────────────────────────────────

/** Stores an image (checked by content) and attaches it to the event. Throws UploadRejected. */
export async function addPhoto(actor: AuditActor, eventId: string, file: { name: string; bytes: Uint8Array }, caption: string | null) {
  const event = await db.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new EventError("notFound");
  const stored = await storeUpload(file.bytes, KIND_GROUPS.image);
  const fileName = file.name.replace(/[\\/]/g, "_").slice(0, 150) || `foto.${stored.kind}`;
  return db.$transaction(async (tx) => {
    const photo = await tx.eventPhoto.create({ data: { eventId, fileName, fileSha256: stored.sha256, caption, uploadedById: actor.userId } });
    await audit(actor, { action: "event.photo.add", entity: "event", entityId: eventId, after: { photoId: photo.id, fileName, sha256: stored.sha256, caption } }, tx);
    return photo;
  });
}

export async function deletePhoto(actor: AuditActor, eventId: string, photoId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const photo = await tx.eventPhoto.findFirst({ where: { id: photoId, eventId } });
    if (!photo) throw new EventError("photoNotFound");
    await tx.eventPhoto.delete({ where: { id: photo.id } });
    await audit(actor, { action: "event.photo.delete", entity: "event", entityId: eventId, before: { photoId, fileName: photo.fileName, sha256: photo.fileSha256 } }, tx);
  });
}

/** Whether a stored file is one of this event's photos (the photo links check it). */
export async function isEventPhoto(eventId: string, sha256: string): Promise<boolean> {
  return (await db.eventPhoto.count({ where: { eventId, fileSha256: sha256 } })) > 0;
}

// ── View ────────────────────────────────────────────────────────────────────────────────────────

export type ChecklistItem = { key: "materialsRequested" | "staffConfirmed" | "outcomesRecorded"; done: boolean; due: boolean };

/**
 * Before the event: materials requested (marked by hand, or a shipment to the event not
 * cancelled), staff assigned and all confirmed. After it ends: the
 * outcomes recorded. `due` marks what should be done by now (outcomes only once it has ended).
 */
export function eventChecklist(
  event: Pick<Event, "materialsRequestedAt" | "outcomesRecordedAt" | "endsAt" | "status">,
  staff: ReadonlyArray<{ confirmed: boolean }>,
  now = new Date(),
  hasShipment = false,
): ChecklistItem[] {
  const cancelled = event.status === "CANCELLED";
  return [
    { key: "materialsRequested", done: !!event.materialsRequestedAt || hasShipment, due: !cancelled },
    { key: "staffConfirmed", done: staff.length > 0 && staff.every((s) => s.confirmed), due: !cancelled },
    { key: "outcomesRecorded", done: !!event.outcomesRecordedAt, due: !cancelled && event.endsAt <= now },
  ];
}

export async function signupCounts(eventIds: readonly string[]): Promise<Map<string, { signups: number; confirmed: number }>> {
  const out = new Map<string, { signups: number; confirmed: number }>();
  if (eventIds.length === 0) return out;
  const rows = await db.$queryRaw<Array<{ eventId: string; signups: bigint; confirmed: bigint }>>`
    SELECT "eventId", count(*)::bigint AS signups, count("confirmedAt")::bigint AS confirmed
    FROM "EventSignup" WHERE "eventId" IN (${Prisma.join([...eventIds])}) GROUP BY "eventId"`;
  for (const r of rows) out.set(r.eventId, { signups: Number(r.signups), confirmed: Number(r.confirmed) });
  return out;
}

/** One event's figures (see figures.ts): it counts as an event once held (isHeld). */
export function eventFigures(
  event: Pick<Event, "estimatedAttendance" | "credentialAppointments" | "registrationRequests" | "status" | "startsAt">,
  handouts: ReadonlyArray<{ quantity: number }>,
  signups: { signups: number; confirmed: number },
  now = new Date(),
): Figures {
  return withRatios({
    events: isHeld(event, now) ? 1 : 0,
    attendance: event.estimatedAttendance ?? 0,
    appointments: event.credentialAppointments ?? 0,
    registrationRequests: event.registrationRequests ?? 0,
    signups: signups.signups,
    confirmedSignups: signups.confirmed,
    handedOut: handouts.reduce((sum, h) => sum + h.quantity, 0),
  });
}

export const EVENT_AUDIT_PAGE_SIZE = 20;

/** The figures that come from the materials ledger: items handed out and the ratios over them. */
const MATERIAL_FIGURES = ["handedOut", "appointmentsPer1000", "registrationRequestsPer1000", "signupsPer1000"] as const;
type MaterialFigure = (typeof MATERIAL_FIGURES)[number];
export type EventFiguresView = Omit<Figures, MaterialFigure> & Partial<Pick<Figures, MaterialFigure>>;

function withoutMaterialFigures(figures: Figures): EventFiguresView {
  const out: EventFiguresView = { ...figures };
  for (const key of MATERIAL_FIGURES) delete out[key];
  return out;
}

/**
 * Everything the event's page shows. `materials: false` (a viewer without read:material) leaves
 * out what comes from the materials ledger — hand-outs per material and the figures over them —
 * so it is never read, let alone sent.
 */
export async function getEvent(id: string, opts: { auditCursor?: bigint; now?: Date; materials?: boolean } = {}) {
  const materials = opts.materials ?? true;
  const event = await db.event.findUnique({
    where: { id },
    include: {
      staff: { include: { user: { select: { id: true, name: true, email: true, role: true } } }, orderBy: { createdAt: "asc" } },
      partners: { include: { partner: { select: { id: true, name: true, acronym: true } } } },
      photos: { orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
  });
  if (!event) return null;
  const [counts, recorder, auditPage, handouts, shipments] = await Promise.all([
    signupCounts([id]),
    event.outcomesRecordedById ? db.user.findUnique({ where: { id: event.outcomesRecordedById }, select: { id: true, name: true } }) : null,
    listAudit({ entity: "event", entityId: id }, opts.auditCursor, EVENT_AUDIT_PAGE_SIZE),
    materials ? eventHandouts(id) : [],
    db.shipment.count({ where: { eventId: id, status: { not: "CANCELLED" } } }),
  ]);
  const signups = counts.get(id) ?? { signups: 0, confirmed: 0 };
  const { staff, partners, photos, ...fields } = event;
  const figures = eventFigures(event, handouts, signups, opts.now);
  return {
    event: fields,
    staff: staff.map((s) => ({ userId: s.userId, confirmed: s.confirmed, name: s.user.name, email: s.user.email, role: s.user.role })),
    partners: partners.map((p) => p.partner).sort((a, b) => compareEs(a.name, b.name)),
    handouts,
    photos,
    outcomesRecordedBy: recorder,
    signups,
    figures: materials ? (figures as EventFiguresView) : withoutMaterialFigures(figures),
    checklist: eventChecklist(event, staff, opts.now, shipments > 0),
    audit: auditPage,
  };
}

export function findEvent(id: string) {
  return db.event.findUnique({ where: { id }, include: { partners: { select: { partnerId: true } } } });
}

/** Partners to choose from in the event form (the partners area keeps them). */
export function listPartnerOptions() {
  return db.partner.findMany({ select: { id: true, name: true, acronym: true, kind: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 1000 });
}

// ── For other areas ─────────────────────────────────────────────────────────────────────────────

/** The events a contact signed up for at a kiosk (the contact's page), newest first. */
export async function listContactSignups(contactId: number) {
  const rows = await db.eventSignup.findMany({
    where: { contactId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 200,
    include: { event: { select: { id: true, name: true, startsAt: true, timeZone: true, city: true, country: true } } },
  });
  return rows.map((r) => ({
    signupId: r.id,
    at: r.at,
    confirmedAt: r.confirmedAt,
    event: r.event,
  }));
}

export type MyEvent = {
  id: string;
  name: string;
  kind: Event["kind"];
  status: Event["status"];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  city: string | null;
  state: string | null;
  country: string | null;
  confirmed: boolean;
};

/**
 * A staff member's events: the upcoming and running ones (soonest first), then up to `pastLimit`
 * past ones (most recent first).
 */
export async function listMyEvents(userId: string, opts: { now?: Date; pastLimit?: number } = {}): Promise<{ upcoming: MyEvent[]; past: MyEvent[] }> {
  const now = opts.now ?? new Date();
  const select = { id: true, name: true, kind: true, status: true, startsAt: true, endsAt: true, timeZone: true, city: true, state: true, country: true } as const;
  const [upcoming, past] = await Promise.all([
    db.eventStaff.findMany({ where: { userId, event: { endsAt: { gt: now } } }, include: { event: { select } }, orderBy: [{ event: { startsAt: "asc" } }, { eventId: "asc" }], take: 200 }),
    db.eventStaff.findMany({ where: { userId, event: { endsAt: { lte: now } } }, include: { event: { select } }, orderBy: [{ event: { startsAt: "desc" } }, { eventId: "desc" }], take: opts.pastLimit ?? 50 }),
  ]);
  const map = (rows: typeof upcoming) => rows.map((r) => ({ ...r.event, confirmed: r.confirmed }));
  return { upcoming: map(upcoming), past: map(past) };
}
