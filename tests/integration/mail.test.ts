import { afterAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { inject } from "vitest";
import { renderTransactional } from "../../emails/render.server";
import { sendTransactionalMail } from "~/modules/mail/mail.server";
import { DEFAULT_SETTINGS } from "~/modules/settings/settings.server";
import type { TransactionalMail } from "~/modules/mail/types";
import { closeQueues, getQueue, QUEUES } from "../../jobs/queues";
import { createUser, uniqueEmail } from "../support/factories";
import { mailCount, waitForMail } from "../support/outbox";

afterAll(async () => {
  await closeQueues();
});

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

  it("is queued with the recipient's id, sent by the worker over SMTP and lands in the outbox", async () => {
    const user = await createUser({ locale: "en", name: "Pat Juror" });
    const data = { name: "Pat Juror", contest: "Concurso 2017", pending: "2", deadline: "10 dic 2026", url: "http://localhost:3000/jury/c1" };
    await sendTransactionalMail({ template: "juryReminder", to: { user: user.id }, locale: "en", data });
    const message = await waitForMail(user.email);
    expect(message.subject).toMatch(/2 evaluations/);
    expect(message.from).toBe(DEFAULT_SETTINGS.transactionalSenderEmail);
    expect(message.text).toContain("http://localhost:3000/jury/c1");
    expect(message.raw).toMatch(/^Content-Type: multipart\/alternative/m);
  });

  it("sends nothing to a deactivated account, nor for a job that carries an address", async () => {
    const inactive = await createUser({ active: false });
    const control = await createUser();
    const data = { name: "X", contest: "Concurso", pending: "1", deadline: "mañana", url: "http://localhost:3000/jury/c1" };
    await sendTransactionalMail({ template: "juryReminder", to: { user: inactive.id }, locale: "es", data });
    // A job queued by an earlier version, with the address in it.
    const legacy = uniqueEmail("legado");
    await getQueue(QUEUES.mail).add("juryReminder", { template: "juryReminder", to: legacy, locale: "es", data } as unknown as TransactionalMail);
    await sendTransactionalMail({ template: "juryReminder", to: { user: control.id }, locale: "es", data });
    await waitForMail(control.email);
    await new Promise((r) => setTimeout(r, 1500));
    expect(await mailCount(inactive.email)).toBe(0);
    expect(await mailCount(legacy)).toBe(0);
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
