/** The applicant portal's pure rules (decision 029): the FAQ text format, the countdown, the forms. */
import { describe, expect, it } from "vitest";
import { makeT } from "~/i18n";
import { actorView } from "~/modules/audit/labels";
import { countdown, draftSchema, faqFromText, faqToText, inviteSchema, publishSchema, revokeInviteSchema, signUpSchema } from "~/modules/portal";
import * as staffInvite from "../../emails/transactional/invite";
import * as staffReset from "../../emails/transactional/password-reset";
import * as portalInvite from "../../emails/transactional/portal-invite";
import * as portalMagic from "../../emails/transactional/portal-magic";
import * as portalReset from "../../emails/transactional/portal-reset";
import * as portalVerify from "../../emails/transactional/portal-verify";

describe("the FAQ as the office types it", () => {
  it("reads blocks separated by a blank line: the first line asks, the rest answers", () => {
    const text = "¿Puedo enviar en inglés?\nSí.\n\r\n¿Hasta cuándo?\nHasta el cierre.\nSin prórroga.\n\n\n";
    expect(faqFromText(text)).toEqual([
      { q: "¿Puedo enviar en inglés?", a: "Sí." },
      { q: "¿Hasta cuándo?", a: "Hasta el cierre.\nSin prórroga." },
    ]);
    expect(faqFromText(faqToText(faqFromText(text)))).toEqual(faqFromText(text));
    expect(faqFromText(null)).toEqual([]);
  });
});

describe("the correction countdown", () => {
  const now = new Date("2018-01-10T12:00:00Z");
  it("counts whole days and hours left, and nothing once the deadline has passed", () => {
    expect(countdown(new Date("2018-01-15T11:00:00Z"), now)).toEqual({ days: 4, hours: 23 });
    expect(countdown(new Date("2018-01-10T12:30:00Z"), now)).toEqual({ days: 0, hours: 0 });
    expect(countdown(now, now)).toBeNull();
    expect(countdown(new Date("2018-01-09T12:00:00Z"), now)).toBeNull();
  });
});

describe("the portal's forms", () => {
  it("keeps e-mail addresses lower-case and refuses short passwords", () => {
    expect(signUpSchema.parse({ email: " Osc@Ejemplo.ORG ", password: "x".repeat(12) }).email).toBe("osc@ejemplo.org");
    expect(signUpSchema.safeParse({ email: "osc@ejemplo.org", password: "corta" }).success).toBe(false);
  });
  it("reads blank optional fields as absent and checks the amount", () => {
    const draft = draftSchema.parse({ title: "  Voto 2018 ", summary: "   ", requestedBudget: "$24,500.50" });
    expect(draft).toMatchObject({ title: "Voto 2018", summary: null, requestedBudget: "24500.50", requirementId: null });
    expect(draftSchema.safeParse({ requestedBudget: "mucho" }).success).toBe(false);
  });
  it("accepts a slug of lower-case letters, digits and hyphens only", () => {
    expect(publishSchema.parse({ slug: " OSC-2018 " }).slug).toBe("osc-2018");
    for (const slug of ["ab", "osc/2018", "osc 2018", "osc_2018"]) expect(publishSchema.safeParse({ slug }).success, slug).toBe(false);
  });
});

describe("members and magic links", () => {
  it("reads an invitation's address lower-case and a revocation's id as a UUID only", () => {
    expect(inviteSchema.parse({ email: " Voluntaria@Pilsen.ORG" }).email).toBe("voluntaria@pilsen.org");
    expect(inviteSchema.safeParse({ email: "no-es-correo" }).success).toBe(false);
    expect(revokeInviteSchema.safeParse({ invitationId: "0b7a3a3e-8c1f-4f5e-9c55-6f7d2a1b9e10" }).success).toBe(true);
    for (const invitationId of ["x", "'; drop table", "0b7a3a3e8c1f4f5e9c556f7d2a1b9e10zzzz"]) expect(revokeInviteSchema.safeParse({ invitationId }).success, invitationId).toBe(false);
  });

  it("names the applicant account in the audit, apart from staff users", () => {
    expect(actorView({ actorId: null, ip: "::ffff:10.0.0.9", applicantId: "a1" }, null, { email: "osc@ejemplo.org" })).toEqual({ kind: "applicant", email: "osc@ejemplo.org", ip: "10.0.0.9" });
    expect(actorView({ actorId: null, ip: null, applicantId: "a1" }, null, null)).toEqual({ kind: "label", key: "admin.audit.actor.deletedApplicant", ip: null });
    expect(actorView({ actorId: null, ip: "10.0.0.9", applicantId: null }, null)).toEqual({ kind: "label", key: "admin.audit.actor.anonymous", ip: "10.0.0.9" });
  });
});

describe("the link mails", () => {
  const mails = { staffInvite, staffReset, portalVerify, portalReset, portalInvite, portalMagic };
  it("share one shape and differ only in their words, which exist in Spanish and English", () => {
    for (const [name, mail] of Object.entries(mails)) {
      expect(mail.body, name).toBe(staffInvite.body);
      expect(mail.text, name).toBe(staffInvite.text);
      for (const locale of ["es", "en"] as const) {
        const t = makeT(locale);
        for (const key of [mail.subjectKey, ...Object.values(mail.strings)]) expect(t.dynamic(key), `${name} ${locale} ${key}`).not.toBe(key);
      }
    }
  });
});
