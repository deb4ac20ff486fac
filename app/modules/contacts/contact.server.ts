/**
 * A single contact's life: create (with its consent), view (consent history, audit trail), edit,
 * consent changes and subscription changes. Every change is audited (entity "contact") in the
 * same transaction as the change. Contact.consentStatus always mirrors the newest ConsentRecord.
 */
import { DomainError } from "~/lib/errors";
import type { ConsentMethod, ConsentStatus, Contact, SubscriptionStatus } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { likeContains, searchTerm } from "~/lib/paging.server";
import { audit, diff, listAudit, type AuditActor } from "~/modules/audit/index.server";
import type { ContactInput, ManualConsent } from "./schema";
import { contactFieldsFor, normalizeContactEmail, type ContactFieldsFor } from "./fields";
import { emailHmac } from "./suppression.server";

export type Tx = Prisma.TransactionClient;

export type ContactErrorCode =
  | "notFound"
  | "emailTaken"
  | "suppressed"
  | "basisRequired"
  | "consentUnchanged"
  | "resubscribeNeedsConsent"
  | "sameContact"
  | "confirmMismatch"
  | "arcoRequestNotFound";

const MESSAGES: Record<ContactErrorCode, string> = {
  notFound: "contacts.detail.errors.notFound",
  emailTaken: "contacts.form.errors.emailTaken",
  suppressed: "contacts.form.errors.emailSuppressed",
  basisRequired: "contacts.form.errors.basisRequired",
  consentUnchanged: "contacts.detail.errors.consentUnchanged",
  resubscribeNeedsConsent: "contacts.detail.errors.resubscribeNeedsConsent",
  sameContact: "contacts.merge.errors.same",
  confirmMismatch: "contacts.detail.erase.mismatch",
  arcoRequestNotFound: "contacts.arco.errors.notFound",
};

const FIELDS: Partial<Record<ContactErrorCode, string>> = {
  emailTaken: "email",
  suppressed: "email",
  basisRequired: "basis",
  resubscribeNeedsConsent: "basis",
  confirmMismatch: "confirmEmail",
  arcoRequestNotFound: "arcoRequestId",
};

/** A rule the change breaks; messageKey is a translation key, existingId the clashing contact. */
export class ContactError extends DomainError<ContactErrorCode> {
  constructor(
    code: ContactErrorCode,
    readonly existingId?: number,
  ) {
    // Refusals of what was typed answer 400 next to their field (the forms' pre-027 answers).
    super({ code, messageKey: MESSAGES[code], field: FIELDS[code], status: code === "notFound" ? 404 : 400 });
  }
}

/** The fields an audit entry shows for a contact (everything a person could change). */
export const CONTACT_AUDIT_FIELDS = contactFieldsFor("audit");
export type ContactSnapshot = Pick<Contact, ContactFieldsFor<"audit">>;

export function contactSnapshot(contact: Contact): ContactSnapshot {
  const out = {} as Record<string, unknown>;
  for (const field of CONTACT_AUDIT_FIELDS) out[field] = contact[field];
  return out as ContactSnapshot;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Locks the contact's row for the rest of the transaction (concurrent changes wait). */
export async function lockContact(tx: Tx, id: number): Promise<Contact> {
  await tx.$queryRaw`SELECT id FROM "Contact" WHERE id = ${id} FOR UPDATE`;
  const contact = await tx.contact.findUnique({ where: { id } });
  if (!contact) throw new ContactError("notFound");
  return contact;
}

/** Sets Contact.consentStatus to the status of its newest consent record (if it has any). */
export async function syncConsentStatus(tx: Tx, contactId: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Contact" AS c SET "consentStatus" = r.status, "updatedAt" = now()
    FROM (SELECT status FROM "ConsentRecord" WHERE "contactId" = ${contactId} ORDER BY at DESC, id DESC LIMIT 1) AS r
    WHERE c.id = ${contactId} AND c."consentStatus" IS DISTINCT FROM r.status`;
}

async function currentNoticeVersion(tx: Tx): Promise<number | null> {
  const notice = await tx.privacyNotice.findFirst({ where: { language: "es" }, orderBy: { version: "desc" }, select: { version: true } });
  return notice?.version ?? null;
}

/** Refuses an address that asked to be erased, or one another contact already has. */
async function assertEmailAvailable(tx: Tx, email: string, exceptId?: number): Promise<void> {
  const suppressed = await tx.suppressionEntry.findUnique({ where: { emailHmac: emailHmac(email) }, select: { emailHmac: true } });
  if (suppressed) throw new ContactError("suppressed");
  const existing = await tx.contact.findUnique({ where: { email }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw new ContactError("emailTaken", existing.id);
}

async function emailTakenError(email: string): Promise<ContactError> {
  const existing = await db.contact.findUnique({ where: { email }, select: { id: true } });
  return new ContactError("emailTaken", existing?.id);
}

// ── Create ──────────────────────────────────────────────────────────────────────────────────────

/**
 * A contact entered by staff. The consent is stated (confirmed with its basis, or pending) and
 * recorded as a ConsentRecord (method MANUAL, the current privacy notice, this actor) in the same
 * transaction.
 */
export async function createContact(
  actor: AuditActor,
  input: ContactInput,
  consent: ManualConsent | { status: "PENDING"; basis?: string | null },
): Promise<Contact> {
  if (consent.status === "CONFIRMED" && !consent.basis) throw new ContactError("basisRequired");
  try {
    return await db.$transaction(async (tx) => {
      await assertEmailAvailable(tx, input.email);
      const contact = await tx.contact.create({ data: { ...input, source: "MANUAL", consentStatus: consent.status } });
      const privacyNoticeVersion = await currentNoticeVersion(tx);
      const record = await tx.consentRecord.create({
        data: { contactId: contact.id, status: consent.status, method: "MANUAL", basis: consent.basis ?? null, privacyNoticeVersion, recordedById: actor.userId },
      });
      await syncConsentStatus(tx, contact.id);
      await audit(
        actor,
        {
          action: "contact.create",
          entity: "contact",
          entityId: String(contact.id),
          after: { ...contactSnapshot(contact), consent: { id: record.id, status: record.status, method: record.method, basis: record.basis, privacyNoticeVersion } },
        },
        tx,
      );
      return contact;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await emailTakenError(input.email);
    throw error;
  }
}

// ── View ────────────────────────────────────────────────────────────────────────────────────────

export const CONTACT_AUDIT_PAGE_SIZE = 20;

/**
 * Everything the contact's page shows. Bulletins received and events signed up for come from
 * tables that do not exist yet: the sections are returned empty with `available: false`.
 */
/** The contact's row, or null: for forms and confirmations that need its current values. */
export function findContact(id: number): Promise<Contact | null> {
  return db.contact.findUnique({ where: { id } });
}

/** Whether a typed confirmation matches the contact's e-mail (erasure asks for it). */
export async function confirmsEmail(id: number, typed: string): Promise<boolean | null> {
  const contact = await db.contact.findUnique({ where: { id }, select: { email: true } });
  if (!contact) return null;
  return normalizeContactEmail(contact.email) === normalizeContactEmail(typed);
}

/** Erasing asks for the contact's e-mail typed again: a mismatch refuses, a missing contact is a 404. */
export async function requireConfirmedEmail(id: number, typed: string): Promise<void> {
  const confirmed = await confirmsEmail(id, typed);
  if (confirmed === null) throw new ContactError("notFound");
  if (!confirmed) throw new ContactError("confirmMismatch");
}

export async function getContact(id: number, opts: { auditCursor?: bigint } = {}) {
  const contact = await db.contact.findUnique({
    where: { id },
    include: { consents: { orderBy: [{ at: "desc" }, { id: "desc" }] } },
  });
  if (!contact) return null;
  const { consents, ...fields } = contact;
  const recorderIds = [...new Set(consents.map((c) => c.recordedById).filter((v): v is string => !!v))];
  const [recorders, auditPage, arcoRequests] = await Promise.all([
    db.user.findMany({ where: { id: { in: recorderIds } }, select: { id: true, name: true, email: true } }),
    listAudit({ entity: "contact", entityId: String(id) }, opts.auditCursor, CONTACT_AUDIT_PAGE_SIZE),
    db.arcoRequest.findMany({ where: { contactId: id }, orderBy: [{ receivedAt: "desc" }, { id: "desc" }] }),
  ]);
  const byId = new Map(recorders.map((u) => [u.id, u]));
  return {
    contact: fields,
    consents: consents.map((c) => ({ ...c, recordedBy: c.recordedById ? (byId.get(c.recordedById) ?? null) : null })),
    audit: auditPage,
    arcoRequests,
  };
}

/**
 * A contact id that no longer exists may have been merged into another one: follows the merge
 * entries of the audit log (a few hops at most) to the contact that holds its data now.
 */
export async function findMergedInto(id: number): Promise<number | null> {
  let current = id;
  for (let hop = 0; hop < 10; hop += 1) {
    const entry = await db.auditLog.findFirst({
      where: { action: "contact.merge", entity: "contact", entityId: String(current), after: { path: ["mergedInto"], gt: 0 } },
      orderBy: { id: "desc" },
      select: { after: true },
    });
    const next = (entry?.after as { mergedInto?: unknown } | null)?.mergedInto;
    if (typeof next !== "number") return current === id ? null : current;
    if (await db.contact.findUnique({ where: { id: next }, select: { id: true } })) return next;
    current = next;
  }
  return null;
}

/** A short list of contacts matching a name or e-mail fragment (the merge's "merge with…"). */
export async function searchContacts(q: string, opts: { excludeId?: number; take?: number } = {}) {
  const term = searchTerm(q);
  if (!term) return [];
  const take = opts.take ?? 10;
  const exclude = opts.excludeId ?? 0;
  return db.$queryRaw<Array<{ id: number; email: string; givenName: string | null; familyName: string | null; country: string | null }>>`
    SELECT id, email, "givenName", "familyName", country FROM "Contact"
    WHERE search_text(coalesce("givenName", '') || ' ' || coalesce("familyName", '') || ' ' || "email") LIKE ${likeContains(term)}
      AND id <> ${exclude}
    ORDER BY (email = ${term}) DESC, email ASC
    LIMIT ${take}`;
}

// ── Edit ────────────────────────────────────────────────────────────────────────────────────────

/** Saves the form's fields; audited with the before and after values of what changed. */
export async function updateContact(actor: AuditActor, id: number, input: ContactInput): Promise<{ changed: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await lockContact(tx, id);
      if (input.email !== before.email) await assertEmailAvailable(tx, input.email, id);
      const change = diff(contactSnapshot(before) as Record<string, unknown>, input);
      if (!change.changed) return { changed: false };
      await tx.contact.update({ where: { id }, data: input });
      await audit(actor, { action: "contact.update", entity: "contact", entityId: String(id), before: change.before, after: change.after }, tx);
      return { changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await emailTakenError(input.email);
    throw error;
  }
}

// ── Consent ─────────────────────────────────────────────────────────────────────────────────────

export type ConsentChange = { status: ConsentStatus; method: ConsentMethod; basis?: string | null };

/**
 * Appends a consent record (withdrawal, a confirmation, a double opt-in) under the current privacy
 * notice and updates the contact's status to match. A confirmation by anything but a double
 * opt-in needs its basis; recording the status the contact already has is refused, except a new
 * confirmation (a renewal under a newer notice).
 */
export async function recordConsent(actor: AuditActor, id: number, change: ConsentChange, client?: Tx) {
  const run = async (tx: Tx) => {
    const contact = await lockContact(tx, id);
    const basis = change.basis?.trim() || null;
    if (change.status === "CONFIRMED" && change.method !== "DOUBLE_OPT_IN" && !basis) throw new ContactError("basisRequired");
    if (change.status !== "CONFIRMED" && contact.consentStatus === change.status) throw new ContactError("consentUnchanged");
    const privacyNoticeVersion = await currentNoticeVersion(tx);
    const record = await tx.consentRecord.create({
      data: { contactId: id, status: change.status, method: change.method, basis, privacyNoticeVersion, recordedById: actor.userId },
    });
    await syncConsentStatus(tx, id);
    await audit(
      actor,
      {
        action: "contact.consent",
        entity: "contact",
        entityId: String(id),
        before: { consentStatus: contact.consentStatus },
        after: { consentStatus: record.status, consent: { id: record.id, status: record.status, method: record.method, basis, privacyNoticeVersion } },
      },
      tx,
    );
    return record;
  };
  return client ? run(client) : db.$transaction(run);
}

// ── Subscription ────────────────────────────────────────────────────────────────────────────────

/**
 * Changes the subscription. Unsubscribing is immediate. Subscribing again (by staff) needs a new
 * consent: its basis is recorded as a confirmed consent in the same transaction. BOUNCED and
 * COMPLAINED are set by the sending side.
 */
export async function setSubscription(
  actor: AuditActor,
  id: number,
  status: SubscriptionStatus,
  opts: { consentBasis?: string | null } = {},
): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const contact = await lockContact(tx, id);
    if (contact.subscriptionStatus === status) return { changed: false };
    let consent: { id: number; status: ConsentStatus; basis: string | null } | null = null;
    if (status === "SUBSCRIBED") {
      const basis = opts.consentBasis?.trim();
      if (!basis) throw new ContactError("resubscribeNeedsConsent");
      const record = await recordConsent(actor, id, { status: "CONFIRMED", method: "MANUAL", basis }, tx);
      consent = { id: record.id, status: record.status, basis: record.basis };
    }
    await tx.contact.update({ where: { id }, data: { subscriptionStatus: status } });
    await audit(
      actor,
      {
        action: "contact.subscription",
        entity: "contact",
        entityId: String(id),
        before: { subscriptionStatus: contact.subscriptionStatus },
        after: { subscriptionStatus: status, ...(consent ? { consent } : {}) },
      },
      tx,
    );
    return { changed: true };
  });
}
