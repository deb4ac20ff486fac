/**
 * The public sign-up kiosk over HTTP against the real server, worker and SMTP sink: a sign-up makes
 * a pending contact with its consent evidence and an EventSignup, the e-mail's link confirms it;
 * a known address gets the same answer (and is never overwritten or re-subscribed); the honeypot,
 * the per-IP rate limit and a closed window refuse. Each test uses its own event, addresses and IP.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { hit } from "~/lib/rate-limit.server";
import { createContact, recordConsent, setSubscription } from "~/modules/contacts/contact.server";
import { contactFormSchema } from "~/modules/contacts/schema";
import { createEvent, listContactSignups } from "~/modules/events/event.server";
import { hasKey, LOCALES } from "~/i18n";
import { createSession } from "~/modules/auth/session.server";
import { KIOSK_RATE_LIMIT, MAILS_PER_ADDRESS_PER_DAY, MIN_RESPONSE_MS, submitKioskSignup } from "~/modules/events/kiosk.server";
import { eventFormSchema } from "~/modules/events/schema";
import { utcToZoned } from "~/lib/time";
import { currentPrivacyNotice, getSettings, publishPrivacyNotice, updateSettings } from "~/modules/settings/settings.server";
import { closeQueues } from "../../jobs/queues";
import { createUser, fakeRequest, uniqueEmail, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";
import { linkFrom, mailCount, waitForMail } from "../support/outbox";

const unique = () => randomUUID().slice(0, 8);
const ZONE = "America/Chicago";
const local = (offsetMs: number) => utcToZoned(new Date(Date.now() + offsetMs), ZONE);
const HOUR = 3_600_000;

let noticeVersion = 0;
let coordinator: { id: string };

beforeAll(async () => {
  coordinator = await createUser({ role: "COORDINATOR" });
  const notice = (await currentPrivacyNotice()) ?? (await publishPrivacyNotice({ userId: null }, "Aviso de privacidad de prueba: tus datos solo sirven para enviarte información del voto."));
  noticeVersion = notice.version;
});

afterAll(async () => {
  await closeQueues();
});

async function kioskEvent(window: { opens: number; closes: number } = { opens: -HOUR, closes: HOUR }, status = "CONFIRMED") {
  const event = await createEvent(
    { userId: coordinator.id, ip: "127.0.0.1" },
    eventFormSchema.parse({
      name: `Día del Músico ${unique()}`,
      kind: "COMMUNITY_FESTIVAL",
      status,
      timeZone: ZONE,
      startsLocal: local(-2 * HOUR),
      endsLocal: local(2 * HOUR),
      country: "US",
      state: "Texas",
      city: "Fort Worth",
      kioskEnabled: "on",
      signupOpensLocal: local(window.opens),
      signupClosesLocal: local(window.closes),
    }),
  );
  return { ...event, path: `/k/${event.signupSlug}` };
}

function signupForm(email: string, extra: Record<string, string> = {}) {
  return { lang: "es", noticeVersion: String(noticeVersion), givenName: "Rosa", familyName: "Luna", email, country: "US", state: "Texas", language: "es", consent: "on", website: "", ...extra };
}

/**
 * Posts a kiosk form (under the current privacy notice) and times the answer. Other test files may
 * publish a new notice at any moment: the kiosk then asks again (409), and so does this helper.
 */
async function timedPost(client: TestClient, path: string, form: Record<string, string>) {
  for (let attempt = 0; ; attempt += 1) {
    const version = (await currentPrivacyNotice())?.version ?? noticeVersion;
    const started = Date.now();
    const res = await client.post(path, { ...form, noticeVersion: String(version) }, { headers: { origin: new URL(client.baseUrl).origin } });
    const ms = Date.now() - started;
    if (res.status !== 409 || attempt >= 2) return { res, ms };
  }
}

describe("kiosk sign-up and double opt-in", () => {
  it("creates a pending contact with its consent evidence, mails the link, and the link confirms it", async () => {
    const event = await kioskEvent();
    const client = new TestClient();
    const page = await client.get(event.path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(event.name);
    expect(html).toMatch(/Aviso de privacidad \(versión \d+\)/);
    expect(html).toContain('name="website"');

    const email = uniqueEmail("kiosco");
    const { res, ms } = await timedPost(client, event.path, signupForm(email.toUpperCase()));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${event.path}?done=1`);
    expect(ms).toBeGreaterThanOrEqual(MIN_RESPONSE_MS - 20);

    const contact = await db.contact.findUniqueOrThrow({ where: { email }, include: { consents: true, eventSignups: true } });
    expect(contact).toMatchObject({ givenName: "Rosa", familyName: "Luna", country: "US", state: "US-TX", language: "es", source: "EVENT_SIGNUP", sourceDetail: event.name, consentStatus: "PENDING", subscriptionStatus: "SUBSCRIBED" });
    expect(contact.consents).toHaveLength(1);
    expect(contact.consents[0]).toMatchObject({ status: "PENDING", method: "EVENT_SIGNUP" });
    expect(contact.consents[0]?.privacyNoticeVersion).toBeGreaterThanOrEqual(noticeVersion);
    expect(contact.consents[0]?.basis).toContain(event.name);
    expect(contact.eventSignups).toHaveLength(1);
    expect(contact.eventSignups[0]).toMatchObject({ eventId: event.id, confirmedAt: null });

    const mail = await waitForMail(email);
    expect(mail.subject).toBe(`Confirma tu registro: ${event.name}`);
    const link = linkFrom(mail.text, "/k/confirm/");
    const path = new URL(link).pathname;
    const landing = await client.get(path);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain("Confirmar mi registro");
    // Opening the link (as a mail scanner would) changes nothing: the button does.
    expect((await db.contact.findUniqueOrThrow({ where: { email } })).consentStatus).toBe("PENDING");

    const confirmed = await client.post(path, {}, { headers: { origin: new URL(client.baseUrl).origin } });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("Tu registro quedó confirmado");
    const after = await db.contact.findUniqueOrThrow({ where: { email }, include: { consents: { orderBy: { id: "asc" } } } });
    expect(after.consentStatus).toBe("CONFIRMED");
    expect(after.consents.map((c) => [c.status, c.method])).toEqual([
      ["PENDING", "EVENT_SIGNUP"],
      ["CONFIRMED", "DOUBLE_OPT_IN"],
    ]);
    const signups = await listContactSignups(contact.id);
    expect(signups.map((s) => [s.event.id, !!s.confirmedAt])).toEqual([[event.id, true]]);

    // A second press records nothing more.
    await client.post(path, {}, { headers: { origin: new URL(client.baseUrl).origin } });
    expect(await db.consentRecord.count({ where: { contactId: contact.id } })).toBe(2);
    // A tampered link is refused.
    expect((await client.get(`${path.slice(0, -3)}xyz`)).status).toBe(400);
  });

  it("answers a known address exactly like a new one, never overwrites it and never re-subscribes it", async () => {
    const event = await kioskEvent();
    const client = new TestClient();
    const known = uniqueEmail("conocido");
    const existing = await createContact({ userId: coordinator.id }, contactFormSchema.parse({ email: known, givenName: "María", familyName: "López" }), { status: "CONFIRMED", basis: "Formulario en papel" });
    await setSubscription({ userId: coordinator.id }, existing.id, "UNSUBSCRIBED");
    const fresh = uniqueEmail("nuevo");

    const a = await timedPost(client, event.path, signupForm(known, { givenName: "Intruso", familyName: "", state: "Illinois" }));
    const b = await timedPost(client, event.path, signupForm(fresh));
    expect(a.res.status).toBe(b.res.status);
    expect(a.res.headers.get("location")).toBe(b.res.headers.get("location"));
    expect(await a.res.text()).toBe(await b.res.text());
    expect(Math.min(a.ms, b.ms)).toBeGreaterThanOrEqual(MIN_RESPONSE_MS - 20);

    // Both get the same mail.
    const [mailA, mailB] = await Promise.all([waitForMail(known), waitForMail(fresh)]);
    expect(mailA.subject).toBe(mailB.subject);

    const stored = await db.contact.findUniqueOrThrow({ where: { id: existing.id } });
    expect(stored).toMatchObject({ givenName: "María", familyName: "López", state: "US-IL", consentStatus: "CONFIRMED", subscriptionStatus: "UNSUBSCRIBED" });
    const path = new URL(linkFrom(mailA.text, "/k/confirm/")).pathname;
    expect((await client.post(path, {}, { headers: { origin: new URL(client.baseUrl).origin } })).status).toBe(200);
    const confirmed = await db.contact.findUniqueOrThrow({ where: { id: existing.id } });
    expect(confirmed.subscriptionStatus).toBe("UNSUBSCRIBED");
    expect(await db.eventSignup.count({ where: { eventId: event.id, contactId: existing.id, confirmedAt: { not: null } } })).toBe(1);
  });

  it("keeps a withdrawn consent as it is until the owner follows the link", async () => {
    const event = await kioskEvent();
    const client = new TestClient();
    const email = uniqueEmail("retirado");
    const existing = await createContact({ userId: coordinator.id }, contactFormSchema.parse({ email }), { status: "CONFIRMED", basis: "Formulario en papel" });
    await recordConsent({ userId: coordinator.id }, existing.id, { status: "WITHDRAWN", method: "MANUAL", basis: "Lo pidió por teléfono" });
    expect((await timedPost(client, event.path, signupForm(email))).res.status).toBe(302);
    expect((await db.contact.findUniqueOrThrow({ where: { id: existing.id } })).consentStatus).toBe("WITHDRAWN");
    expect(await db.consentRecord.count({ where: { contactId: existing.id } })).toBe(2);
    const path = new URL(linkFrom((await waitForMail(email)).text, "/k/confirm/")).pathname;
    await client.post(path, {}, { headers: { origin: new URL(client.baseUrl).origin } });
    expect((await db.contact.findUniqueOrThrow({ where: { id: existing.id } })).consentStatus).toBe("CONFIRMED");
  });

  it("sends one address at most a few confirmation mails a day, with the same answer", async () => {
    const event = await kioskEvent();
    const email = uniqueEmail("repetido");
    for (let i = 0; i < MAILS_PER_ADDRESS_PER_DAY + 2; i += 1) {
      const { res } = await timedPost(new TestClient(), event.path, signupForm(email));
      expect(res.headers.get("location")).toBe(`${event.path}?done=1`);
    }
    const deadline = Date.now() + 15_000;
    while ((await mailCount(email)) < MAILS_PER_ADDRESS_PER_DAY && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailCount(email)).toBe(MAILS_PER_ADDRESS_PER_DAY);
    expect(await db.eventSignup.count({ where: { eventId: event.id, contact: { email } } })).toBe(1);
  });

  it("mails nothing to an address that bounced or complained, with the same answer", async () => {
    const event = await kioskEvent();
    const complained = uniqueEmail("queja");
    const existing = await createContact({ userId: coordinator.id }, contactFormSchema.parse({ email: complained }), { status: "CONFIRMED", basis: "Formulario en papel" });
    await db.contact.update({ where: { id: existing.id }, data: { subscriptionStatus: "COMPLAINED" } });
    const fresh = uniqueEmail("control");
    const a = await timedPost(new TestClient(), event.path, signupForm(complained));
    const b = await timedPost(new TestClient(), event.path, signupForm(fresh));
    expect(a.res.headers.get("location")).toBe(b.res.headers.get("location"));
    await waitForMail(fresh);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailCount(complained)).toBe(0);
    expect(await db.eventSignup.count({ where: { eventId: event.id, contactId: existing.id } })).toBe(1);
  });

  it("repeats nothing the visitor typed in the confirmation mail", async () => {
    const event = await kioskEvent();
    const email = uniqueEmail("texto");
    const typed = { givenName: "Gana dinero en spam.example.com", familyName: "Llama al 555-0100" };
    expect((await timedPost(new TestClient(), event.path, signupForm(email, typed))).res.status).toBe(302);
    const mail = await waitForMail(email);
    for (const body of [mail.subject, mail.text ?? "", mail.html ?? ""]) {
      expect(body).not.toContain("spam.example.com");
      expect(body).not.toContain("555-0100");
    }
    expect(mail.text).toMatch(/^Hola:/m);
    expect(mail.text).toContain(event.name);
    // The contact keeps what was typed; only the mail leaves it out.
    expect(await db.contact.findUniqueOrThrow({ where: { email } })).toMatchObject(typed);
  });

  it("keeps what was typed and asks for the consent box", async () => {
    const event = await kioskEvent();
    const client = new TestClient();
    const email = uniqueEmail("sin-consentimiento");
    const { res } = await timedPost(client, event.path, signupForm(email, { consent: "", givenName: "Guadalupe" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Guadalupe");
    expect(html).toContain("marca la casilla de aceptación del aviso de privacidad");
    expect(await db.contact.count({ where: { email } })).toBe(0);
  });
});

describe("kiosk abuse protection", () => {
  it("gives a robot that fills the honeypot the same answer and does nothing", async () => {
    const event = await kioskEvent();
    const client = new TestClient();
    const email = uniqueEmail("robot");
    const { res } = await timedPost(client, event.path, signupForm(email, { website: "http://spam.example" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${event.path}?done=1`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.contact.count({ where: { email } })).toBe(0);
    expect(await mailCount(email)).toBe(0);
  });

  it("limits sign-ups per client address", async () => {
    const event = await kioskEvent();
    const ip = uniqueIp();
    for (let i = 0; i < KIOSK_RATE_LIMIT.limit; i += 1) await hit(`kiosk:${ip}`, KIOSK_RATE_LIMIT.limit, KIOSK_RATE_LIMIT.windowSeconds);
    const email = uniqueEmail("limitado");
    const { res } = await timedPost(new TestClient(ip), event.path, signupForm(email));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.text()).toContain("Demasiados registros desde este dispositivo");
    expect(await db.contact.count({ where: { email } })).toBe(0);
    // Another address is not limited.
    const other = uniqueEmail("otro");
    expect((await timedPost(new TestClient(), event.path, signupForm(other))).res.status).toBe(302);
    expect(await db.contact.count({ where: { email: other } })).toBe(1);
  });

  it("past the hourly cap for every kiosk together, keeps the sign-up without a mail, with the same answer", async () => {
    const event = await kioskEvent();
    const { kioskMailsPerHour } = await getSettings();
    // A counter of this test's own stands for "every kiosk", so other files' kiosks are not capped.
    const bucket = `kiosk-mail:test-${unique()}`;
    for (let i = 0; i < kioskMailsPerHour; i += 1) await hit(bucket, kioskMailsPerHour, 3_600);
    const form = async (email: string) => ({ ...signupForm(email), noticeVersion: String((await currentPrivacyNotice())!.version) });

    const capped = uniqueEmail("tope");
    const control = uniqueEmail("control-tope");
    const ip = uniqueIp();
    const a = await submitKioskSignup(event.signupSlug!, await form(capped), { ip, minResponseMs: 0, mailCapBucket: bucket });
    const b = await submitKioskSignup(event.signupSlug!, await form(control), { ip, minResponseMs: 0, mailCapBucket: `kiosk-mail:test-${unique()}` });
    expect(a).toEqual({ status: "accepted" });
    expect(b).toEqual(a);

    const contact = await db.contact.findUniqueOrThrow({ where: { email: capped }, include: { eventSignups: true } });
    expect(contact.eventSignups.map((s) => s.eventId)).toEqual([event.id]);
    const entry = await db.auditLog.findFirst({ where: { action: "event.signup.mailCapped", entityId: event.id } });
    expect(entry?.after).toEqual({ signupId: contact.eventSignups[0]!.id, contactId: contact.id, kioskMailsPerHour });
    expect(JSON.stringify(entry?.after)).not.toContain(capped);

    await waitForMail(control);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailCount(capped)).toBe(0);
  });

  it("lets an administrator set the hourly cap, within bounds", async () => {
    const { action } = await import("~/routes/admin.settings");
    const admin = await db.user.update({ where: { id: (await createUser({ role: "ADMIN" })).id }, data: { totpEnabled: true } });
    const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const original = await getSettings();
    const post = (kioskMailsPerHour: string) => {
      // Not the complaint rate: a form without it leaves it alone (another file lowers it meanwhile).
      const { complaintPauseRate: _rate, ...rest } = original;
      const fields = { ...rest, replyTo: original.replyTo ?? "", sendRatePerSecond: String(original.sendRatePerSecond), kioskMailsPerHour };
      return action({
        request: new Request("http://localhost:3000/admin/settings", {
          method: "POST",
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ intent: "settings", ...fields }),
        }),
        params: {},
        context: {},
      }) as unknown as Promise<{ data: { intent: string; result: { error?: Record<string, string[]> } }; init: ResponseInit | null } | Response>;
    };
    try {
      for (const bad of ["0", "-5", "2.5", "abc", "", "10001"]) {
        const result = await post(bad);
        expect(result instanceof Response ? result.status : result.init?.status, bad).toBe(400);
        // handleIntents answers which form was refused and Conform's reply: the field's error key.
        expect(result instanceof Response ? null : result.data.intent, bad).toBe("settings");
        expect(result instanceof Response ? null : result.data.result.error, bad).toEqual({ kioskMailsPerHour: ["admin.settings.errors.kioskMailsPerHour"] });
      }
      expect((await getSettings()).kioskMailsPerHour).toBe(original.kioskMailsPerHour);
      for (const locale of LOCALES) {
        for (const key of ["admin.settings.errors.kioskMailsPerHour", "admin.settings.fields.kioskMailsPerHour", "admin.settings.hints.kioskMailsPerHour"]) expect(hasKey(locale, key), `${locale} ${key}`).toBe(true);
      }

      // A higher cap than the default, so kiosks tested in parallel are never held back.
      const saved = await post(String(original.kioskMailsPerHour + 150));
      expect(saved instanceof Response ? saved.status : null).toBe(302);
      expect((await getSettings()).kioskMailsPerHour).toBe(original.kioskMailsPerHour + 150);
      const entry = await db.auditLog.findFirst({ where: { action: "settings.update", actorId: admin.id }, orderBy: { id: "desc" } });
      expect(entry).toMatchObject({ before: { kioskMailsPerHour: original.kioskMailsPerHour }, after: { kioskMailsPerHour: original.kioskMailsPerHour + 150 } });
    } finally {
      // Not the complaint rate: another file lowers it for a moment, and rewriting it would race.
      await updateSettings({ userId: admin.id }, { ...original, complaintPauseRate: undefined, replyTo: original.replyTo ?? undefined });
    }
  });

  it("closes outside the sign-up window and for a cancelled event", async () => {
    const closed = await kioskEvent({ opens: -3 * HOUR, closes: -HOUR });
    const notYet = await kioskEvent({ opens: HOUR, closes: 3 * HOUR });
    const cancelled = await kioskEvent(undefined, "CANCELLED");
    const client = new TestClient();
    expect(await (await client.get(closed.path)).text()).toContain("El registro para este evento ya cerró");
    expect(await (await client.get(notYet.path)).text()).toContain("El registro aún no abre");
    for (const event of [closed, notYet, cancelled]) {
      const email = uniqueEmail("cerrado");
      const { res } = await timedPost(client, event.path, signupForm(email));
      expect(res.status, event.path).toBe(403);
      expect(await db.contact.count({ where: { email } })).toBe(0);
    }
    expect((await client.get("/k/no-such-kiosk")).status).toBe(404);
  });
});
