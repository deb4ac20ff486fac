/**
 * Privacy notices per language, over HTTP against the real server, worker and SMTP sink: the kiosk
 * shows the notice in its own language and the consent records that language and version; the
 * English kiosk without an English notice says plainly that the Spanish one applies and records
 * "es"; the confirmation mail and the unsubscribe page show the visitor's language.
 *
 * Notices are shared by every test file (and the demo seed adds an English one when none exists),
 * so a check that needs "no English notice" removes them first and runs again if one appeared
 * meanwhile; posts read the version the kiosk shows at that moment.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "~/lib/db.server";
import { unsubscribeToken } from "~/modules/bulletins/pipeline/index.server";
import { createEvent } from "~/modules/events/event.server";
import { eventFormSchema } from "~/modules/events/schema";
import { utcToZoned } from "~/lib/time";
import { privacyNoticeFor, publishPrivacyNotice, type NoticeLanguage } from "~/modules/settings/settings.server";
import { closeQueues } from "../../jobs/queues";
import { audience } from "../support/bulletins";
import { createUser, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";
import { linkFrom, waitForMail } from "../support/outbox";

const unique = () => randomUUID().slice(0, 8);
const ZONE = "America/Chicago";
const HOUR = 3_600_000;
const local = (offsetMs: number) => utcToZoned(new Date(Date.now() + offsetMs), ZONE);

const SPANISH = () => `Aviso de privacidad ${unique()}: tus datos solo sirven para enviarte información del voto desde el extranjero.`;
const ENGLISH = () => `Privacy notice ${unique()}: your details are used only to send you news about voting from abroad.`;

let coordinator: { id: string };

beforeAll(async () => {
  coordinator = await createUser({ role: "COORDINATOR" });
  if (!(await privacyNoticeFor("es"))) await publishPrivacyNotice({ userId: null }, SPANISH());
});

afterAll(async () => {
  await closeQueues();
});

async function kioskPath() {
  const event = await createEvent(
    { userId: coordinator.id, ip: "127.0.0.1" },
    eventFormSchema.parse({
      name: `Feria consular ${unique()}`,
      kind: "COMMUNITY_FESTIVAL",
      status: "CONFIRMED",
      timeZone: ZONE,
      startsLocal: local(-2 * HOUR),
      endsLocal: local(2 * HOUR),
      country: "US",
      kioskEnabled: "on",
      signupOpensLocal: local(-HOUR),
      signupClosesLocal: local(HOUR),
    }),
  );
  return `/k/${event.signupSlug}`;
}

/** Signs up at the kiosk in `lang` under the notice the kiosk shows in that language right now. */
async function signUp(client: TestClient, path: string, lang: NoticeLanguage, email: string) {
  const shown = await privacyNoticeFor(lang);
  const form = { lang, noticeVersion: String(shown!.version), givenName: "Ana", familyName: "Ruiz", email, country: "US", state: "", language: lang, consent: "on", website: "" };
  const res = await client.post(path, form, { headers: { origin: new URL(client.baseUrl).origin } });
  expect(res.status).toBe(302);
  return db.contact.findUniqueOrThrow({ where: { email }, include: { consents: true } });
}

/** Runs `check` with no English notice published; again if another file published one meanwhile. */
async function withoutEnglishNotice(check: () => Promise<void>) {
  for (let attempt = 0; ; attempt += 1) {
    await db.privacyNotice.deleteMany({ where: { language: "en" } });
    try {
      await check();
      return;
    } catch (error) {
      if (attempt >= 2 || !(await db.privacyNotice.count({ where: { language: "en" } }))) throw error;
    }
  }
}

describe("privacy notices per language", () => {
  it("without an English notice, the English kiosk says so, shows the Spanish one and records «es»", async () => {
    const path = await kioskPath();
    await withoutEnglishNotice(async () => {
      const spanish = (await privacyNoticeFor("es"))!;
      const client = new TestClient();
      const html = await (await client.get(`${path}?lang=en`)).text();
      expect(html).toContain("The privacy notice is available in Spanish only; by continuing you accept the Spanish version");
      expect(html).toContain(`href="/k/notice/${spanish.version}?lang=en"`);
      expect(html).toContain(spanish.text);
      expect(html).toContain('data-notice-language="es"');
      expect(html).toContain("I have read the privacy notice (available in Spanish only)");

      const email = uniqueEmail("kiosk-en");
      const contact = await signUp(client, path, "en", email);
      expect(contact.consents.map((c) => [c.privacyNoticeLanguage, c.privacyNoticeVersion])).toEqual([["es", spanish.version]]);

      // The linked page shows the Spanish text and says, in English, that it exists in Spanish only.
      const page = await (await client.get(`/k/notice/${spanish.version}?lang=en`)).text();
      expect(page).toContain(spanish.text);
      expect(page).toContain("This privacy notice is available in Spanish only.");

      const mail = await waitForMail(email);
      expect(mail.text).toContain(`The privacy notice you accepted (version ${spanish.version}) is available in Spanish only:`);
      expect(linkFrom(mail.text, "/k/notice/")).toMatch(new RegExp(`/k/notice/${spanish.version}\\?lang=en$`));
    });
  });

  it("with an English notice, each kiosk language shows its own and the consent records language and version", async () => {
    const english = await publishPrivacyNotice({ userId: null }, ENGLISH(), "en");
    expect(english.language).toBe("en");
    const path = await kioskPath();
    const client = new TestClient();

    const en = await (await client.get(`${path}?lang=en`)).text();
    const shownEn = (await privacyNoticeFor("en"))!;
    expect(shownEn.fallback).toBe(false);
    expect(en).toContain(shownEn.text);
    expect(en).toContain('data-notice-language="en"');
    expect(en).not.toContain("available in Spanish only");

    const es = await (await client.get(path)).text();
    const shownEs = (await privacyNoticeFor("es"))!;
    expect(es).toContain(shownEs.text);
    expect(es).not.toContain(shownEn.text);

    const emailEn = uniqueEmail("kiosk-en");
    const contactEn = await signUp(client, path, "en", emailEn);
    const recordedEn = contactEn.consents.map((c) => [c.privacyNoticeLanguage, c.privacyNoticeVersion]);
    expect(recordedEn).toEqual([["en", (await privacyNoticeFor("en"))!.version]]);
    const emailEs = uniqueEmail("kiosk-es");
    const contactEs = await signUp(new TestClient(), path, "es", emailEs);
    expect(contactEs.consents.map((c) => c.privacyNoticeLanguage)).toEqual(["es"]);

    // The mail links the version accepted, in English, and the page shows that English text.
    const mail = await waitForMail(emailEn);
    const version = recordedEn[0]![1] as number;
    expect(mail.text).toContain(`The privacy notice you accepted (version ${version}):`);
    const link = new URL(linkFrom(mail.text, "/k/notice/"));
    const page = await (await client.get(`${link.pathname}${link.search}`)).text();
    expect(page).toContain((await db.privacyNotice.findUniqueOrThrow({ where: { version } })).text);
    expect(page).not.toContain("Spanish only");

    // A kiosk form read under the Spanish notice and posted in English is asked again.
    const stale = await client.post(
      path,
      { lang: "en", noticeVersion: String(shownEs.version), givenName: "Ana", email: uniqueEmail("stale"), language: "en", consent: "on", website: "" },
      { headers: { origin: new URL(client.baseUrl).origin } },
    );
    expect(stale.status).toBe(409);
  });

  it("the unsubscribe page shows an English reader the English notice, and a Spanish reader the Spanish one", async () => {
    await publishPrivacyNotice({ userId: null }, ENGLISH(), "en");
    const a = await audience([{ language: "en" }, { language: "es" }]);
    const [enContact, esContact] = a.contacts;
    const english = (await privacyNoticeFor("en"))!;
    const spanish = (await privacyNoticeFor("es"))!;
    const htmlEn = await (await fetch(new URL(`/u/${unsubscribeToken(enContact!.id, "cprivacy1")}`, inject("baseUrl")))).text();
    expect(htmlEn).toContain(english.text);
    expect(htmlEn).not.toContain(spanish.text);
    expect(htmlEn).not.toContain("Spanish only");
    const htmlEs = await (await fetch(new URL(`/u/${unsubscribeToken(esContact!.id, "cprivacy1")}`, inject("baseUrl")))).text();
    expect(htmlEs).toContain(spanish.text);
  });

  it("a consent written with a version alone gets that version's language", async () => {
    const english = await publishPrivacyNotice({ userId: null }, ENGLISH(), "en");
    const [contact] = (await audience(1)).contacts;
    const record = await db.consentRecord.create({ data: { contactId: contact!.id, status: "PENDING", method: "MANUAL", privacyNoticeVersion: english.version } });
    expect(record.privacyNoticeLanguage).toBe("en");
  });
});
