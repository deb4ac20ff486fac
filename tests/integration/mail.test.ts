import { describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { inject } from "vitest";
import { renderTransactional } from "../../emails/render.server";
import { sendTransactionalMail } from "~/modules/mail/mail.server";
import { DEFAULT_SETTINGS } from "~/modules/settings/settings.server";
import { uniqueEmail } from "../support/factories";
import { waitForMail } from "../support/outbox";

describe("transactional mail", () => {
  it("renders in each language with the institution's postal address and escapes values", async () => {
    const es = await renderTransactional("invite", "es", { name: "Ana <b>", inviter: "Luis", role: "Jurado", url: "https://x.test/invite/a?b=1&c=2" }, DEFAULT_SETTINGS);
    const en = await renderTransactional("invite", "en", { name: "Ana", inviter: "Luis", role: "Juror", url: "https://x.test/invite/a" }, DEFAULT_SETTINGS);
    expect(es.subject).toBe("Te invitaron a Alcance");
    expect(en.subject).toBe("You have been invited to Alcance");
    expect(es.html).toContain("Ana &lt;b&gt;");
    expect(es.html).not.toContain("Ana <b>");
    expect(es.html).toContain('href="https://x.test/invite/a?b=1&amp;c=2"');
    expect(es.html).toContain(DEFAULT_SETTINGS.postalAddress);
    expect(es.text).toContain(DEFAULT_SETTINGS.postalAddress);
    expect(es.html).not.toMatch(/\{\{\w+\}\}/);
  });

  it("is queued, sent by the worker over SMTP and lands in the outbox", async () => {
    const to = uniqueEmail("mail");
    await sendTransactionalMail({ template: "passwordReset", to, locale: "en", data: { name: "Pat", url: "http://localhost:3000/reset-password/t0k3n" } });
    const message = await waitForMail(to);
    expect(message.subject).toBe("Reset your Alcance password");
    expect(message.from).toBe(DEFAULT_SETTINGS.transactionalSenderEmail);
    expect(message.text).toContain("http://localhost:3000/reset-password/t0k3n");
    expect(message.html).toContain("Choose a new password");
    expect(message.raw).toMatch(/^Content-Type: multipart\/alternative/m);
  });

  it("stores whatever reaches the SMTP sink, for every process to see", async () => {
    const to = uniqueEmail("sink");
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: inject("smtpPort"), secure: false, tls: { rejectUnauthorized: false } });
    await transport.sendMail({ from: "prueba@alcance.test", to, subject: "Prueba de buzón", text: "Hola" });
    transport.close();
    const message = await waitForMail(to);
    expect(message.subject).toBe("Prueba de buzón");
    expect(message.text?.trim()).toBe("Hola");
  });
});
