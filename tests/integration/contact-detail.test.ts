/**
 * A single contact's life against the real database: creation with its consent, edits, consent and
 * subscription changes, merge, the ARCO export and erasure (suppression, audit redaction under the
 * append-only trigger, import rejections), the ARCO request log, and the pages over HTTP with each
 * role. Every test makes contacts of its own (unique e-mails), since other files share the database.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { hasKey, LOCALES } from "~/i18n";
import { db } from "~/lib/db.server";
import { fieldErrors } from "~/lib/forms";
import { audit } from "~/modules/audit/audit.server";
import {
  contactExportCsv,
  enableAuditRedaction,
  eraseContact,
  exportContactData,
  redactAuditEntries,
  REDACTED,
} from "~/modules/contacts/arco.server";
import { createArcoRequest, listArcoRequests, updateArcoRequest, withDeadline } from "~/modules/contacts/arco-requests.server";
import { businessDaysAfter } from "~/modules/contacts/business-days";
import {
  ContactError,
  createContact,
  findMergedInto,
  getContact,
  recordConsent,
  setSubscription,
  updateContact,
} from "~/modules/contacts/contact.server";
import { mergeContacts } from "~/modules/contacts/merge.server";
import { arcoRequestSchema, contactFormSchema, mergeFormSchema, parseCreateContactForm } from "~/modules/contacts/schema";
import { emailHmac } from "~/modules/contacts/suppression.server";
import { publishPrivacyNotice } from "~/modules/settings/settings.server";
import { createUser, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";

const unique = () => randomUUID().slice(0, 8);

async function staff(role: "COMMUNICATIONS" | "COORDINATOR" | "JUROR" | "ADMIN" = "COMMUNICATIONS") {
  const user = await createUser({ role });
  if (role === "ADMIN") await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
  return user;
}

const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

/** A valid contact input with unique, searchable values. */
function contactInput(overrides: Record<string, string> = {}) {
  const tag = unique();
  return contactFormSchema.parse({
    email: uniqueEmail("contacto"),
    givenName: `Lucía${tag}`,
    familyName: `Hernández${tag}`,
    country: "Estados Unidos",
    state: "Illinois",
    city: "Chicago",
    language: "es",
    phone: "+1 312 555 0100",
    tags: "Chicago; voluntaria, feria",
    notes: "Conocida en la feria de Pilsen",
    ...overrides,
  });
}

async function newContact(actor: { userId: string }, overrides: Record<string, string> = {}, consent: { status: "CONFIRMED"; basis: string } | { status: "PENDING"; basis?: null } = { status: "CONFIRMED", basis: "Firmó el formulario en la feria" }) {
  return createContact(actor, contactInput(overrides), consent);
}

async function expectContactError(promise: Promise<unknown>, code: ContactError["code"]): Promise<ContactError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContactError);
  expect((error as ContactError).code).toBe(code);
  return error as ContactError;
}

/** Every audit row's before/after JSON as text (what a person reading the log could see). */
async function auditTextContaining(needle: string): Promise<number> {
  const rows = await db.$queryRaw<Array<{ n: bigint }>>`
    SELECT count(*)::bigint AS n FROM "AuditLog"
    WHERE strpos(lower(coalesce(before::text, '') || ' ' || coalesce(after::text, '')), lower(${needle})) > 0`;
  return Number(rows[0]?.n ?? 0);
}

describe("the contact form", () => {
  it("normalises the e-mail, names, language, phone and tags; messages are translation keys in both languages", () => {
    const parsed = contactFormSchema.parse({
      email: "  Ana.Núñez@Ejemplo.ORG ",
      givenName: "  Ana   María ",
      familyName: "",
      language: "PT_BR",
      phone: "  +52  55 1234 5678 ",
      tags: "Chicago; Voluntaria,chicago",
      notes: "  ",
    });
    expect(parsed).toMatchObject({
      email: "ana.núñez@ejemplo.org",
      givenName: "Ana María",
      familyName: null,
      language: "pt-br",
      phone: "+52 55 1234 5678",
      tags: ["chicago", "voluntaria"],
      notes: null,
    });

    const bad = contactFormSchema.safeParse({ email: "no-es-correo", language: "español!", phone: "1".repeat(41) });
    expect(bad.success).toBe(false);
    const errors = fieldErrors(bad.error!);
    expect(errors).toMatchObject({
      email: "contacts.form.errors.emailInvalid",
      language: "contacts.form.errors.language",
      phone: "contacts.form.errors.phoneTooLong",
    });
    expect(fieldErrors(contactFormSchema.safeParse({ email: "  " }).error!).email).toBe("contacts.form.errors.emailRequired");

    const noBasis = parseCreateContactForm({ email: uniqueEmail(), consentStatus: "CONFIRMED", consentBasis: " " });
    expect(noBasis.success).toBe(false);
    expect(fieldErrors(noBasis.error!).consentBasis).toBe("contacts.form.errors.basisRequired");
    const noConsent = parseCreateContactForm({ email: uniqueEmail() });
    expect(fieldErrors(noConsent.error!).consentStatus).toBe("contacts.form.errors.consentRequired");

    for (const key of [...Object.values(errors), "contacts.form.errors.emailRequired", "contacts.form.errors.basisRequired", "contacts.form.errors.consentRequired"]) {
      for (const locale of LOCALES) expect(hasKey(locale, key), `${locale}: ${key}`).toBe(true);
    }
  });
});

describe("creating a contact", () => {
  it("records the stated consent under the current privacy notice, with consentStatus equal to the newest record, and audits it", async () => {
    const user = await staff();
    const admin = await staff("ADMIN");
    const notice = await publishPrivacyNotice(actorOf(admin), `Aviso de privacidad de prueba ${unique()}: tratamos tus datos para enviarte el boletín.`);
    const contact = await newContact(actorOf(user));

    const stored = await db.contact.findUniqueOrThrow({ where: { id: contact.id }, include: { consents: true } });
    expect(stored).toMatchObject({ source: "MANUAL", consentStatus: "CONFIRMED", subscriptionStatus: "SUBSCRIBED", tags: ["chicago", "feria", "voluntaria"] });
    expect(stored.consents).toHaveLength(1);
    expect(stored.consents[0]).toMatchObject({
      status: "CONFIRMED",
      method: "MANUAL",
      basis: "Firmó el formulario en la feria",
      recordedById: user.id,
    });
    expect(stored.consents[0]!.privacyNoticeVersion).toBeGreaterThanOrEqual(notice.version);

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "contact.create", entity: "contact", entityId: String(contact.id) } });
    expect(entry.actorId).toBe(user.id);
    expect(entry.after).toMatchObject({ email: contact.email, consent: { status: "CONFIRMED", method: "MANUAL" } });

    const pending = await newContact(actorOf(user), {}, { status: "PENDING" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: pending.id } })).consentStatus).toBe("PENDING");
    expect(await db.consentRecord.count({ where: { contactId: pending.id, status: "PENDING", method: "MANUAL" } })).toBe(1);
  });

  it("refuses an e-mail already present, whatever its case, pointing to the existing contact", async () => {
    const user = await staff();
    const first = await newContact(actorOf(user));
    const error = await expectContactError(newContact(actorOf(user), { email: `  ${first.email.toUpperCase()}` }), "emailTaken");
    expect(error.messageKey).toBe("contacts.form.errors.emailTaken");
    expect(error.existingId).toBe(first.id);
    // Other files write contacts in parallel: look at this address only.
    expect(await db.contact.count({ where: { email: { equals: first.email, mode: "insensitive" } } })).toBe(1);
  });

  it("refuses a suppressed (erased) e-mail with its own message", async () => {
    const user = await staff();
    const email = uniqueEmail("borrada");
    await db.suppressionEntry.create({ data: { emailHmac: emailHmac(email), reason: "test" } });
    const error = await expectContactError(newContact(actorOf(user), { email: email.toUpperCase() }), "suppressed");
    expect(error.messageKey).toBe("contacts.form.errors.emailSuppressed");
    expect(await db.contact.count({ where: { email } })).toBe(0);
    for (const locale of LOCALES) {
      expect(hasKey(locale, "contacts.form.errors.emailSuppressed")).toBe(true);
      expect(hasKey(locale, "contacts.form.errors.emailTaken")).toBe(true);
    }
  });
});

describe("editing, consent and subscription", () => {
  it("audits an edit with the before and after values of what changed, and refuses another contact's e-mail", async () => {
    const user = await staff();
    const contact = await newContact(actorOf(user));
    const other = await newContact(actorOf(user));
    const input = contactInput({ email: contact.email, givenName: "Lucha", city: "Aurora", tags: "chicago, nueva" });
    const { changed } = await updateContact(actorOf(user), contact.id, { ...input, familyName: contact.familyName, country: contact.country, state: contact.state, language: contact.language, phone: contact.phone, notes: contact.notes });
    expect(changed).toBe(true);

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "contact.update", entityId: String(contact.id) } });
    expect(entry.actorId).toBe(user.id);
    expect(entry.before).toEqual({ givenName: contact.givenName, city: "Chicago", tags: ["chicago", "feria", "voluntaria"] });
    expect(entry.after).toEqual({ givenName: "Lucha", city: "Aurora", tags: ["chicago", "nueva"] });

    // Saving the same values again changes nothing and writes nothing.
    const again = await updateContact(actorOf(user), contact.id, { ...input, familyName: contact.familyName, country: contact.country, state: contact.state, language: contact.language, phone: contact.phone, notes: contact.notes });
    expect(again.changed).toBe(false);
    expect(await db.auditLog.count({ where: { action: "contact.update", entityId: String(contact.id) } })).toBe(1);

    const clash = await expectContactError(updateContact(actorOf(user), contact.id, { ...input, email: other.email }), "emailTaken");
    expect(clash.existingId).toBe(other.id);
    await expectContactError(updateContact(actorOf(user), 2_000_000_000, input), "notFound");
  });

  it("withdraws consent (consentStatus WITHDRAWN), confirms a pending one with its basis, and keeps the history", async () => {
    const user = await staff();
    const contact = await newContact(actorOf(user));
    await recordConsent(actorOf(user), contact.id, { status: "WITHDRAWN", method: "MANUAL", basis: "Pidió por teléfono no recibir más" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).consentStatus).toBe("WITHDRAWN");
    await expectContactError(recordConsent(actorOf(user), contact.id, { status: "WITHDRAWN", method: "MANUAL" }), "consentUnchanged");
    await expectContactError(recordConsent(actorOf(user), contact.id, { status: "CONFIRMED", method: "MANUAL", basis: " " }), "basisRequired");

    const pending = await newContact(actorOf(user), {}, { status: "PENDING" });
    await recordConsent(actorOf(user), pending.id, { status: "CONFIRMED", method: "MANUAL", basis: "Confirmó por correo" });
    const detail = await getContact(pending.id);
    expect(detail?.contact.consentStatus).toBe("CONFIRMED");
    expect(detail?.consents.map((c) => c.status)).toEqual(["CONFIRMED", "PENDING"]);
    expect(detail?.consents[0]?.recordedBy?.id).toBe(user.id);
    expect(detail?.audit.entries.map((e) => e.action)).toEqual(["contact.consent", "contact.create"]);

    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "contact.consent", entityId: String(contact.id) } });
    expect(entry.before).toEqual({ consentStatus: "CONFIRMED" });
    expect(entry.after).toMatchObject({ consentStatus: "WITHDRAWN" });
  });

  it("unsubscribes at once; subscribing again needs a consent, which is recorded", async () => {
    const user = await staff();
    const contact = await newContact(actorOf(user));
    expect((await setSubscription(actorOf(user), contact.id, "UNSUBSCRIBED")).changed).toBe(true);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).subscriptionStatus).toBe("UNSUBSCRIBED");
    expect((await setSubscription(actorOf(user), contact.id, "UNSUBSCRIBED")).changed).toBe(false);

    await expectContactError(setSubscription(actorOf(user), contact.id, "SUBSCRIBED"), "resubscribeNeedsConsent");
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).subscriptionStatus).toBe("UNSUBSCRIBED");

    await setSubscription(actorOf(user), contact.id, "SUBSCRIBED", { consentBasis: "Volvió a suscribirse en el evento de Houston" });
    const stored = await db.contact.findUniqueOrThrow({ where: { id: contact.id }, include: { consents: { orderBy: { id: "desc" } } } });
    expect(stored.subscriptionStatus).toBe("SUBSCRIBED");
    expect(stored.consentStatus).toBe("CONFIRMED");
    expect(stored.consents[0]).toMatchObject({ status: "CONFIRMED", basis: "Volvió a suscribirse en el evento de Houston" });
    const actions = (await db.auditLog.findMany({ where: { entity: "contact", entityId: String(contact.id) }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["contact.create", "contact.subscription", "contact.consent", "contact.subscription"]);
  });

  it("pages the audit trail by key, newest first", async () => {
    const user = await staff();
    const contact = await newContact(actorOf(user));
    for (let i = 0; i < 22; i += 1) {
      await audit(actorOf(user), { action: "contact.update", entity: "contact", entityId: String(contact.id), after: { notes: `nota ${i}` } });
    }
    const first = await getContact(contact.id);
    expect(first?.audit.entries).toHaveLength(20);
    expect(first?.audit.nextCursor).toBeDefined();
    const second = await getContact(contact.id, { auditCursor: BigInt(first!.audit.nextCursor!) });
    expect(second?.audit.entries).toHaveLength(3);
    expect(second?.audit.entries.at(-1)?.action).toBe("contact.create");
    const ids = [...first!.audit.entries, ...second!.audit.entries].map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a < b ? 1 : -1))).toEqual(ids);
  });
});

describe("merging two contacts", () => {
  it("keeps the chosen values, unions tags, moves consents, deletes the other and audits both ids with the full before values", async () => {
    const user = await staff();
    const survivor = await newContact(actorOf(user), { givenName: "Lupita", city: "", tags: "chicago" });
    const other = await newContact(actorOf(user), { givenName: "Guadalupe", city: "Cicero", tags: "voluntaria; houston" }, { status: "PENDING" });
    await recordConsent(actorOf(user), other.id, { status: "CONFIRMED", method: "MANUAL", basis: "Confirmó en persona" });
    const arco = await createArcoRequest(actorOf(user), arcoRequestSchema.parse({ kind: "ACCESS", requesterName: "Guadalupe", receivedOn: "2025-01-06", contactId: String(other.id) }));

    const form = mergeFormSchema.parse({ intent: "confirm", a: String(other.id), b: String(survivor.id), survivor: "b", field_email: "a", field_givenName: "a", field_phone: "b" });
    expect(form).toMatchObject({ survivorId: survivor.id, otherId: other.id, choices: { email: "other", givenName: "other", phone: "survivor" } });
    const { survivor: merged, movedConsents } = await mergeContacts(actorOf(user), form.survivorId, form.otherId, form.choices);

    expect(movedConsents).toBe(2);
    expect(merged).toMatchObject({ id: survivor.id, email: other.email, givenName: "Guadalupe", familyName: survivor.familyName, city: "Cicero" });
    expect(merged.tags).toEqual(["chicago", "houston", "voluntaria"]);
    expect(await db.contact.findUnique({ where: { id: other.id } })).toBeNull();
    expect(await db.consentRecord.count({ where: { contactId: survivor.id } })).toBe(3);
    expect(merged.consentStatus).toBe("CONFIRMED");
    expect((await db.arcoRequest.findUniqueOrThrow({ where: { id: arco.id } })).contactId).toBe(survivor.id);

    const onSurvivor = await db.auditLog.findFirstOrThrow({ where: { action: "contact.merge", entityId: String(survivor.id) } });
    expect(onSurvivor.before).toMatchObject({ survivor: { email: survivor.email, givenName: "Lupita" }, other: { id: other.id, email: other.email, givenName: "Guadalupe", city: "Cicero" } });
    expect(onSurvivor.after).toMatchObject({ mergedFrom: other.id, email: other.email });
    const onOther = await db.auditLog.findFirstOrThrow({ where: { action: "contact.merge", entityId: String(other.id) } });
    expect(onOther.before).toMatchObject({ id: other.id, email: other.email, givenName: "Guadalupe", tags: ["houston", "voluntaria"] });
    expect(onOther.after).toEqual({ mergedInto: survivor.id, movedConsents: 2 });
    // The other's history stays readable, and its old id leads to the survivor.
    expect(await db.auditLog.count({ where: { entity: "contact", entityId: String(other.id), action: "contact.create" } })).toBe(1);
    expect(await findMergedInto(other.id)).toBe(survivor.id);

    await expectContactError(mergeContacts(actorOf(user), survivor.id, survivor.id, {}), "sameContact");
    await expectContactError(mergeContacts(actorOf(user), survivor.id, other.id, {}), "notFound");
  });

  it("keeps an unsubscription whichever record carried it", async () => {
    const user = await staff();
    const a = await newContact(actorOf(user));
    const b = await newContact(actorOf(user));
    await setSubscription(actorOf(user), b.id, "UNSUBSCRIBED");
    const { survivor } = await mergeContacts(actorOf(user), a.id, b.id, {});
    expect(survivor.subscriptionStatus).toBe("UNSUBSCRIBED");
    expect(survivor.email).toBe(a.email);
  });

  it("moves the other's event sign-ups to the survivor, once per event", async () => {
    const user = await staff();
    const a = await newContact(actorOf(user));
    const b = await newContact(actorOf(user));
    const event = (at: string) =>
      db.event.create({ data: { name: `Feria ${unique()}`, kind: "INFO_BOOTH", startsAt: new Date(at), endsAt: new Date(at), timeZone: "America/Chicago" } });
    const both = await event("2017-11-19T16:00:00Z");
    const onlyB = await event("2017-11-21T18:00:00Z");
    await db.eventSignup.createMany({ data: [{ eventId: both.id, contactId: a.id }, { eventId: both.id, contactId: b.id }, { eventId: onlyB.id, contactId: b.id }] });
    await mergeContacts(actorOf(user), a.id, b.id, {});
    const signups = await db.eventSignup.findMany({ where: { eventId: { in: [both.id, onlyB.id] } }, orderBy: { eventId: "asc" } });
    expect(signups.map((s) => [s.eventId, s.contactId]).sort()).toEqual([[both.id, a.id], [onlyB.id, a.id]].sort());
  });
});

describe("ARCO: access", () => {
  it("exports the contact's fields, consent history, audit entries and import rejections as JSON and CSV", async () => {
    const user = await staff();
    const contact = await newContact(actorOf(user), { notes: "=HYPERLINK(\"x\")" });
    await recordConsent(actorOf(user), contact.id, { status: "WITHDRAWN", method: "MANUAL", basis: "Ya no quiere" });
    const batch = await db.importBatch.create({ data: { fileName: "feria.csv", fileSize: 10, fileSha256: unique(), sourceText: "Feria" } });
    await db.importRejection.create({ data: { batchId: batch.id, line: 7, reason: "duplicate", raw: `${contact.email},Lucía`, emailHmac: emailHmac(contact.email) } });

    const event = await db.event.create({ data: { name: `Día del Músico ${unique()}`, kind: "COMMUNITY_FESTIVAL", startsAt: new Date("2017-11-19T16:00:00Z"), endsAt: new Date("2017-11-19T23:00:00Z"), timeZone: "America/Chicago", city: "Fort Worth", country: "US" } });
    await db.eventSignup.create({ data: { eventId: event.id, contactId: contact.id } });
    const bulletin = await db.bulletin.create({ data: { name: `Boletín ${unique()}`, subject: "Tu credencial", fromName: "INE", fromEmail: "boletin@ine.example", bodyMarkdown: "Hola" } });
    await db.bulletinDelivery.create({ data: { bulletinId: bulletin.id, contactId: contact.id, email: contact.email, status: "SENT", sentAt: new Date() } });

    const data = await exportContactData(contact.id);
    expect(data?.contact).toMatchObject({ id: contact.id, email: contact.email, givenName: contact.givenName });
    expect(data?.eventSignups).toEqual([expect.objectContaining({ eventId: event.id, city: "Fort Worth" })]);
    expect(data?.bulletinsReceived).toEqual([expect.objectContaining({ bulletinId: bulletin.id, subject: "Tu credencial", sentTo: contact.email, status: "SENT" })]);
    expect(data?.consentHistory.map((c) => c.status)).toEqual(["CONFIRMED", "WITHDRAWN"]);
    expect(data?.auditTrail.map((e) => e.action)).toEqual(["contact.create", "contact.consent"]);
    expect(data?.importRejections).toEqual([expect.objectContaining({ fileName: "feria.csv", line: 7, raw: `${contact.email},Lucía` })]);
    expect(await exportContactData(2_000_000_000)).toBeNull();

    const csv = contactExportCsv(data!);
    expect(csv.startsWith("\uFEFFsección,número,campo,valor\r\n")).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toContainEqual(["contacto", "1", "email", contact.email]);
    expect(rows).toContainEqual(["contacto", "1", "tags", "chicago;feria;voluntaria"]);
    expect(rows).toContainEqual(["contacto", "1", "notes", "'=HYPERLINK(\"x\")"]);
    expect(rows).toContainEqual(["consentimiento", "2", "status", "WITHDRAWN"]);
    expect(rows).toContainEqual(["rechazos_de_importación", "1", "raw", `${contact.email},Lucía`]);
    expect(rows).toContainEqual(["boletines_recibidos", "1", "subject", "Tu credencial"]);
    expect(rows).toContainEqual(["registros_en_eventos", "1", "city", "Fort Worth"]);
  });
});

describe("ARCO: erasure", () => {
  it("refuses an UPDATE of the audit log without the redaction setting, in or out of a transaction", async () => {
    const user = await staff();
    await audit(actorOf(user), { action: "test.append-only", entity: "test", entityId: unique(), after: { value: "secreto" } });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "test.append-only", actorId: user.id } });
    await expect(db.$executeRaw`UPDATE "AuditLog" SET after = '{}'::jsonb WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM "AuditLog" WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);

    // The redaction itself fails when the transaction did not turn the setting on...
    const contact = await newContact(actorOf(user));
    const personal = { emails: [contact.email], others: [] };
    await expect(db.$transaction((tx) => redactAuditEntries(tx, [contact.id], personal))).rejects.toThrow(/append-only/);
    expect(await auditTextContaining(contact.email)).toBeGreaterThan(0);
    // ...and the setting does not leak out of the transaction that set it.
    await db.$transaction(async (tx) => {
      await enableAuditRedaction(tx);
      expect(await redactAuditEntries(tx, [contact.id], personal)).toBeGreaterThan(0);
    });
    expect(await auditTextContaining(contact.email)).toBe(0);
    await expect(db.$executeRaw`UPDATE "AuditLog" SET after = '{}'::jsonb WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).after).toEqual({ value: "secreto" });
  });

  it("deletes the contact, keeps only the HMAC, redacts every audit value and import rejection, and audits itself without personal data", async () => {
    const user = await staff();
    const contact = await newContact(actorOf(user));
    const merged = await newContact(actorOf(user), { givenName: contact.givenName!, familyName: contact.familyName! });
    await updateContact(actorOf(user), contact.id, { ...contactInput({ email: contact.email, givenName: contact.givenName!, familyName: contact.familyName! }), phone: "+1 773 555 0199" });
    await recordConsent(actorOf(user), contact.id, { status: "WITHDRAWN", method: "MANUAL", basis: `Llamó ${contact.givenName}` });
    await mergeContacts(actorOf(user), contact.id, merged.id, {});
    // An entry about something else that mentions the address (and one that must stay untouched).
    await audit(actorOf(user), { action: "contacts.bulk", entity: "segment", entityId: unique(), after: { emails: [contact.email.toUpperCase(), "otra@ejemplo.org"], note: "lote" } });
    await audit(actorOf(user), { action: "contacts.bulk", entity: "segment", entityId: unique(), after: { emails: ["otra@ejemplo.org"] } });
    const batch = await db.importBatch.create({ data: { fileName: "lista.csv", fileSize: 10, fileSha256: unique(), sourceText: "Lista" } });
    await db.importRejection.createMany({
      data: [
        { batchId: batch.id, line: 2, reason: "duplicate", raw: `${contact.email},${contact.givenName}`, emailHmac: emailHmac(contact.email) },
        { batchId: batch.id, line: 3, reason: "duplicate", raw: `${merged.email},${merged.givenName}`, emailHmac: emailHmac(merged.email) },
        { batchId: batch.id, line: 4, reason: "invalidEmail", raw: "alguien-más,Pedro", emailHmac: null },
      ],
    });
    const request = await createArcoRequest(
      actorOf(user),
      arcoRequestSchema.parse({ kind: "CANCELLATION", requesterName: "La titular", receivedOn: "2025-02-03", contactId: String(contact.id) }),
    );
    const needles = [contact.email, merged.email, contact.givenName!, contact.familyName!, "+1 773 555 0199"];
    for (const needle of needles) expect(await auditTextContaining(needle), needle).toBeGreaterThan(0);

    // Another person's request cannot be used to erase this contact.
    const stranger = await newContact(actorOf(user));
    const strangersRequest = await createArcoRequest(
      actorOf(user),
      arcoRequestSchema.parse({ kind: "CANCELLATION", requesterName: "Otra titular", receivedOn: "2025-02-03", contactId: String(stranger.id) }),
    );
    await expectContactError(eraseContact(actorOf(user), contact.id, strangersRequest.id), "arcoRequestNotFound");
    expect(await db.contact.findUnique({ where: { id: contact.id } })).not.toBeNull();

    const result = await eraseContact(actorOf(user), contact.id, request.id);

    expect(result).toMatchObject({ contactId: contact.id, arcoRequestId: request.id, importRejections: 2 });
    expect(await db.contact.findUnique({ where: { id: contact.id } })).toBeNull();
    expect(await db.consentRecord.count({ where: { contactId: contact.id } })).toBe(0);
    const suppressed = await db.suppressionEntry.findUniqueOrThrow({ where: { emailHmac: emailHmac(contact.email) } });
    expect(suppressed.emailHmac).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(suppressed.reason).toBe(`arco:CANCELLATION:${request.id}`);
    expect(await db.suppressionEntry.count({ where: { emailHmac: emailHmac(merged.email) } })).toBe(1);

    for (const needle of needles) expect(await auditTextContaining(needle), needle).toBe(0);
    const create = await db.auditLog.findFirstOrThrow({ where: { action: "contact.create", entityId: String(contact.id) } });
    expect(create.after).toMatchObject({ email: REDACTED, givenName: REDACTED, consentStatus: "CONFIRMED", source: "MANUAL" });
    expect(await auditTextContaining("otra@ejemplo.org")).toBe(2);

    const raws = await db.importRejection.findMany({ where: { batchId: batch.id }, orderBy: { line: "asc" } });
    expect(raws.map((r) => r.raw)).toEqual([null, null, "alguien-más,Pedro"]);

    const erase = await db.auditLog.findFirstOrThrow({ where: { action: "contact.erase", entityId: String(contact.id) } });
    expect(erase.before).toBeNull();
    expect(erase.after).toEqual({ arcoRequestId: request.id });
    expect((await db.arcoRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("RESOLVED");

    // The address cannot come back through the contact form.
    await expectContactError(newContact(actorOf(user), { email: contact.email }), "suppressed");
    await expectContactError(eraseContact(actorOf(user), contact.id), "notFound");
  });
});

describe("ARCO requests", () => {
  it("computes the legal deadline, flags 'por vencer' and 'vencida', sorts open ones by due date and audits without personal data", async () => {
    const user = await staff();
    const contact = await newContact(actorOf(user));
    const name = `Solicitante ${unique()}`;
    const linked = await createArcoRequest(
      actorOf(user),
      arcoRequestSchema.parse({ kind: "ACCESS", requesterName: name, requesterEmail: contact.email.toUpperCase(), receivedOn: "2025-03-10" }),
    );
    expect(linked.contactId).toBe(contact.id); // linked by the requester's address
    expect(linked.dueAt.toISOString().slice(0, 10)).toBe("2025-04-08");

    const today = "2025-04-02";
    expect(withDeadline(linked, today).deadline).toEqual({ state: "dueSoon", businessDaysLeft: 4 });
    expect(withDeadline(linked, "2025-04-09").deadline?.state).toBe("overdue");
    expect(withDeadline(linked, "2025-03-11").deadline?.state).toBe("onTime");

    const older = await createArcoRequest(actorOf(user), arcoRequestSchema.parse({ kind: "OPPOSITION", requesterName: name, receivedOn: "2025-03-03" }));
    const list = await listArcoRequests({ today });
    const mine = list.open.filter((r) => r.requesterName === name);
    expect(mine.map((r) => r.id)).toEqual([older.id, linked.id]);
    const dues = list.open.map((r) => r.dueOn);
    expect([...dues].sort()).toEqual(dues);
    // Received 3 March: due 1 April (17 March is a holiday), so on 2 April it is past due.
    expect(mine[0]?.dueOn).toBe("2025-04-01");
    expect(mine[0]?.deadline?.state).toBe("overdue");

    const { changed } = await updateArcoRequest(actorOf(user), older.id, {
      ...arcoRequestSchema.parse({ kind: "OPPOSITION", requesterName: name, receivedOn: "2025-03-03", notes: "Atendida por teléfono" }),
      state: "RESOLVED",
    });
    expect(changed).toBe(true);
    const resolved = await db.arcoRequest.findUniqueOrThrow({ where: { id: older.id } });
    expect(resolved.state).toBe("RESOLVED");
    expect(resolved.resolvedAt).not.toBeNull();
    const after = await listArcoRequests({ today });
    expect(after.open.some((r) => r.id === older.id)).toBe(false);
    expect(after.closed.some((r) => r.id === older.id) || after.nextClosedCursor !== null).toBe(true);

    expect(await auditTextContaining(name)).toBe(0);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "arcoRequest.update", entityId: older.id } });
    expect(entry.after).toEqual({ state: "RESOLVED", fieldsChanged: ["notes"] });

    expect(arcoRequestSchema.safeParse({ kind: "ACCESS", requesterName: "X", receivedOn: "2025-02-30" }).success).toBe(false);
    const future = businessDaysAfter(new Date().toISOString().slice(0, 10), 5);
    await expect(createArcoRequest(actorOf(user), arcoRequestSchema.parse({ kind: "ACCESS", requesterName: name, receivedOn: future }))).rejects.toMatchObject({ code: "receivedInFuture" });
  });
});

describe("the pages over HTTP", () => {
  async function signedIn(role: "COMMUNICATIONS" | "COORDINATOR" | "JUROR" | "ADMIN") {
    const user = await staff(role);
    const client = new TestClient();
    const res = await client.login(user.email);
    expect(res.status, `login as ${role}`).toBe(302);
    return { user, client };
  }

  const origin = () => ({ headers: { origin: new URL(new TestClient().baseUrl).origin } });

  it("lets COMMUNICATIONS create, view, edit and export a contact", async () => {
    const { user, client } = await signedIn("COMMUNICATIONS");
    expect((await client.get("/contacts/new")).status).toBe(200);
    const email = uniqueEmail("http");
    const created = await client.post(
      "/contacts/new",
      { email, givenName: "Rosa", familyName: "Luna", language: "es", tags: "houston", consentStatus: "CONFIRMED", consentBasis: "Formulario en papel" },
      origin(),
    );
    expect(created.status).toBe(302);
    const contact = await db.contact.findUniqueOrThrow({ where: { email } });
    expect(created.headers.get("location")).toBe(`/contacts/${contact.id}`);

    const page = await client.get(`/contacts/${contact.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(email);
    expect(html).toContain("Formulario en papel");

    const duplicate = await client.post("/contacts/new", { email: email.toUpperCase(), consentStatus: "PENDING" }, origin());
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain(`/contacts/${contact.id}`);

    expect((await client.get(`/contacts/${contact.id}/edit`)).status).toBe(200);
    const edited = await client.post(`/contacts/${contact.id}/edit`, { email, givenName: "Rosa María", familyName: "Luna", language: "es", tags: "houston" }, origin());
    expect(edited.status).toBe(302);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).givenName).toBe("Rosa María");

    const withdraw = await client.post(`/contacts/${contact.id}`, { intent: "withdrawConsent", basis: "Lo pidió" }, origin());
    expect(withdraw.status).toBe(302);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).consentStatus).toBe("WITHDRAWN");

    const json = await client.get(`/contacts/${contact.id}/export.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/application\/json/);
    expect(json.headers.get("content-disposition")).toMatch(/^attachment; filename="contacto-\d+-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = (await json.json()) as { contact: { email: string }; consentHistory: unknown[] };
    expect(body.contact.email).toBe(email);
    expect(body.consentHistory).toHaveLength(2);

    const csv = await client.get(`/contacts/${contact.id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="contacto-\d+-.*\.csv"$/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFsección,número,campo,valor\r\n")).toBe(true);
    expect(text).toContain(email);

    const exports = await db.auditLog.findMany({ where: { action: "contact.arcoExport", entityId: String(contact.id) }, orderBy: { id: "asc" } });
    expect(exports.map((e) => [e.actorId, (e.after as { format: string }).format])).toEqual([
      [user.id, "json"],
      [user.id, "csv"],
    ]);
  });

  it("lets COORDINATOR view but not change (403 on every change); JUROR gets 403 everywhere", async () => {
    const author = await staff();
    const contact = await newContact(actorOf(author));
    const { client: coordinator } = await signedIn("COORDINATOR");
    expect((await coordinator.get(`/contacts/${contact.id}`)).status).toBe(200);
    expect((await coordinator.get("/contacts/arco")).status).toBe(200);
    expect((await coordinator.get(`/contacts/${contact.id}/edit`)).status).toBe(403);
    expect((await coordinator.post(`/contacts/${contact.id}/edit`, { email: contact.email }, origin())).status).toBe(403);
    expect((await coordinator.post(`/contacts/${contact.id}`, { intent: "unsubscribe" }, origin())).status).toBe(403);
    expect((await coordinator.get("/contacts/new")).status).toBe(403);
    expect((await coordinator.get(`/contacts/merge?a=${contact.id}`)).status).toBe(403);
    expect((await coordinator.post("/contacts/arco", { kind: "ACCESS", requesterName: "Alguien", receivedOn: "2025-01-06" }, origin())).status).toBe(403);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).subscriptionStatus).toBe("SUBSCRIBED");

    const { client: juror } = await signedIn("JUROR");
    for (const path of [`/contacts/${contact.id}`, `/contacts/${contact.id}/edit`, `/contacts/${contact.id}/export.json`, `/contacts/${contact.id}/export.csv`, "/contacts/new", "/contacts/arco", `/contacts/merge?a=${contact.id}`]) {
      expect((await juror.get(path)).status, path).toBe(403);
    }
    expect(await db.auditLog.count({ where: { action: "contact.arcoExport", entityId: String(contact.id) } })).toBe(0);

    expect((await coordinator.get("/contacts/2000000000")).status).toBe(404);
    expect((await coordinator.get("/contacts/abc")).status).toBe(404);
  });

  it("merges through the chooser after a preview, and erases only with the typed e-mail", async () => {
    const { client } = await signedIn("COMMUNICATIONS");
    const author = await staff();
    const a = await newContact(actorOf(author), { givenName: "Ana" });
    const b = await newContact(actorOf(author), { givenName: "Anita", tags: "extra" });

    const chooser = await client.get(`/contacts/merge?a=${a.id}&b=${b.id}`);
    expect(chooser.status).toBe(200);
    expect(await chooser.text()).toContain(b.email);
    const search = await client.get(`/contacts/merge?a=${a.id}&q=${encodeURIComponent(b.email)}`);
    expect(await search.text()).toContain(`b=${b.id}`);

    const form = { a: String(a.id), b: String(b.id), survivor: "a", field_givenName: "b" };
    const preview = await client.post(`/contacts/merge?a=${a.id}&b=${b.id}`, { ...form, intent: "preview" }, origin());
    expect(preview.status).toBe(200);
    expect(await db.contact.count({ where: { id: { in: [a.id, b.id] } } })).toBe(2);
    const confirm = await client.post(`/contacts/merge?a=${a.id}&b=${b.id}`, { ...form, intent: "confirm" }, origin());
    expect(confirm.status).toBe(302);
    expect(confirm.headers.get("location")).toBe(`/contacts/${a.id}`);
    expect(await db.contact.findUnique({ where: { id: b.id } })).toBeNull();
    expect((await db.contact.findUniqueOrThrow({ where: { id: a.id } })).givenName).toBe("Anita");
    // The merged-away id leads to the survivor.
    const gone = await client.get(`/contacts/${b.id}`);
    expect(gone.status).toBe(302);
    expect(gone.headers.get("location")).toBe(`/contacts/${a.id}`);

    const wrong = await client.post(`/contacts/${a.id}`, { intent: "erase", confirmEmail: "otra@ejemplo.org" }, origin());
    expect(wrong.status).toBe(400);
    expect(await db.contact.findUnique({ where: { id: a.id } })).not.toBeNull();
    const erased = await client.post(`/contacts/${a.id}`, { intent: "erase", confirmEmail: ` ${a.email.toUpperCase()} ` }, origin());
    expect(erased.status).toBe(302);
    expect(await db.contact.findUnique({ where: { id: a.id } })).toBeNull();
    expect(await db.suppressionEntry.count({ where: { emailHmac: emailHmac(a.email) } })).toBe(1);
  });

  it("logs an ARCO request from the form and shows it with its deadline", async () => {
    const { client } = await signedIn("COMMUNICATIONS");
    const name = `Persona ${unique()}`;
    const created = await client.post("/contacts/arco", { kind: "RECTIFICATION", requesterName: name, requesterEmail: "", receivedOn: "2025-06-02", contactId: "", notes: "" }, origin());
    expect(created.status).toBe(302);
    const request = await db.arcoRequest.findFirstOrThrow({ where: { requesterName: name } });
    expect(request.dueAt.toISOString().slice(0, 10)).toBe("2025-06-30");
    const list = await client.get("/contacts/arco");
    const html = await list.text();
    expect(html).toContain(name);
    expect(html).toContain("Vencida");
    const page = await client.get(`/contacts/arco/${request.id}`);
    expect(page.status).toBe(200);
    const updated = await client.post(
      `/contacts/arco/${request.id}`,
      { kind: "RECTIFICATION", requesterName: name, requesterEmail: "", receivedOn: "2025-06-02", contactId: "", notes: "Corregido", state: "RESOLVED" },
      origin(),
    );
    expect(updated.status).toBe(302);
    expect((await db.arcoRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("RESOLVED");
  });
});
