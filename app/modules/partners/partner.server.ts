/**
 * An institution and what hangs from it: its people (a person may BE an existing contact: then the
 * name and e-mail are read from the contact, never copied), agreements with their document,
 * activities with participants and reach figures, and follow-ups. Every change is audited in the
 * same transaction. Called by the routes, the seed and the tests alike.
 */
import { DomainError } from "~/lib/errors";
import { db, Prisma } from "~/lib/db.server";
import { transactionOr } from "./transaction.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { getSettings } from "~/modules/settings/index.server";
import { addDays, agreementAlert, dateOnly, EXPIRY_WARNING_DAYS, effectiveTimeZone, isoDay, isOverdue, todayIn, type AgreementAlert } from "./dates";
import type { PartnerKind, ReportPart } from "~/generated/prisma/enums";
import { meetingsOfPartner, type MeetingParticipantView } from "./meetings-of-partner.server";
import { defaultActivityReportPart } from "./fields";
import type { ActivityInput, AgreementInput, FollowUpInput, PartnerInput, PersonInput, RemoveActivityInput, TimelineKind } from "./schema";
import { compareEs } from "~/lib/collate";

export type PartnerErrorCode =
  | "notFound"
  | "nameTaken"
  | "parentNotFound"
  | "parentCycle"
  | "contactNotFound"
  | "contactAlreadyLinked"
  | "personNotFound"
  | "userNotFound"
  | "eventNotFound"
  | "followUpIncomplete"
  | "institutionNotFound"
  | "activityShared"
  | "activityChanged";

const ERROR_FIELDS: Partial<Record<PartnerErrorCode, string>> = {
  nameTaken: "name",
  parentNotFound: "parentId",
  parentCycle: "parentId",
  contactNotFound: "contactEmail",
  contactAlreadyLinked: "contactEmail",
  personNotFound: "personIds",
  userNotFound: "userIds",
  eventNotFound: "eventId",
  followUpIncomplete: "followUpTitle",
  institutionNotFound: "partnerNames",
};

export class PartnerError extends DomainError<PartnerErrorCode> {
  constructor(
    code: PartnerErrorCode,
    readonly existingId?: string,
  ) {
    super({ code, messageKey: `partners.errors.${code}`, field: ERROR_FIELDS[code] ?? "_form" });
  }
}

type Tx = Prisma.TransactionClient;

// ── The institution ────────────────────────────────────────────────────────────────────────────

async function checkParent(tx: Tx, id: string | null, parentId: string | null) {
  if (!parentId) return;
  if (parentId === id) throw new PartnerError("parentCycle");
  // Walk up from the proposed parent: meeting the institution itself would make a cycle.
  let current: string | null = parentId;
  for (let depth = 0; current && depth < 50; depth++) {
    const row: { id: string; parentId: string | null } | null = await tx.partner.findUnique({ where: { id: current }, select: { id: true, parentId: true } });
    if (!row) throw new PartnerError(depth === 0 ? "parentNotFound" : "parentCycle");
    if (id && row.parentId === id) throw new PartnerError("parentCycle");
    current = row.parentId;
  }
}

async function nameTaken(tx: Tx, name: string, exceptId?: string): Promise<string | null> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT "id" FROM "Partner" WHERE lower("name") = lower(${name}) ${exceptId ? Prisma.sql`AND "id" <> ${exceptId}` : Prisma.empty} LIMIT 1`;
  return rows[0]?.id ?? null;
}

export async function createPartner(actor: AuditActor, input: PartnerInput) {
  return transactionOr(() => new PartnerError("nameTaken"), async (tx) => {
    const existing = await nameTaken(tx, input.name);
    if (existing) throw new PartnerError("nameTaken", existing);
    await checkParent(tx, null, input.parentId);
    const partner = await tx.partner.create({ data: { ...input, createdById: actor.userId } });
    await audit(actor, { action: "partner.create", entity: "partner", entityId: partner.id, after: input }, tx);
    return partner;
  });
}

export async function updatePartner(actor: AuditActor, id: string, input: PartnerInput) {
  return transactionOr(() => new PartnerError("nameTaken"), async (tx) => {
    const before = await tx.partner.findUnique({ where: { id } });
    if (!before) throw new PartnerError("notFound");
    const existing = await nameTaken(tx, input.name, id);
    if (existing) throw new PartnerError("nameTaken", existing);
    await checkParent(tx, id, input.parentId);
    const change = diff(before as unknown as Record<string, unknown>, input);
    if (!change.changed) return before;
    const partner = await tx.partner.update({ where: { id }, data: input });
    await audit(actor, { action: "partner.update", entity: "partner", entityId: id, before: change.before, after: change.after }, tx);
    return partner;
  });
}

export async function getPartner(id: string) {
  return db.partner.findUnique({
    where: { id },
    include: {
      parent: { select: { id: true, name: true, acronym: true } },
      children: { select: { id: true, name: true, acronym: true, kind: true }, orderBy: { name: "asc" }, take: 200 },
    },
  });
}

// ── People ─────────────────────────────────────────────────────────────────────────────────────

export type PersonView = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  position: string | null;
  contactId: number | null;
  /** Whether the linked contact receives bulletins (confirmed and subscribed). */
  receivesBulletins: boolean;
  createdAt: Date;
};

const personInclude = {
  contact: { select: { id: true, email: true, givenName: true, familyName: true, phone: true, consentStatus: true, subscriptionStatus: true } },
} as const;

type PersonRow = Prisma.PartnerPersonGetPayload<{ include: typeof personInclude }>;

/** A person as shown: a linked contact's name, e-mail and phone come from the contact itself. */
export function personView(row: PersonRow): PersonView {
  const c = row.contact;
  return {
    id: row.id,
    name: c ? [c.givenName, c.familyName].filter(Boolean).join(" ") || null : row.name,
    email: c ? c.email : row.email,
    phone: c ? c.phone ?? row.phone : row.phone,
    position: row.position,
    contactId: c?.id ?? null,
    receivesBulletins: !!c && c.consentStatus === "CONFIRMED" && c.subscriptionStatus === "SUBSCRIBED",
    createdAt: row.createdAt,
  };
}

export async function addPerson(actor: AuditActor, partnerId: string, input: PersonInput) {
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } });
    if (!partner) throw new PartnerError("notFound");
    let contactId: number | null = null;
    if (input.contactEmail) {
      const contact = await tx.contact.findUnique({ where: { email: input.contactEmail }, select: { id: true } });
      if (!contact) throw new PartnerError("contactNotFound");
      const linked = await tx.partnerPerson.findUnique({ where: { partnerId_contactId: { partnerId, contactId: contact.id } }, select: { id: true } });
      if (linked) throw new PartnerError("contactAlreadyLinked", linked.id);
      contactId = contact.id;
    }
    // A linked person IS the contact: only what the contact does not hold (the position) is stored.
    const data = contactId
      ? { partnerId, contactId, position: input.position, name: null, email: null, phone: null }
      : { partnerId, contactId: null, position: input.position, name: input.name, email: input.email, phone: input.phone };
    const person = await tx.partnerPerson.create({ data, include: personInclude });
    await audit(actor, { action: "partner.person.create", entity: "partner", entityId: partnerId, after: { personId: person.id, ...data } }, tx);
    return personView(person);
  });
}

/**
 * Corrects a person: their position, and either the contact they are (by e-mail) or their own
 * name, e-mail and phone. Audited with only the fields that changed, before and after.
 */
export async function updatePerson(actor: AuditActor, partnerId: string, personId: string, input: PersonInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.partnerPerson.findFirst({ where: { id: personId, partnerId } });
    if (!before) throw new PartnerError("personNotFound");
    let contactId: number | null = null;
    if (input.contactEmail) {
      const contact = await tx.contact.findUnique({ where: { email: input.contactEmail }, select: { id: true } });
      if (!contact) throw new PartnerError("contactNotFound");
      const linked = await tx.partnerPerson.findFirst({ where: { partnerId, contactId: contact.id, id: { not: personId } }, select: { id: true } });
      if (linked) throw new PartnerError("contactAlreadyLinked", linked.id);
      contactId = contact.id;
    }
    const after = contactId
      ? { contactId, position: input.position, name: null, email: null, phone: null }
      : { contactId: null, position: input.position, name: input.name, email: input.email, phone: input.phone };
    const change = diff(before as unknown as Record<string, unknown>, after);
    if (change.changed) {
      await tx.partnerPerson.update({ where: { id: personId }, data: after });
      await audit(
        actor,
        { action: "partner.person.update", entity: "partner", entityId: partnerId, before: { personId, ...change.before }, after: { personId, ...change.after } },
        tx
      );
    }
    return personView(await tx.partnerPerson.findUniqueOrThrow({ where: { id: personId }, include: personInclude }));
  });
}

export async function removePerson(actor: AuditActor, partnerId: string, personId: string) {
  await db.$transaction(async (tx) => {
    const person = await tx.partnerPerson.findFirst({ where: { id: personId, partnerId } });
    if (!person) throw new PartnerError("personNotFound");
    await tx.partnerPerson.delete({ where: { id: personId } });
    await audit(actor, { action: "partner.person.delete", entity: "partner", entityId: partnerId, before: person }, tx);
  });
}

export async function listPeople(partnerId: string): Promise<PersonView[]> {
  const rows = await db.partnerPerson.findMany({ where: { partnerId }, include: personInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 500 });
  return rows.map(personView);
}

// ── Agreements ─────────────────────────────────────────────────────────────────────────────────

export type AgreementFile = { fileName: string; fileSha256: string };

function agreementData(input: AgreementInput) {
  return {
    title: input.title,
    reference: input.reference,
    signedOn: input.signedOn ? dateOnly(input.signedOn) : null,
    validUntil: input.validUntil ? dateOnly(input.validUntil) : null,
    status: input.status,
    notes: input.notes,
  };
}

export async function addAgreement(actor: AuditActor, partnerId: string, input: AgreementInput, file?: AgreementFile | null) {
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } });
    if (!partner) throw new PartnerError("notFound");
    const data = { ...agreementData(input), ...(file ?? {}) };
    const agreement = await tx.agreement.create({ data: { partnerId, createdById: actor.userId, ...data } });
    await audit(actor, { action: "partner.agreement.create", entity: "partner", entityId: partnerId, after: { agreementId: agreement.id, ...data } }, tx);
    return agreement;
  });
}

export async function updateAgreement(actor: AuditActor, partnerId: string, agreementId: string, input: AgreementInput, file?: AgreementFile | null) {
  return db.$transaction(async (tx) => {
    const before = await tx.agreement.findFirst({ where: { id: agreementId, partnerId } });
    if (!before) throw new PartnerError("notFound");
    const after = { ...agreementData(input), ...(file ?? {}) };
    const change = diff(before as unknown as Record<string, unknown>, after);
    if (!change.changed) return before;
    const agreement = await tx.agreement.update({ where: { id: agreementId }, data: after });
    await audit(
      actor,
      {
        action: "partner.agreement.update",
        entity: "partner",
        entityId: partnerId,
        before: { agreementId, ...change.before },
        after: { agreementId, ...change.after },
      },
      tx
    );
    return agreement;
  });
}

/**
 * For a dashboard: agreements still signed (or in negotiation) whose validity ends within the
 * warning window, or ended in the last 90 days without anyone marking them expired.
 */
export async function listAgreementAlerts(today: string) {
  const rows = await db.agreement.findMany({
    where: {
      status: { in: ["SIGNED", "NEGOTIATION"] },
      validUntil: { gte: dateOnly(addDays(today, -90)), lte: dateOnly(addDays(today, EXPIRY_WARNING_DAYS)) },
    },
    include: { partner: { select: { id: true, name: true, acronym: true } } },
    orderBy: [{ validUntil: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((a) => ({ ...a, alert: agreementAlert(a, today) })).filter((a) => a.alert !== null);
}

// ── Activities ─────────────────────────────────────────────────────────────────────────────────
//
// One activity, however many institutions took part: PartnerActivityPartner holds EVERY institution
// (the lead `PartnerActivity.partnerId` included), each once. The lead is only the institution the
// activity hangs from (its page created it); when it leaves a shared activity another institution
// becomes the lead, so the activity stays for the others. An institution's people named in the
// activity and its follow-ups linked to it go with the institution when it leaves.

type Institution = { id: string; name: string; kind: PartnerKind };

/**
 * The activity's institutions: the page's own always, plus the ones chosen by id (checkboxes) and
 * by name (the search box: the exact name, case-blind, or an acronym that only one institution
 * has). Each once. An unknown one is the form's error, never silently dropped.
 */
async function resolveInstitutions(tx: Tx, pagePartnerId: string, input: Pick<ActivityInput, "partnerIds" | "partnerNames">): Promise<Institution[]> {
  const page = await tx.partner.findUnique({ where: { id: pagePartnerId }, select: { id: true, name: true, kind: true } });
  if (!page) throw new PartnerError("notFound");
  const byId = new Map<string, Institution>([[page.id, page]]);
  const ids = (input.partnerIds ?? []).filter((id) => id !== page.id);
  if (ids.length) {
    const found = await tx.partner.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true } });
    if (found.length !== new Set(ids).size) throw new PartnerError("institutionNotFound");
    for (const p of found) byId.set(p.id, p);
  }
  for (const name of input.partnerNames ?? []) {
    // The search picker posts the chosen institution's id; typed text (no JavaScript) is a name.
    if (/^[a-z0-9]{10,40}$/.test(name)) {
      const picked = await tx.partner.findUnique({ where: { id: name }, select: { id: true, name: true, kind: true } });
      if (picked) {
        byId.set(picked.id, picked);
        continue;
      }
    }
    const rows = await tx.$queryRaw<Institution[]>`
      SELECT "id", "name", "kind"::text AS "kind" FROM "Partner" WHERE lower("name") = lower(${name})
      UNION ALL
      SELECT "id", "name", "kind"::text AS "kind" FROM "Partner" WHERE lower("acronym") = lower(${name}) AND lower("name") <> lower(${name})
      LIMIT 3`;
    // The name wins; an acronym counts only when it names one institution.
    const exact = rows.find((r) => r.name.toLowerCase() === name.toLowerCase());
    const match = exact ?? (rows.length === 1 ? rows[0] : undefined);
    if (!match) throw new PartnerError("institutionNotFound");
    byId.set(match.id, match);
  }
  return [...byId.values()];
}

const sortedIds = (ids: Iterable<string>) => [...ids].sort();

/** The first institution by name (accent- and case-blind), to lead an activity its lead has left. */
async function firstByName(tx: Tx, ids: string[]): Promise<string> {
  const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Partner" WHERE "id" = ANY(${ids}::text[]) ORDER BY search_text("name"), "id" LIMIT 1`;
  return rows[0]?.id ?? ids[0]!;
}

/** An activity the institution takes part in (lead or not), or null. */
function activityOf(tx: Tx, partnerId: string, activityId: string) {
  return tx.partnerActivity.findFirst({
    where: { id: activityId, OR: [{ partnerId }, { institutions: { some: { partnerId } } }] },
    include: {
      users: { select: { userId: true } },
      people: { select: { personId: true, person: { select: { partnerId: true } } } },
      institutions: { select: { partnerId: true } },
    },
  });
}

function institutionIdsOf(activity: { partnerId: string; institutions: Array<{ partnerId: string }> }): string[] {
  return [...new Set([activity.partnerId, ...activity.institutions.map((i) => i.partnerId)])];
}

/** An activity's own columns from the form; the report part defaults from its institutions' kinds. */
function activityData(input: ActivityInput, institutions: Array<{ kind: PartnerKind }>) {
  return {
    occurredOn: dateOnly(input.occurredOn),
    kind: input.kind,
    summary: input.summary,
    peopleReached: input.peopleReached,
    itemsDistributed: input.itemsDistributed,
    bulletinRecipients: input.bulletinRecipients,
    eventId: input.eventId,
    reportPart: input.reportPart ?? defaultActivityReportPart(institutions.map((i) => i.kind)),
  };
}

/** The people named must be people of the activity's institutions. */
async function checkPeople(tx: Tx, personIds: string[], partnerIds: string[]) {
  if (!personIds.length) return;
  const found = await tx.partnerPerson.count({ where: { id: { in: personIds }, partnerId: { in: partnerIds } } });
  if (found !== personIds.length) throw new PartnerError("personNotFound");
}

async function checkActiveUsers(tx: Tx, userIds: string[]) {
  if (!userIds.length) return;
  const found = await tx.user.count({ where: { id: { in: userIds }, active: true } });
  if (found !== userIds.length) throw new PartnerError("userNotFound");
}

async function checkEvent(tx: Tx, eventId: string) {
  const event = await tx.event.findUnique({ where: { id: eventId }, select: { id: true } });
  if (!event) throw new PartnerError("eventNotFound");
}

export async function addActivity(actor: AuditActor, partnerId: string, input: ActivityInput) {
  const wantsFollowUp = !!(input.followUpTitle || input.followUpDueOn);
  if (wantsFollowUp && !(input.followUpTitle && input.followUpDueOn && input.followUpOwnerId)) throw new PartnerError("followUpIncomplete");
  return db.$transaction(async (tx) => {
    const institutions = await resolveInstitutions(tx, partnerId, input);
    const partnerIds = institutions.map((i) => i.id);
    await checkPeople(tx, input.personIds, partnerIds);
    const userIds = [...new Set([...input.userIds, ...(wantsFollowUp && input.followUpOwnerId ? [input.followUpOwnerId] : [])])];
    await checkActiveUsers(tx, userIds);
    if (input.eventId) await checkEvent(tx, input.eventId);
    const data = activityData(input, institutions);
    const activity = await tx.partnerActivity.create({
      data: {
        partnerId,
        createdById: actor.userId,
        ...data,
        users: { create: input.userIds.map((userId) => ({ userId })) },
        people: { create: input.personIds.map((personId) => ({ personId })) },
        institutions: { create: partnerIds.map((id) => ({ partnerId: id })) },
      },
    });
    await audit(
      actor,
      {
        action: "partner.activity.create",
        entity: "partner",
        entityId: partnerId,
        after: { activityId: activity.id, ...data, partnerIds: sortedIds(partnerIds), userIds: input.userIds, personIds: input.personIds },
      },
      tx
    );
    let followUp = null;
    if (wantsFollowUp && input.followUpTitle && input.followUpDueOn && input.followUpOwnerId) {
      followUp = await createFollowUpIn(tx, actor, partnerId, {
        title: input.followUpTitle,
        dueOn: input.followUpDueOn,
        ownerId: input.followUpOwnerId,
        notes: null,
        activityId: activity.id,
      });
    }
    return { activity, followUp };
  });
}

/**
 * Corrects an activity from one of its institutions' pages: its date, kind, summary, figures,
 * event, report part, staff, people and institutions. The page's own institution always stays (it
 * leaves through «Eliminar»); others not chosen again leave, taking their people and unlinking their
 * follow-ups; if the lead leaves, the page's institution leads. People of the other institutions
 * that stay are kept (the page lists its own people only). The follow-up fields of the form are
 * not read here. Lists are audited as sorted id lists so a reorder is not a change.
 */
export async function updateActivity(actor: AuditActor, partnerId: string, activityId: string, input: ActivityInput) {
  return db.$transaction(async (tx) => {
    const before = await activityOf(tx, partnerId, activityId);
    if (!before) throw new PartnerError("notFound");
    const institutions = await resolveInstitutions(tx, partnerId, input);
    const partnerIds = institutions.map((i) => i.id);
    const previousInstitutions = institutionIdsOf(before);
    const leaving = previousInstitutions.filter((id) => !partnerIds.includes(id));
    await checkPeople(tx, input.personIds, partnerIds);
    const kept = before.people.filter((p) => p.person.partnerId !== partnerId && partnerIds.includes(p.person.partnerId)).map((p) => p.personId);
    const personIds = [...new Set([...input.personIds, ...kept])];
    const previousUsers = before.users.map((u) => u.userId);
    // Someone who took part and has since left stays on the record; a newly named person must be active.
    const addedUsers = input.userIds.filter((id) => !previousUsers.includes(id));
    await checkActiveUsers(tx, addedUsers);
    if (input.eventId && input.eventId !== before.eventId) await checkEvent(tx, input.eventId);
    const lead = partnerIds.includes(before.partnerId) ? before.partnerId : partnerId;
    const data = activityData(input, institutions);
    const beforeView = {
      occurredOn: before.occurredOn,
      kind: before.kind,
      summary: before.summary,
      peopleReached: before.peopleReached,
      itemsDistributed: before.itemsDistributed,
      bulletinRecipients: before.bulletinRecipients,
      eventId: before.eventId,
      reportPart: before.reportPart,
      partnerId: before.partnerId,
      partnerIds: sortedIds(previousInstitutions),
      userIds: sortedIds(previousUsers),
      personIds: sortedIds(before.people.map((p) => p.personId)),
    };
    const change = diff(beforeView, { ...data, partnerId: lead, partnerIds: sortedIds(partnerIds), userIds: sortedIds(input.userIds), personIds: sortedIds(personIds) });
    if (!change.changed) return before;
    const activity = await tx.partnerActivity.update({
      where: { id: activityId },
      data: {
        ...data,
        partnerId: lead,
        users: { deleteMany: {}, create: input.userIds.map((userId) => ({ userId })) },
        people: { deleteMany: {}, create: personIds.map((personId) => ({ personId })) },
      },
    });
    await tx.partnerActivityPartner.deleteMany({ where: { activityId, partnerId: { notIn: partnerIds } } });
    await tx.partnerActivityPartner.createMany({ data: partnerIds.map((id) => ({ activityId, partnerId: id })), skipDuplicates: true });
    const unlinked = leaving.length ? await unlinkFollowUps(tx, activityId, leaving) : [];
    await audit(
      actor,
      {
        action: "partner.activity.update",
        entity: "partner",
        entityId: partnerId,
        before: { activityId, ...change.before },
        after: { activityId, ...change.after, ...(unlinked.length ? { unlinkedFollowUpIds: unlinked } : {}) },
      },
      tx
    );
    return activity;
  });
}

/** Follow-ups of institutions leaving an activity stay theirs, no longer linked to it. */
async function unlinkFollowUps(tx: Tx, activityId: string, partnerIds: string[]): Promise<string[]> {
  const rows = await tx.followUp.findMany({ where: { activityId, partnerId: { in: partnerIds } }, select: { id: true }, orderBy: { id: "asc" } });
  if (rows.length) await tx.followUp.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { activityId: null } });
  return rows.map((r) => r.id);
}

export type ActivityRemoval = { activityId: string; summary: string; occurredOn: string; institutions: Array<{ id: string; name: string; acronym: string | null }> };

/** What removing an activity from an institution's page would touch: every institution of it, by name. */
export async function activityRemoval(partnerId: string, activityId: string): Promise<ActivityRemoval> {
  const activity = await db.partnerActivity.findFirst({
    where: { id: activityId, OR: [{ partnerId }, { institutions: { some: { partnerId } } }] },
    select: { id: true, summary: true, occurredOn: true, partnerId: true, institutions: { select: { partner: { select: { id: true, name: true, acronym: true } } } } },
  });
  if (!activity) throw new PartnerError("notFound");
  const institutions = activity.institutions.map((i) => i.partner);
  if (!institutions.some((i) => i.id === activity.partnerId)) {
    const lead = await db.partner.findUnique({ where: { id: activity.partnerId }, select: { id: true, name: true, acronym: true } });
    if (lead) institutions.push(lead);
  }
  institutions.sort((a, b) => compareEs(a.name, b.name) || a.id.localeCompare(b.id));
  return { activityId: activity.id, summary: activity.summary, occurredOn: isoDay(activity.occurredOn), institutions };
}

/**
 * Removes an activity from an institution's page. Not shared: deleted. Shared by several: the
 * caller must say what to do (else `activityShared`, so the page asks) — `scope: "institution"`
 * takes only this institution out (the others keep the activity; if it led, the first remaining
 * by name leads), `scope: "all"` deletes it for every institution and needs `institutions`, the
 * number of institutions the person was shown (`activityChanged` when it no longer matches).
 */
export async function removeActivity(
  actor: AuditActor,
  partnerId: string,
  activityId: string,
  options: Pick<RemoveActivityInput, "scope" | "institutions"> = {}
): Promise<{ removed: "activity" | "institution"; institutions: number }> {
  return db.$transaction(async (tx) => {
    const activity = await activityOf(tx, partnerId, activityId);
    if (!activity) throw new PartnerError("notFound");
    const all = institutionIdsOf(activity);
    const shared = all.length > 1;
    if (shared && !options.scope) throw new PartnerError("activityShared");
    if (shared && options.scope === "all" && options.institutions !== all.length) throw new PartnerError("activityChanged");
    if (!shared || options.scope === "all") {
      await tx.partnerActivity.delete({ where: { id: activityId } });
      const { users: _users, people, institutions: _institutions, ...row } = activity;
      await audit(
        actor,
        {
          action: "partner.activity.delete",
          entity: "partner",
          entityId: partnerId,
          before: { ...row, activityId, partnerIds: sortedIds(all), personIds: sortedIds(people.map((p) => p.personId)) },
        },
        tx
      );
      return { removed: "activity" as const, institutions: all.length };
    }
    const remaining = all.filter((id) => id !== partnerId);
    const lead = activity.partnerId === partnerId ? await firstByName(tx, remaining) : activity.partnerId;
    const leavingPeople = activity.people.filter((p) => p.person.partnerId === partnerId).map((p) => p.personId);
    await tx.partnerActivityPartner.deleteMany({ where: { activityId, partnerId } });
    if (leavingPeople.length) await tx.partnerActivityPerson.deleteMany({ where: { activityId, personId: { in: leavingPeople } } });
    if (lead !== activity.partnerId) await tx.partnerActivity.update({ where: { id: activityId }, data: { partnerId: lead } });
    const unlinked = await unlinkFollowUps(tx, activityId, [partnerId]);
    await audit(
      actor,
      {
        action: "partner.activity.update",
        entity: "partner",
        entityId: partnerId,
        before: { activityId, partnerId: activity.partnerId, partnerIds: sortedIds(all), ...(leavingPeople.length ? { personIds: sortedIds(activity.people.map((p) => p.personId)) } : {}) },
        after: {
          activityId,
          partnerId: lead,
          partnerIds: sortedIds(remaining),
          ...(leavingPeople.length ? { personIds: sortedIds(activity.people.map((p) => p.personId).filter((id) => !leavingPeople.includes(id))) } : {}),
          ...(unlinked.length ? { unlinkedFollowUpIds: unlinked } : {}),
        },
      },
      tx
    );
    return { removed: "institution" as const, institutions: all.length };
  });
}

// ── Follow-ups ─────────────────────────────────────────────────────────────────────────────────

async function createFollowUpIn(tx: Tx, actor: AuditActor, partnerId: string, input: FollowUpInput) {
  const owner = await tx.user.findFirst({ where: { id: input.ownerId, active: true }, select: { id: true } });
  if (!owner) throw new PartnerError("userNotFound");
  if (input.activityId) {
    const activity = await tx.partnerActivity.findFirst({
      where: { id: input.activityId, OR: [{ partnerId }, { institutions: { some: { partnerId } } }] },
      select: { id: true },
    });
    if (!activity) throw new PartnerError("notFound");
  }
  const data = { title: input.title, notes: input.notes, ownerId: input.ownerId, dueOn: dateOnly(input.dueOn), activityId: input.activityId };
  const followUp = await tx.followUp.create({ data: { partnerId, createdById: actor.userId, ...data } });
  await audit(actor, { action: "partner.followUp.create", entity: "partner", entityId: partnerId, after: { followUpId: followUp.id, ...data } }, tx);
  return followUp;
}

export async function addFollowUp(actor: AuditActor, partnerId: string, input: FollowUpInput) {
  return db.$transaction(async (tx) => {
    const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } });
    if (!partner) throw new PartnerError("notFound");
    return createFollowUpIn(tx, actor, partnerId, input);
  });
}

/**
 * Corrects a follow-up's title, due date, owner and notes (its state has its own action). A new
 * owner must be active; the one already set stays valid even if they have since left.
 */
export async function updateFollowUp(actor: AuditActor, partnerId: string, followUpId: string, input: FollowUpInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.followUp.findFirst({ where: { id: followUpId, partnerId } });
    if (!before) throw new PartnerError("notFound");
    if (input.ownerId !== before.ownerId) {
      const owner = await tx.user.findFirst({ where: { id: input.ownerId, active: true }, select: { id: true } });
      if (!owner) throw new PartnerError("userNotFound");
    }
    const after = { title: input.title, dueOn: dateOnly(input.dueOn), ownerId: input.ownerId, notes: input.notes };
    const change = diff(before as unknown as Record<string, unknown>, after);
    if (!change.changed) return before;
    const followUp = await tx.followUp.update({ where: { id: followUpId }, data: after });
    await audit(
      actor,
      { action: "partner.followUp.update", entity: "partner", entityId: partnerId, before: { followUpId, ...change.before }, after: { followUpId, ...change.after } },
      tx
    );
    return followUp;
  });
}

/**
 * Done, cancelled or reopened. `scope.partnerId` limits the change to one institution;
 * `scope.ownerId` to the owner's own follow-ups (someone who may not edit partners may still close
 * what was assigned to them).
 */
export async function setFollowUpState(actor: AuditActor, followUpId: string, state: "OPEN" | "DONE" | "CANCELLED", scope: { partnerId?: string; ownerId?: string } = {}) {
  return db.$transaction(async (tx) => {
    const before = await tx.followUp.findFirst({
      where: { id: followUpId, ...(scope.partnerId ? { partnerId: scope.partnerId } : {}), ...(scope.ownerId ? { ownerId: scope.ownerId } : {}) },
    });
    if (!before) throw new PartnerError("notFound");
    if (before.state === state) return before;
    const followUp = await tx.followUp.update({ where: { id: followUpId }, data: { state, doneAt: state === "DONE" ? new Date() : null } });
    await audit(
      actor,
      {
        action: "partner.followUp.state",
        entity: "partner",
        entityId: before.partnerId,
        before: { followUpId, state: before.state },
        after: { followUpId, state },
      },
      tx
    );
    return followUp;
  });
}

// ── The timeline ───────────────────────────────────────────────────────────────────────────────

export type TimelineEntry =
  | { kind: "person"; id: string; date: string; person: PersonView }
  | {
      kind: "agreement";
      id: string;
      date: string;
      agreement: {
        id: string;
        title: string;
        reference: string | null;
        signedOn: string | null;
        validUntil: string | null;
        status: string;
        fileName: string | null;
        fileSha256: string | null;
        notes: string | null;
        alert: AgreementAlert;
      };
    }
  | {
      kind: "activity";
      id: string;
      date: string;
      activity: {
        id: string;
        kind: string;
        summary: string;
        peopleReached: number | null;
        itemsDistributed: number | null;
        bulletinRecipients: number | null;
        reportPart: ReportPart;
        event: { id: string; name: string } | null;
        users: Array<{ id: string; name: string }>;
        people: Array<{ id: string; name: string | null }>;
        /** The other institutions of a shared activity, by name (empty when it is this one's alone). */
        others: Array<{ id: string; name: string; acronym: string | null; kind: PartnerKind }>;
      };
    }
  | {
      kind: "meeting";
      id: string;
      date: string;
      meeting: {
        id: string;
        kind: string;
        subject: string;
        format: string;
        reportPart: ReportPart;
        others: MeetingParticipantView[];
      };
    }
  | {
      kind: "followUp";
      id: string;
      date: string;
      followUp: {
        id: string;
        title: string;
        notes: string | null;
        state: string;
        dueOn: string;
        owner: { id: string; name: string };
        overdue: boolean;
        activityId: string | null;
        meeting: { id: string; subject: string; heldOn: string } | null;
      };
    };

const TIMELINE_LIMIT = 300;

/**
 * Everything about an institution, newest first: people by when they were added, agreements by
 * signature (or creation), activities by when they happened, follow-ups by their due date. Dates
 * are calendar days ("YYYY-MM-DD"; a person's is the day in the office's time zone).
 */
export async function partnerTimeline(partnerId: string, kinds: readonly TimelineKind[], now: Date = new Date()): Promise<TimelineEntry[]> {
  const settings = await getSettings();
  const today = todayIn(settings.timeZone, now);
  const want = new Set(kinds);
  const [people, agreements, activities, meetings, followUps] = await Promise.all([
    want.has("person")
      ? db.partnerPerson.findMany({ where: { partnerId }, include: personInclude, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: TIMELINE_LIMIT })
      : [],
    want.has("agreement")
      ? db.agreement.findMany({ where: { partnerId }, orderBy: [{ signedOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }], take: TIMELINE_LIMIT })
      : [],
    want.has("activity")
      ? db.partnerActivity.findMany({
          // Every activity the institution is part of, led or shared: one row each.
          where: { OR: [{ partnerId }, { institutions: { some: { partnerId } } }] },
          include: {
            event: { select: { id: true, name: true } },
            institutions: { select: { partner: { select: { id: true, name: true, acronym: true, kind: true } } } },
            users: { include: { user: { select: { id: true, name: true } } } },
            people: { include: { person: { include: personInclude } } },
          },
          orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
          take: TIMELINE_LIMIT,
        })
      : [],
    want.has("meeting") ? meetingsOfPartner(partnerId, { limit: TIMELINE_LIMIT }) : [],
    want.has("followUp")
      ? db.followUp.findMany({
          where: { partnerId },
          include: { owner: { select: { id: true, name: true, timeZone: true } }, meeting: { select: { id: true, subject: true, heldOn: true } } },
          orderBy: [{ dueOn: "desc" }, { createdAt: "desc" }],
          take: TIMELINE_LIMIT,
        })
      : [],
  ]);
  const entries: Array<TimelineEntry & { order: string }> = [];
  for (const p of people) {
    entries.push({ kind: "person", id: p.id, date: todayIn(settings.timeZone, p.createdAt), order: p.createdAt.toISOString(), person: personView(p) });
  }
  for (const a of agreements) {
    const date = a.signedOn ? isoDay(a.signedOn) : todayIn(settings.timeZone, a.createdAt);
    entries.push({
      kind: "agreement",
      id: a.id,
      date,
      order: a.createdAt.toISOString(),
      agreement: {
        id: a.id,
        title: a.title,
        reference: a.reference,
        signedOn: a.signedOn ? isoDay(a.signedOn) : null,
        validUntil: a.validUntil ? isoDay(a.validUntil) : null,
        status: a.status,
        fileName: a.fileName,
        fileSha256: a.fileSha256,
        notes: a.notes,
        alert: agreementAlert(a, today),
      },
    });
  }
  for (const a of activities) {
    entries.push({
      kind: "activity",
      id: a.id,
      date: isoDay(a.occurredOn),
      order: a.createdAt.toISOString(),
      activity: {
        id: a.id,
        kind: a.kind,
        summary: a.summary,
        peopleReached: a.peopleReached,
        itemsDistributed: a.itemsDistributed,
        bulletinRecipients: a.bulletinRecipients,
        reportPart: a.reportPart,
        event: a.event,
        users: a.users.map((u) => u.user),
        people: a.people.map((p) => {
          const v = personView(p.person);
          return { id: v.id, name: v.name ?? v.email };
        }),
        others: a.institutions
          .map((i) => i.partner)
          .filter((i) => i.id !== partnerId)
          .sort((x, y) => compareEs(x.name, y.name)),
      },
    });
  }
  for (const m of meetings) {
    entries.push({
      kind: "meeting",
      id: m.id,
      date: m.heldOn,
      order: m.id,
      meeting: { id: m.id, kind: m.kind, subject: m.subject, format: m.format, reportPart: m.reportPart, others: m.others },
    });
  }
  for (const f of followUps) {
    entries.push({
      kind: "followUp",
      id: f.id,
      date: isoDay(f.dueOn),
      order: f.createdAt.toISOString(),
      followUp: {
        id: f.id,
        title: f.title,
        notes: f.notes,
        state: f.state,
        dueOn: isoDay(f.dueOn),
        owner: { id: f.owner.id, name: f.owner.name },
        overdue: isOverdue(f, effectiveTimeZone(f.owner.timeZone, settings.timeZone), now),
        activityId: f.activityId,
        meeting: f.meeting ? { id: f.meeting.id, subject: f.meeting.subject, heldOn: isoDay(f.meeting.heldOn) } : null,
      },
    });
  }
  entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.order < b.order ? 1 : a.order > b.order ? -1 : 0));
  return entries.map(({ order: _order, ...entry }) => entry as TimelineEntry);
}

/** Staff who can take part in activities and own follow-ups. */
export async function staffChoices() {
  return db.user.findMany({
    where: { active: true, role: { in: ["ADMIN", "COORDINATOR", "COMMUNICATIONS"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

/** Every institution, by name, for the activity form's search list (institutions are few: hundreds). */
