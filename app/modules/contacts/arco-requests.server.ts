/**
 * The log of ARCO requests (access, rectification, cancellation, opposition): who asked, when,
 * about which contact, and where it stands. The legal deadline is 20 business days after receipt;
 * open requests are flagged "por vencer" (≤ 5 business days left) and "vencida" (past due).
 * Audit entries about requests hold no personal data (the requester's name and e-mail stay in the
 * request itself, the evidence of how it was handled).
 */
import { DomainError } from "~/lib/errors";
import type { ArcoRequest, ArcoState } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { decodeCursor, encodeCursor } from "~/lib/paging.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { getSettings } from "~/modules/settings/index.server";
import {
  arcoDueDate,
  calendarDateIn,
  calendarDateToInstant,
  deadlineStatus,
  instantToCalendarDate,
  type CalendarDate,
  type DeadlineState,
} from "./business-days";
import { OPEN_ARCO_STATES, type ArcoRequestInput, type ArcoRequestUpdate } from "./schema";

export class ArcoRequestError extends DomainError<"notFound" | "contactNotFound" | "receivedInFuture"> {
  constructor(code: "notFound" | "contactNotFound" | "receivedInFuture", messageKey: string) {
    // A refusal of what was typed answers 400 next to its field.
    super({ code, messageKey, field: code === "contactNotFound" ? "contactId" : "receivedOn", status: code === "notFound" ? 404 : 400 });
  }
}

export function isOpen(state: ArcoState): boolean {
  return (OPEN_ARCO_STATES as readonly string[]).includes(state);
}

/** "Today" at the office (the organisation's time zone). */
export async function officeToday(now = new Date()): Promise<CalendarDate> {
  return calendarDateIn(now, (await getSettings()).timeZone);
}

export type ArcoRequestView = Omit<ArcoRequest, "receivedAt" | "dueAt"> & {
  receivedOn: CalendarDate;
  dueOn: CalendarDate;
  deadline: { state: DeadlineState; businessDaysLeft: number } | null;
};

/** The request with its dates as calendar dates and, while open, where its deadline stands. */
export function withDeadline(request: ArcoRequest, today: CalendarDate): ArcoRequestView {
  const { receivedAt, dueAt, ...rest } = request;
  const dueOn = instantToCalendarDate(dueAt);
  return {
    ...rest,
    receivedOn: instantToCalendarDate(receivedAt),
    dueOn,
    deadline: isOpen(request.state) ? deadlineStatus(today, dueOn) : null,
  };
}

export const CLOSED_PAGE_SIZE = 25;

/** Open requests by due date (all of them: they are few), closed ones newest first, paged by key. */
export async function listArcoRequests(opts: { closedCursor?: string | null; today?: CalendarDate } = {}) {
  const today = opts.today ?? (await officeToday());
  const cursor = decodeCursor(opts.closedCursor, 2);
  const [open, closedRows] = await Promise.all([
    db.arcoRequest.findMany({ where: { state: { in: [...OPEN_ARCO_STATES] } }, orderBy: [{ dueAt: "asc" }, { receivedAt: "asc" }, { id: "asc" }] }),
    db.arcoRequest.findMany({
      where: {
        state: { notIn: [...OPEN_ARCO_STATES] },
        ...(cursor
          ? {
              OR: [
                { receivedAt: { lt: new Date(String(cursor[0])) } },
                { receivedAt: new Date(String(cursor[0])), id: { lt: String(cursor[1]) } },
              ],
            }
          : {}),
      },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: CLOSED_PAGE_SIZE + 1,
    }),
  ]);
  const closed = closedRows.slice(0, CLOSED_PAGE_SIZE);
  const last = closed[closed.length - 1];
  const contactIds = [...new Set([...open, ...closed].map((r) => r.contactId).filter((v): v is number => v !== null))];
  const contacts = await db.contact.findMany({ where: { id: { in: contactIds } }, select: { id: true, email: true } });
  const existing = new Set(contacts.map((c) => c.id));
  const view = (r: ArcoRequest) => ({ ...withDeadline(r, today), contactExists: r.contactId !== null && existing.has(r.contactId) });
  return {
    today,
    open: open.map(view),
    closed: closed.map(view),
    nextClosedCursor: closedRows.length > CLOSED_PAGE_SIZE && last ? encodeCursor([last.receivedAt.toISOString(), last.id]) : null,
  };
}

export async function getArcoRequest(id: string, today?: CalendarDate) {
  const request = await db.arcoRequest.findUnique({ where: { id } });
  if (!request) return null;
  const contact = request.contactId
    ? await db.contact.findUnique({ where: { id: request.contactId }, select: { id: true, email: true, givenName: true, familyName: true } })
    : null;
  return { request: withDeadline(request, today ?? (await officeToday())), contact };
}

/** Open requests linked to a contact (the erase and export forms offer them). */
export async function openRequestsFor(contactId: number) {
  return db.arcoRequest.findMany({
    where: { contactId, state: { in: [...OPEN_ARCO_STATES] } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, receivedAt: true, dueAt: true },
  });
}

async function resolveContactId(input: ArcoRequestInput): Promise<number | null> {
  if (input.contactId !== null) {
    const contact = await db.contact.findUnique({ where: { id: input.contactId }, select: { id: true } });
    if (!contact) throw new ArcoRequestError("contactNotFound", "contacts.arco.errors.contactNotFound");
    return contact.id;
  }
  // Without an explicit link, the requester's own address links the request to its contact.
  if (input.requesterEmail) {
    const contact = await db.contact.findUnique({ where: { email: input.requesterEmail }, select: { id: true } });
    return contact?.id ?? null;
  }
  return null;
}

async function assertNotFuture(receivedOn: CalendarDate) {
  if (receivedOn > (await officeToday())) throw new ArcoRequestError("receivedInFuture", "contacts.arco.errors.receivedInFuture");
}

/** What an audit entry may say about a request: codes and dates, not the requester. */
function auditView(r: { kind: string; state: string; contactId: number | null; receivedOn: string; dueOn: string }) {
  return { kind: r.kind, state: r.state, contactId: r.contactId, receivedOn: r.receivedOn, dueOn: r.dueOn };
}

/** What both forms store as typed, once the date is checked and the contact found; due date from the received one. */
async function typedFields(input: ArcoRequestInput) {
  await assertNotFuture(input.receivedOn);
  const contactId = await resolveContactId(input);
  const dueOn = arcoDueDate(input.receivedOn);
  const fields = {
    kind: input.kind,
    requesterName: input.requesterName,
    requesterEmail: input.requesterEmail,
    receivedAt: calendarDateToInstant(input.receivedOn),
    dueAt: calendarDateToInstant(dueOn),
    contactId,
    notes: input.notes,
  };
  return { dueOn, fields };
}

export async function createArcoRequest(actor: AuditActor, input: ArcoRequestInput): Promise<ArcoRequest> {
  const { dueOn, fields } = await typedFields(input);
  return db.$transaction(async (tx) => {
    const request = await tx.arcoRequest.create({ data: { ...fields, createdById: actor.userId } });
    await audit(
      actor,
      { action: "arcoRequest.create", entity: "arcoRequest", entityId: request.id, after: auditView({ ...request, receivedOn: input.receivedOn, dueOn }) },
      tx,
    );
    return request;
  });
}

export async function updateArcoRequest(actor: AuditActor, id: string, input: ArcoRequestUpdate): Promise<{ changed: boolean }> {
  const { dueOn, fields } = await typedFields(input);
  return db.$transaction(async (tx) => {
    const before = await tx.arcoRequest.findUnique({ where: { id } });
    if (!before) throw new ArcoRequestError("notFound", "contacts.arco.errors.notFound");
    const wasOpen = isOpen(before.state);
    const nowOpen = isOpen(input.state);
    const data = {
      ...fields,
      state: input.state,
      resolvedAt: nowOpen ? null : wasOpen ? new Date() : before.resolvedAt,
    };
    const personalChanged = (["requesterName", "requesterEmail", "notes"] as const).filter((k) => before[k] !== data[k]);
    const beforeView = auditView({ ...before, receivedOn: instantToCalendarDate(before.receivedAt), dueOn: instantToCalendarDate(before.dueAt) });
    const afterView = auditView({ ...data, receivedOn: input.receivedOn, dueOn });
    const changedKeys = (Object.keys(afterView) as Array<keyof typeof afterView>).filter((k) => beforeView[k] !== afterView[k]);
    if (changedKeys.length === 0 && personalChanged.length === 0) return { changed: false };
    await tx.arcoRequest.update({ where: { id }, data });
    await audit(
      actor,
      {
        action: "arcoRequest.update",
        entity: "arcoRequest",
        entityId: id,
        before: Object.fromEntries(changedKeys.map((k) => [k, beforeView[k]])),
        after: { ...Object.fromEntries(changedKeys.map((k) => [k, afterView[k]])), ...(personalChanged.length ? { fieldsChanged: personalChanged } : {}) },
      },
      tx,
    );
    return { changed: true };
  });
}
