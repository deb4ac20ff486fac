/**
 * Data-protection rights (ARCO) on one contact: access (the whole of its data as JSON or CSV) and
 * cancellation (erasure). Erasure keeps only an HMAC of the e-mail in the suppression list and
 * removes the personal values everywhere else, in one transaction:
 *   - the contact and its consent records (cascade);
 *   - the raw rows of import rejections with the same e-mail HMAC;
 *   - the values of audit entries about the contact (and about the records merged into it), and
 *     any value of any other audit entry that contains the e-mail. The audit log is append-only by
 *     trigger; this is the one UPDATE it allows, inside a transaction that sets
 *     alcance.audit_redaction (and the erasure itself is audited, without personal data).
 *   - the address kept in its bulletin deliveries and bounce reports (and in their SMTP error
 *     texts, which often quote it); the rows stay, without personal data, so sending figures hold.
 *   - the messages to it in the development outbox.
 * Queued mail carries record ids, never addresses (see mail/types.ts): a confirmation still
 * waiting in Redis finds its sign-up gone and ends without sending.
 */
import type { AuditActor } from "~/modules/audit/index.server";
import { audit } from "~/modules/audit/index.server";
import { db, Prisma } from "~/lib/db.server";
import { instantToCalendarDate } from "./business-days";
import { ContactError, lockContact, type Tx } from "./contact.server";
import { lockForContactDeletion } from "./delete-barrier.server";
import { csvLine, UTF8_BOM } from "./csv";
import { emailHmac } from "./suppression.server";

export const REDACTED = "[borrado]";

// ── Access: the whole of a contact's data ───────────────────────────────────────────────────────

export async function exportContactData(id: number) {
  const contact = await db.contact.findUnique({
    where: { id },
    include: { consents: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
  });
  if (!contact) return null;
  const { consents, ...fields } = contact;
  const [auditEntries, rejections, arcoRequests, deliveries, signups] = await Promise.all([
    db.auditLog.findMany({ where: { entity: "contact", entityId: String(id) }, orderBy: { id: "asc" } }),
    db.importRejection.findMany({
      where: { emailHmac: emailHmac(contact.email) },
      orderBy: [{ batchId: "asc" }, { line: "asc" }],
      include: { batch: { select: { fileName: true, createdAt: true } } },
    }),
    db.arcoRequest.findMany({ where: { contactId: id }, orderBy: { receivedAt: "asc" } }),
    db.bulletinDelivery.findMany({
      where: { contactId: id },
      orderBy: { id: "asc" },
      select: { email: true, status: true, sentAt: true, outcomeUnknown: true, bulletin: { select: { id: true, name: true, subject: true } } },
    }),
    db.eventSignup.findMany({
      where: { contactId: id },
      orderBy: { id: "asc" },
      select: { at: true, confirmedAt: true, event: { select: { id: true, name: true, startsAt: true, city: true, country: true } } },
    }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    contact: fields,
    consentHistory: consents.map((c) => ({
      at: c.at,
      status: c.status,
      method: c.method,
      basis: c.basis,
      privacyNoticeVersion: c.privacyNoticeVersion,
      importBatchId: c.importBatchId,
    })),
    auditTrail: auditEntries.map((e) => ({ id: e.id.toString(), at: e.at, action: e.action, before: e.before, after: e.after })),
    importRejections: rejections.map((r) => ({
      importBatchId: r.batchId,
      fileName: r.batch.fileName,
      importedAt: r.batch.createdAt,
      line: r.line,
      reason: r.reason,
      raw: r.raw,
    })),
    arcoRequests: arcoRequests.map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      receivedOn: instantToCalendarDate(r.receivedAt),
      dueOn: instantToCalendarDate(r.dueAt),
      resolvedAt: r.resolvedAt,
    })),
    bulletinsReceived: deliveries.map((d) => ({
      bulletinId: d.bulletin.id,
      name: d.bulletin.name,
      subject: d.bulletin.subject,
      sentTo: d.email,
      status: d.status,
      sentAt: d.sentAt,
      outcomeUnknown: d.outcomeUnknown,
    })),
    eventSignups: signups.map((s) => ({
      eventId: s.event.id,
      event: s.event.name,
      startsAt: s.event.startsAt,
      city: s.event.city,
      country: s.event.country,
      signedUpAt: s.at,
      confirmedAt: s.confirmedAt,
    })),
  };
}
export type ContactDataExport = NonNullable<Awaited<ReturnType<typeof exportContactData>>>;

export function contactExportJson(data: ContactDataExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

const CSV_LABELS = {
  es: {
    header: ["sección", "número", "campo", "valor"],
    contact: "contacto",
    consentHistory: "consentimiento",
    auditTrail: "bitácora",
    importRejections: "rechazos_de_importación",
    arcoRequests: "solicitudes_arco",
    bulletinsReceived: "boletines_recibidos",
    eventSignups: "registros_en_eventos",
    none: "(sin registros)",
  },
  en: {
    header: ["section", "number", "field", "value"],
    contact: "contact",
    consentHistory: "consent",
    auditTrail: "audit_trail",
    importRejections: "import_rejections",
    arcoRequests: "arco_requests",
    bulletinsReceived: "bulletins_received",
    eventSignups: "event_signups",
    none: "(no records)",
  },
} as const;

function cellValue(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(";");
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

/**
 * The same data as one CSV a spreadsheet opens: one row per value (section, item number, field,
 * value), UTF-8 with BOM, formula-looking cells neutralised.
 */
export function contactExportCsv(data: ContactDataExport, lang: "es" | "en" = "es"): string {
  const labels = CSV_LABELS[lang];
  let out = UTF8_BOM + csvLine(labels.header);
  for (const [field, value] of Object.entries(data.contact)) out += csvLine([labels.contact, 1, field, cellValue(value)]);
  const sections = ["consentHistory", "auditTrail", "importRejections", "arcoRequests", "bulletinsReceived", "eventSignups"] as const;
  for (const section of sections) {
    const items = data[section] as ReadonlyArray<Record<string, unknown>>;
    if (items.length === 0) out += csvLine([labels[section], "", "", labels.none]);
    items.forEach((item, index) => {
      for (const [field, value] of Object.entries(item)) out += csvLine([labels[section], index + 1, field, cellValue(value)]);
    });
  }
  return out;
}

/** Records that the data left the system (no personal data in the entry). */
export async function auditContactExport(actor: AuditActor, id: number, format: "json" | "csv", arcoRequestId: string | null) {
  await audit(actor, { action: "contact.arcoExport", entity: "contact", entityId: String(id), after: { format, arcoRequestId } });
}

// ── Redaction of audit values ───────────────────────────────────────────────────────────────────

/** Keys whose values are codes, ids or dates, not personal data; kept unless they hold some. */
const NON_PERSONAL_KEYS = new Set([
  "id",
  "contactId",
  "consentStatus",
  "subscriptionStatus",
  "source",
  "status",
  "method",
  "privacyNoticeVersion",
  "importBatchId",
  "partnerId",
  "mergedInto",
  "mergedFrom",
  "movedConsents",
  "choices",
  "arcoRequestId",
  "format",
  "createdAt",
  "updatedAt",
  "at",
]);

export type PersonalValues = { emails: string[]; others: string[] };

function containsPersonal(text: string, personal: PersonalValues): boolean {
  const lower = text.toLowerCase();
  return personal.emails.some((e) => lower.includes(e)) || personal.others.some((v) => lower.includes(v));
}

/** Every value replaced (strings by "[borrado]"), except codes and ids that hold nothing personal. */
export function redactAll(value: unknown, personal: PersonalValues, key?: string): unknown {
  if (value === null || value === undefined) return value;
  if (key && NON_PERSONAL_KEYS.has(key) && !containsPersonal(JSON.stringify(value), personal)) return value;
  if (typeof value === "string") return REDACTED;
  if (Array.isArray(value)) return value.length === 0 ? value : REDACTED;
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redactAll(v, personal, k)]));
  }
  return typeof value === "number" || typeof value === "boolean" ? value : null;
}

/** Only the values (and keys) that contain one of the person's values are replaced. */
export function redactMatching(value: unknown, personal: PersonalValues): unknown {
  if (typeof value === "string") return containsPersonal(value, personal) ? REDACTED : value;
  if (Array.isArray(value)) return value.map((v) => redactMatching(v, personal));
  if (value && typeof value === "object") {
    let n = 0;
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [containsPersonal(k, personal) ? `${REDACTED}${++n > 1 ? ` ${n}` : ""}` : k, redactMatching(v, personal)]),
    );
  }
  return value;
}

/**
 * Lets this transaction update the append-only audit log (the trigger checks the setting, which
 * ends with the transaction).
 */
export async function enableAuditRedaction(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT set_config('alcance.audit_redaction', 'on', true)`;
}

function jsonValue(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null || value === undefined ? Prisma.JsonNull : (value as Prisma.InputJsonValue);
}

/**
 * Redacts the audit values about these contact ids and any audit value that contains the
 * e-mails. Needs enableAuditRedaction() earlier in the same transaction: without it the trigger
 * refuses the UPDATE (and the transaction fails). Returns how many entries changed.
 */
export async function redactAuditEntries(tx: Tx, contactIds: readonly number[], personal: PersonalValues): Promise<number> {
  const ids = contactIds.map(String);
  const patterns = personal.emails;
  const rows = await tx.$queryRaw<Array<{ id: bigint; entity: string | null; entityId: string | null; before: unknown; after: unknown }>>`
    SELECT id, entity, "entityId", before, after FROM "AuditLog"
    WHERE (entity = 'contact' AND "entityId" = ANY(${ids}::text[]))
       OR EXISTS (
         SELECT 1 FROM unnest(${patterns}::text[]) AS p(pattern)
         WHERE strpos(lower(coalesce(before::text, '')), p.pattern) > 0 OR strpos(lower(coalesce(after::text, '')), p.pattern) > 0
       )
    ORDER BY id`;
  let changed = 0;
  for (const row of rows) {
    const about = row.entity === "contact" && row.entityId !== null && ids.includes(row.entityId);
    const before = about ? redactAll(row.before, personal) : redactMatching(row.before, personal);
    const after = about ? redactAll(row.after, personal) : redactMatching(row.after, personal);
    if (JSON.stringify(before) === JSON.stringify(row.before) && JSON.stringify(after) === JSON.stringify(row.after)) continue;
    await tx.auditLog.update({
      where: { id: row.id },
      data: {
        ...(row.before === null ? {} : { before: jsonValue(before) }),
        ...(row.after === null ? {} : { after: jsonValue(after) }),
      },
    });
    changed += 1;
  }
  return changed;
}

/** Ids of the contacts that were merged into this one (and into those, and so on). */
async function mergedIntoIds(tx: Tx, id: number): Promise<Array<{ id: number; email: string | null }>> {
  const found: Array<{ id: number; email: string | null }> = [];
  const queue = [id];
  const seen = new Set(queue);
  while (queue.length > 0 && seen.size < 1000) {
    const current = queue.shift()!;
    const entries = await tx.auditLog.findMany({
      where: { action: "contact.merge", entity: "contact", after: { path: ["mergedInto"], equals: current } },
      select: { entityId: true, before: true },
    });
    for (const entry of entries) {
      const mergedId = Number(entry.entityId);
      if (!Number.isInteger(mergedId) || seen.has(mergedId)) continue;
      seen.add(mergedId);
      queue.push(mergedId);
      const email = (entry.before as { email?: unknown } | null)?.email;
      found.push({ id: mergedId, email: typeof email === "string" ? email : null });
    }
  }
  return found;
}

// ── Cancellation: erasure ───────────────────────────────────────────────────────────────────────

/**
 * Removes the person's address from bulletin deliveries and bounce reports (their rows stay, for
 * the bulletins' figures). Runs before the contact is deleted (its deliveries still point to it).
 */
export async function eraseBulletinTraces(tx: Tx, contactIds: readonly number[], emails: readonly string[]): Promise<void> {
  const ids = [...contactIds];
  const lowered = emails.map((e) => e.toLowerCase());
  // Each e-mail is replaced inside the error texts (case-blind, its regex characters escaped).
  const pattern = Prisma.sql`(SELECT string_agg(regexp_replace(e, '([.^$*+?()\\[\\]{}|\\\\-])', '\\\\\\1', 'g'), '|') FROM unnest(${lowered}::text[]) AS e)`;
  await tx.$executeRaw`
    UPDATE "BulletinDelivery" d SET "email" = ${REDACTED},
      "lastError" = CASE WHEN d."lastError" IS NULL THEN NULL ELSE regexp_replace(d."lastError", ${pattern}, ${REDACTED}, 'gi') END
    WHERE d."contactId" = ANY(${ids}::int[]) OR lower(d."email") = ANY(${lowered}::text[])`;
  await tx.$executeRaw`
    UPDATE "BounceReport" r SET "recipient" = NULL,
      "diagnostic" = CASE WHEN r."diagnostic" IS NULL THEN NULL ELSE regexp_replace(r."diagnostic", ${pattern}, ${REDACTED}, 'gi') END
    WHERE r."contactId" = ANY(${ids}::int[]) OR lower(r."recipient") = ANY(${lowered}::text[])`;
}

export type EraseResult = { contactId: number; arcoRequestId: string | null; redactedAuditEntries: number; importRejections: number };

/**
 * Erases a contact for good (see the top of this file). The e-mails of records merged into it
 * are the same person's and are suppressed and redacted too. Linked to an ARCO request, the
 * request is marked resolved.
 */
export async function eraseContact(actor: AuditActor, id: number, arcoRequestId?: string | null): Promise<EraseResult> {
  return db.$transaction(
    async (tx) => {
      const contact = await lockContact(tx, id);
      const request = arcoRequestId ? await tx.arcoRequest.findUnique({ where: { id: arcoRequestId } }) : null;
      // The request must be this contact's (or not linked to any contact yet).
      if (arcoRequestId && (!request || (request.contactId !== null && request.contactId !== id))) throw new ContactError("arcoRequestNotFound");

      const merged = await mergedIntoIds(tx, id);
      const emails = [...new Set([contact.email, ...merged.map((m) => m.email).filter((e): e is string => !!e)].map((e) => e.toLowerCase()))];
      const hmacs = emails.map((e) => emailHmac(e));
      const reason = request ? `arco:${request.kind}:${request.id}` : "erase";
      await tx.suppressionEntry.createMany({ data: hmacs.map((h) => ({ emailHmac: h, reason })), skipDuplicates: true });

      const fullName = [contact.givenName, contact.familyName].filter(Boolean).join(" ");
      const others = [contact.givenName, contact.familyName, fullName, contact.phone]
        .filter((v): v is string => !!v && v.trim().length >= 2)
        .map((v) => v.toLowerCase());
      await enableAuditRedaction(tx);
      const redactedAuditEntries = await redactAuditEntries(tx, [id, ...merged.map((m) => m.id)], { emails, others });

      const rejections = await tx.importRejection.updateMany({ where: { emailHmac: { in: hmacs }, raw: { not: null } }, data: { raw: null } });
      await eraseBulletinTraces(tx, [id, ...merged.map((m) => m.id)], emails);
      await tx.outboxMessage.deleteMany({ where: { to: { hasSome: emails } } });
      await lockForContactDeletion(tx);
      await tx.contact.delete({ where: { id } });
      if (request && (request.state === "RECEIVED" || request.state === "IN_PROGRESS")) {
        await tx.arcoRequest.update({ where: { id: request.id }, data: { state: "RESOLVED", resolvedAt: new Date() } });
        await audit(actor, { action: "arcoRequest.update", entity: "arcoRequest", entityId: request.id, before: { state: request.state }, after: { state: "RESOLVED", erasedContactId: id } }, tx);
      }
      await audit(actor, { action: "contact.erase", entity: "contact", entityId: String(id), after: { arcoRequestId: request?.id ?? null } }, tx);
      return { contactId: id, arcoRequestId: request?.id ?? null, redactedAuditEntries, importRejections: rejections.count };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
