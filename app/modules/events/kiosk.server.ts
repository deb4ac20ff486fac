/**
 * The public sign-up kiosk of an event (/k/<signupSlug>) and its double opt-in.
 *
 * A sign-up creates the contact (source EVENT_SIGNUP) or adds to an existing one only what it
 * lacks, appends a PENDING consent record (method EVENT_SIGNUP, the privacy notice version and
 * language the visitor was shown, the event and the time), keeps one EventSignup per contact and event, and
 * queues a confirmation e-mail. Only the confirmation link (signed, purpose "double-opt-in")
 * records the CONFIRMED consent (method DOUBLE_OPT_IN). Subscriptions are never changed here: a
 * contact who unsubscribed stays unsubscribed.
 *
 * Abuse: a fixed-window rate limit per client IP (Redis), a honeypot field, the event's sign-up
 * window, confirmation mails limited per address and per hour for all kiosks together (Settings'
 * kioskMailsPerHour) and repeating nothing typed, and one answer for every accepted sign-up — new
 * address, known address, erased address, robot, mail not sent — given no sooner than
 * MIN_RESPONSE_MS, so neither the page nor its timing tells whether an address was already known.
 *
 * The privacy notice is the one in the kiosk's language; without an English version the English
 * kiosk shows the Spanish one and says so, and the consent records what was shown ("es").
 */
import QRCode from "qrcode";
import type { Contact, Event } from "~/generated/prisma/client";
import { signToken, verifyToken } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { hit } from "~/lib/rate-limit.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { contactSnapshot, findContact, isUniqueViolation, lockContact, recordConsent, syncConsentStatus, type Tx, emailHmac, isSuppressed } from "~/modules/contacts/index.server";
import { normalizeRegion, unknownRegionNote } from "~/modules/geo";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import { makeT } from "~/i18n";
import { getSettings, privacyNoticeFor, privacyNoticeVersion, type NoticeLanguage } from "~/modules/settings/index.server";
import { HONEYPOT_FIELD, kioskLanguageSchema, kioskSignupSchema, type KioskSignupInput } from "./schema";
import { withMinimumDuration } from "~/lib/timing.server";

export const KIOSK_RATE_LIMIT = { limit: 30, windowSeconds: 600 };
export const MIN_RESPONSE_MS = 400;
export const MAILS_PER_ADDRESS_PER_DAY = 3;
export const CONFIRM_TOKEN_DAYS = 14;
export const CONFIRM_PURPOSE = "double-opt-in";
export const KIOSK_MAIL_CAP_BUCKET = "kiosk-mail:all";

export type KioskState = "open" | "notYet" | "closed";

/** The kiosk's public address (APP_URL is the public base URL). */
export function kioskUrl(slug: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/k/${slug}`;
}

/** The kiosk's address as a QR code to print (an SVG data URL; the CSP allows data: images). */
export async function kioskQrDataUrl(slug: string): Promise<string> {
  const svg = await QRCode.toString(kioskUrl(slug), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export function kioskState(event: Pick<Event, "status" | "signupOpensAt" | "signupClosesAt">, now = new Date()): KioskState {
  if (event.status === "CANCELLED" || !event.signupOpensAt || !event.signupClosesAt) return "closed";
  if (now < event.signupOpensAt) return "notYet";
  if (now >= event.signupClosesAt) return "closed";
  return "open";
}

/** What the kiosk page shows in a language, or null when no event has that slug. */
export async function getKiosk(slug: string, language: NoticeLanguage = "es", now = new Date()) {
  if (!/^[a-z0-9-]{3,80}$/.test(slug)) return null;
  const event = await db.event.findUnique({
    where: { signupSlug: slug },
    select: { id: true, name: true, status: true, startsAt: true, endsAt: true, timeZone: true, country: true, state: true, city: true, venue: true, signupOpensAt: true, signupClosesAt: true },
  });
  if (!event) return null;
  const state = kioskState(event, now);
  const notice = state === "open" ? await privacyNoticeFor(language) : null;
  return { event, state, notice };
}

export type KioskResult =
  | { status: "accepted" }
  | { status: "invalid"; errors: Record<string, string> }
  | { status: "noticeChanged" }
  | { status: "closed" }
  | { status: "rateLimited"; retryAfterSeconds: number };


export type KioskContext = {
  ip: string | null;
  now?: Date;
  minResponseMs?: number;
  rateLimit?: { limit: number; windowSeconds: number };
  /** The hourly cap's counter (tests count in one of their own, leaving other kiosks alone). */
  mailCapBucket?: string;
};

/** Handles one posted kiosk form (every field as posted). */
export async function submitKioskSignup(slug: string, form: Record<string, unknown>, ctx: KioskContext): Promise<KioskResult> {
  const now = ctx.now ?? new Date();
  const event = /^[a-z0-9-]{3,80}$/.test(slug) ? await db.event.findUnique({ where: { signupSlug: slug } }) : null;
  if (!event || kioskState(event, now) !== "open") return { status: "closed" };

  const rate = ctx.rateLimit ?? KIOSK_RATE_LIMIT;
  const limited = await hit(`kiosk:${ctx.ip ?? "unknown"}`, rate.limit, rate.windowSeconds);
  if (!limited.allowed) return { status: "rateLimited", retryAfterSeconds: limited.retryAfterSeconds };

  const parsed = kioskSignupSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    if (errors.email) errors.email = "events.kiosk.errors.email";
    return { status: "invalid", errors };
  }

  return withMinimumDuration(ctx.minResponseMs ?? MIN_RESPONSE_MS, async () => {
    // A robot filled the field people never see: it gets the same answer and nothing happens.
    const honeypot = form[HONEYPOT_FIELD];
    if (typeof honeypot === "string" && honeypot.trim() !== "") return { status: "accepted" } as const;

    // The notice this kiosk language shows now must be the one the visitor read and accepted.
    const notice = await privacyNoticeFor(kioskLanguageSchema.parse(form.lang));
    if (!notice || notice.version !== parsed.data.noticeVersion) return { status: "noticeChanged" } as const;

    // An erased person's address is never stored again; the answer stays the same.
    if (await isSuppressed(parsed.data.email)) return { status: "accepted" } as const;

    const signup = await registerSignup(event, parsed.data, notice, { userId: null, ip: ctx.ip }, now);
    // An address that bounced or whose owner reported us as spam gets no mail from a public form.
    const contact = await findContact(signup.contactId);
    if (contact && (contact.subscriptionStatus === "BOUNCED" || contact.subscriptionStatus === "COMPLAINED")) return { status: "accepted" } as const;
    // One address gets a few confirmation mails a day at most, however many kiosks it is typed at.
    const perAddress = await hit(`kiosk-mail:${emailHmac(parsed.data.email)}`, MAILS_PER_ADDRESS_PER_DAY, 86_400);
    if (!perAddress.allowed) return { status: "accepted" } as const;
    // And every kiosk together sends at most kioskMailsPerHour: past it the sign-up stays, unmailed.
    const { kioskMailsPerHour } = await getSettings();
    const overall = await hit(ctx.mailCapBucket ?? KIOSK_MAIL_CAP_BUCKET, kioskMailsPerHour, 3_600);
    if (!overall.allowed) {
      console.error(`[kiosk] ${kioskMailsPerHour} confirmation mails this hour: sign-up ${signup.signupId} kept without a mail`);
      await audit({ userId: null, ip: ctx.ip }, { action: "event.signup.mailCapped", entity: "event", entityId: event.id, after: { signupId: signup.signupId, contactId: signup.contactId, kioskMailsPerHour } });
      return { status: "accepted" } as const;
    }
    // Nothing the visitor typed goes into the mail (a public form must not mail any text anywhere);
    // the job names the sign-up, and the worker looks up the address and signs the link.
    await sendTransactionalMail({ template: "eventSignupConfirm", to: { signup: signup.signupId }, locale: parsed.data.language, data: {} });
    return { status: "accepted" } as const;
  });
}

/**
 * The confirmation mail's address and values, when the worker sends it. Nothing once the sign-up
 * is gone (its contact was erased), confirmed, or the address bounced or complained.
 */
export async function confirmationForMail(signupId: number, language: "es" | "en", now = new Date()): Promise<{ to: string; data: Record<string, string> } | { skip: string }> {
  const signup = await db.eventSignup.findUnique({
    where: { id: signupId },
    select: { id: true, contactId: true, confirmedAt: true, event: { select: { name: true } }, contact: { select: { email: true, subscriptionStatus: true } } },
  });
  if (!signup) return { skip: "signupGone" };
  if (signup.confirmedAt) return { skip: "alreadyConfirmed" };
  if (signup.contact.subscriptionStatus === "BOUNCED" || signup.contact.subscriptionStatus === "COMPLAINED") return { skip: "undeliverable" };
  return { to: signup.contact.email, data: { eventName: signup.event.name, url: confirmUrl(signup.id, language, now), ...(await noticeForMail(signup.contactId, language)) } };
}

/**
 * The privacy notice line of the confirmation mail, in the mail's language: a link to the version the
 * visitor accepted at a kiosk (their newest kiosk consent), else to the one in force for that
 * language; when that text is Spanish while the mail is English, the line says so.
 */
async function noticeForMail(contactId: number, language: NoticeLanguage): Promise<Record<string, string>> {
  const t = makeT(language);
  const accepted = await db.consentRecord.findFirst({
    where: { contactId, method: "EVENT_SIGNUP", privacyNoticeVersion: { not: null } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { privacyNoticeVersion: true },
  });
  const notice = accepted?.privacyNoticeVersion ? await privacyNoticeVersion(accepted.privacyNoticeVersion) : await privacyNoticeFor(language);
  if (!notice) return { notice: "", noticeUrl: "" };
  const noticeLanguage = notice.language === "en" ? "en" : "es";
  const params = { version: notice.version };
  const line = noticeLanguage === language ? t("events.mail.confirm.notice", params) : t("events.mail.confirm.noticeOtherLanguage", params);
  return { notice: line, noticeUrl: noticeUrl(notice.version, language) };
}

/** The public page of one notice version, its page chrome in `language`. */
export function noticeUrl(version: number, language: NoticeLanguage): string {
  return `${env().APP_URL.replace(/\/+$/, "")}/k/notice/${version}${language === "en" ? "?lang=en" : ""}`;
}

/** A notice version as its public page shows it: the text, and whether it is in the reader's language. */
export async function publicNotice(version: number, language: NoticeLanguage) {
  const notice = await privacyNoticeVersion(version);
  if (!notice) return null;
  const noticeLanguage: NoticeLanguage = notice.language === "en" ? "en" : "es";
  const current = await privacyNoticeFor(noticeLanguage);
  return { version: notice.version, language: noticeLanguage, text: notice.text, publishedAt: notice.publishedAt, inForce: current?.version === notice.version, otherLanguage: noticeLanguage !== language };
}

export function confirmUrl(signupId: number, language: "es" | "en", now = new Date()): string {
  const token = signToken(CONFIRM_PURPOSE, signupId, new Date(now.getTime() + CONFIRM_TOKEN_DAYS * 86_400_000));
  return `${env().APP_URL.replace(/\/+$/, "")}/k/confirm/${token}${language === "en" ? "?lang=en" : ""}`;
}

const FILLABLE = ["givenName", "familyName", "country", "state", "language"] as const;

/**
 * Creates or updates the contact and records the pending consent and the sign-up, in one
 * transaction. An existing contact's values are never overwritten from a public form: only its
 * empty fields are filled. Returns the EventSignup id the confirmation link carries.
 */
export async function registerSignup(
  event: Pick<Event, "id" | "name">,
  input: KioskSignupInput,
  notice: { version: number; language: NoticeLanguage },
  actor: AuditActor,
  now = new Date(),
): Promise<{ signupId: number; contactId: number; created: boolean }> {
  const basis = `Registro en el kiosco del evento «${event.name}»`.slice(0, 500);
  const attempt = () =>
    db.$transaction(async (tx) => {
      const existing = await tx.contact.findUnique({ where: { email: input.email }, select: { id: true } });
      const { contact, created } = existing ? { contact: await fillContact(tx, existing.id, input, actor), created: false } : { contact: await newContact(tx, input, event, actor), created: true };
      // The consent evidence: pending until the link is followed. A confirmed contact keeps its
      // confirmed consent and a withdrawn one its withdrawal — anyone can type an address at a
      // kiosk; only its owner, by the link, changes what it said before.
      if (contact.consentStatus === "PENDING") {
        const record = await tx.consentRecord.create({
          data: {
            contactId: contact.id,
            status: "PENDING",
            method: "EVENT_SIGNUP",
            basis,
            privacyNoticeVersion: notice.version,
            privacyNoticeLanguage: notice.language,
            recordedById: null,
            at: now,
          },
        });
        await syncConsentStatus(tx, contact.id);
        await audit(
          actor,
          {
            action: "contact.consent",
            entity: "contact",
            entityId: String(contact.id),
            before: { consentStatus: created ? null : contact.consentStatus },
            after: { consentStatus: "PENDING", consent: { id: record.id, status: record.status, method: record.method, basis, privacyNoticeVersion: notice.version, privacyNoticeLanguage: notice.language, eventId: event.id } },
          },
          tx,
        );
      }
      const signup = await tx.eventSignup.upsert({
        where: { eventId_contactId: { eventId: event.id, contactId: contact.id } },
        create: { eventId: event.id, contactId: contact.id, at: now },
        update: {},
      });
      await audit(actor, { action: "event.signup", entity: "event", entityId: event.id, after: { signupId: signup.id, contactId: contact.id, newContact: created, privacyNoticeVersion: notice.version, privacyNoticeLanguage: notice.language } }, tx);
      return { signupId: signup.id, contactId: contact.id, created };
    });
  try {
    return await attempt();
  } catch (error) {
    // Two sign-ups with one new address at once: the second finds the contact the first made.
    if (isUniqueViolation(error)) return attempt();
    throw error;
  }
}

/**
 * The kiosk's country and state through the one normaliser (ISO codes). A visitor's state that
 * names nothing in their country is not stored as free text: it goes to the notes instead.
 */
function kioskRegion(input: KioskSignupInput): { country: string | null; state: string | null; notes: string | null } {
  const region = normalizeRegion(input.country, input.state);
  return { country: region.country, state: region.state, notes: region.unknown.length ? region.unknown.map(unknownRegionNote).join("\n") : null };
}

async function newContact(tx: Tx, input: KioskSignupInput, event: Pick<Event, "id" | "name">, actor: AuditActor): Promise<Contact> {
  const region = kioskRegion(input);
  const contact = await tx.contact.create({
    data: {
      email: input.email,
      givenName: input.givenName,
      familyName: input.familyName,
      country: region.country,
      state: region.state,
      notes: region.notes,
      language: input.language,
      source: "EVENT_SIGNUP",
      sourceDetail: event.name.slice(0, 200),
      consentStatus: "PENDING",
    },
  });
  await audit(actor, { action: "contact.create", entity: "contact", entityId: String(contact.id), after: { ...contactSnapshot(contact), eventId: event.id } }, tx);
  return contact;
}

async function fillContact(tx: Tx, id: number, input: KioskSignupInput, actor: AuditActor): Promise<Contact> {
  const contact = await lockContact(tx, id);
  const fill: Record<string, string> = {};
  const region = kioskRegion(input);
  const coded = { ...input, country: region.country, state: region.state };
  for (const field of FILLABLE) {
    const value = coded[field];
    if (value && !contact[field]) fill[field] = value;
  }
  if (Object.keys(fill).length === 0) return contact;
  const updated = await tx.contact.update({ where: { id }, data: fill });
  await audit(
    actor,
    { action: "contact.update", entity: "contact", entityId: String(id), before: Object.fromEntries(Object.keys(fill).map((k) => [k, null])), after: fill },
    tx,
  );
  return updated;
}

// ── Confirmation ────────────────────────────────────────────────────────────────────────────────

export type ConfirmResult = { status: "confirmed" | "alreadyConfirmed"; eventName: string } | { status: "invalid" };

/** What the confirmation page shows before the button is pressed. */
export async function peekConfirmation(token: string, now = new Date()) {
  const id = verifyToken(CONFIRM_PURPOSE, token, now);
  if (!id || !/^\d{1,10}$/.test(id)) return null;
  const signup = await db.eventSignup.findUnique({ where: { id: Number(id) }, include: { event: { select: { name: true } } } });
  return signup ? { eventName: signup.event.name, confirmed: !!signup.confirmedAt } : null;
}

/**
 * Follows a confirmation link: records the CONFIRMED consent (DOUBLE_OPT_IN) and marks the sign-up
 * confirmed, once. The subscription is left as it is.
 */
export async function confirmSignup(token: string, ctx: { ip: string | null; now?: Date }): Promise<ConfirmResult> {
  const now = ctx.now ?? new Date();
  const id = verifyToken(CONFIRM_PURPOSE, token, now);
  if (!id || !/^\d{1,10}$/.test(id)) return { status: "invalid" };
  const actor: AuditActor = { userId: null, ip: ctx.ip };
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "EventSignup" WHERE id = ${Number(id)} FOR UPDATE`;
    const signup = await tx.eventSignup.findUnique({ where: { id: Number(id) }, include: { event: { select: { id: true, name: true } } } });
    if (!signup) return { status: "invalid" } as const;
    if (signup.confirmedAt) return { status: "alreadyConfirmed", eventName: signup.event.name } as const;
    await recordConsent(actor, signup.contactId, { status: "CONFIRMED", method: "DOUBLE_OPT_IN", basis: `Confirmación por correo del registro en «${signup.event.name}»`.slice(0, 500) }, tx);
    await tx.eventSignup.update({ where: { id: signup.id }, data: { confirmedAt: now } });
    await audit(actor, { action: "event.signup.confirm", entity: "event", entityId: signup.event.id, after: { signupId: signup.id, contactId: signup.contactId } }, tx);
    return { status: "confirmed", eventName: signup.event.name } as const;
  });
}
