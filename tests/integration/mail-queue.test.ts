/**
 * What the mail queue keeps in Redis, against the real worker and SMTP sink: jobs name records
 * (a token row, a kiosk sign-up, a user), never an address or a working link; the worker resolves
 * them when it runs, so a used or revoked link, or an erased contact, gets nothing; finished jobs
 * leave Redis at once; the outbox forgets old messages and an erased person's.
 *
 * Some tests pause the mail queue to catch a job before the worker takes it: they all live in this
 * file (its tests run one after another), and each resumes the queue whatever happens.
 */
import { randomUUID } from "node:crypto";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { redis } from "~/lib/redis.server";
import { requestPasswordReset } from "~/modules/auth/password-reset.server";
import { issueTokenRecord, tokenLink, tokenSecret } from "~/modules/auth/tokens.server";
import { eraseContact } from "~/modules/contacts/arco.server";
import { createEvent } from "~/modules/events/event.server";
import { eventFormSchema } from "~/modules/events/schema";
import { utcToZoned } from "~/lib/time";
import { sendTransactionalMail } from "~/modules/mail/mail.server";
import { OUTBOX_RETENTION_MS, purgeOutbox } from "~/modules/mail/outbox.server";
import type { TransactionalMail } from "~/modules/mail/types";
import { inviteUser, resendInvitation } from "~/modules/users/invitations.server";
import { currentPrivacyNotice, publishPrivacyNotice } from "~/modules/settings/settings.server";
import { closeQueues, getQueue, QUEUES } from "../../jobs/queues";
import { withoutAddress } from "../../jobs/mail/send-mail.job";
import { createUser, fakeRequest, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";
import { linkFrom, mailCount, waitForMail } from "../support/outbox";
import { TEST_ENV } from "../support/test-env";

const HOUR = 3_600_000;
const mailQueue = () => getQueue(QUEUES.mail);

let coordinator: { id: string };

beforeAll(async () => {
  coordinator = await createUser({ role: "COORDINATOR" });
  if (!(await currentPrivacyNotice())) await publishPrivacyNotice({ userId: null }, "Aviso de privacidad de prueba: tus datos solo sirven para enviarte información del voto.");
});

afterAll(async () => {
  await mailQueue().resume();
  await closeQueues();
});

/** Runs `work` with the worker held off the mail queue (jobs wait in Redis meanwhile). */
async function withQueuePaused(work: () => Promise<void>) {
  await mailQueue().pause();
  try {
    await work();
  } finally {
    await mailQueue().resume();
  }
}

async function waitingMailJobs(): Promise<Job<TransactionalMail>[]> {
  return (await mailQueue().getJobs(["wait", "delayed", "prioritized"])) as Job<TransactionalMail>[];
}

/** Waits until the worker has finished the job and it has left Redis. */
async function waitUntilGone(jobId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let state = await mailQueue().getJobState(jobId);
  while (state !== "unknown" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 150));
    state = await mailQueue().getJobState(jobId);
  }
  return state;
}

/** Every key under this run's Redis prefix whose name or value contains `needle` (any type). */
async function redisValuesContaining(needle: string): Promise<string[]> {
  const client = redis();
  const found: string[] = [];
  const lower = needle.toLowerCase();
  let cursor = "0";
  do {
    const [next, keys] = await client.scan(cursor, "MATCH", `${TEST_ENV.REDIS_PREFIX}:*`, "COUNT", 1000);
    cursor = next;
    const types = (await keys.reduce((p, key) => p.type(key), client.pipeline()).exec()) ?? [];
    const reads = client.pipeline();
    keys.forEach((key, i) => {
      const type = types[i]?.[1];
      if (type === "string") reads.get(key);
      else if (type === "hash") reads.hgetall(key);
      else if (type === "list") reads.lrange(key, 0, -1);
      else if (type === "set") reads.smembers(key);
      else if (type === "zset") reads.zrange(key, "0", "-1");
      else if (type === "stream") reads.xrange(key, "-", "+");
      else reads.exists(key);
    });
    const values = (await reads.exec()) ?? [];
    keys.forEach((key, i) => {
      if (`${key} ${JSON.stringify(values[i]?.[1] ?? null)}`.toLowerCase().includes(lower)) found.push(key);
    });
  } while (cursor !== "0");
  return found;
}

describe("mail jobs name records, not addresses", () => {
  it("sends a token's mail with the link derived when the worker runs, then drops the finished job", async () => {
    const user = await createUser({ locale: "en", name: "Pat Reset" });
    const { id, token } = await issueTokenRecord(user.id, "PASSWORD_RESET");
    expect(token).toBe(tokenSecret(id));
    const jobId = await sendTransactionalMail({ template: "passwordReset", to: { token: id }, locale: "en", data: {} });
    const message = await waitForMail(user.email);
    expect(message.subject).toBe("Reset your Alcance password");
    expect(message.text).toContain("Pat Reset");
    expect(message.text).toContain(tokenLink("PASSWORD_RESET", token));
    expect(message.html).toContain("Choose a new password");
    // A finished mail job does not stay in Redis for days.
    expect(await waitUntilGone(jobId!)).toBe("unknown");
  });

  it("keeps no address or link of a password reset in Redis, and sends nothing once the link is used", async () => {
    const user = await createUser({ locale: "en" });
    await withQueuePaused(async () => {
      const answer = await requestPasswordReset(user.email, fakeRequest("/forgot-password"));
      await answer.done;
      const row = await db.oneTimeToken.findFirstOrThrow({ where: { userId: user.id, kind: "PASSWORD_RESET" } });
      const job = (await waitingMailJobs()).find((j) => "token" in j.data.to && j.data.to.token === row.id);
      expect(job).toBeDefined();
      expect(await redisValuesContaining(user.email)).toEqual([]);
      expect(await redisValuesContaining(tokenSecret(row.id))).toEqual([]);
      // The person used the link another way (or a newer one replaced it) before the job ran.
      await db.oneTimeToken.update({ where: { id: row.id }, data: { usedAt: new Date() } });
      await mailQueue().resume();
      expect(await waitUntilGone(job!.id!)).toBe("unknown");
    });
    expect(await mailCount(user.email)).toBe(0);
  });

  it("sends only the newest invitation link when one was resent before the first went out", async () => {
    const admin = await createUser({ role: "ADMIN", name: `Ana Admin ${randomUUID().slice(0, 8)}` });
    const email = uniqueEmail("invitada");
    const name = `Irene Invitada ${randomUUID().slice(0, 8)}`;
    let jobIds: string[] = [];
    await withQueuePaused(async () => {
      const { user } = await inviteUser({ userId: admin.id, ip: "127.0.0.1", name: admin.name }, { name, email, role: "JUROR", locale: "es" });
      await resendInvitation({ userId: admin.id, ip: "127.0.0.1", name: admin.name }, user.id);
      const tokenIds = new Set((await db.oneTimeToken.findMany({ where: { userId: user.id } })).map((t) => t.id));
      expect(tokenIds.size).toBe(1);
      const jobs = (await waitingMailJobs()).filter((j) => j.data.template === "invite" && j.data.data.inviter === admin.name && "token" in j.data.to);
      jobIds = jobs.map((j) => j.id!);
      expect(jobIds).toHaveLength(2);
      expect(await redisValuesContaining(email)).toEqual([]);
      expect(await redisValuesContaining(name)).toEqual([]);
    });
    for (const id of jobIds) expect(await waitUntilGone(id)).toBe("unknown");
    const mail = await waitForMail(email, { subject: /invitaron/i });
    expect(mail.text).toContain(name);
    expect(mail.text).toContain("Jurado");
    expect(linkFrom(mail.text, "/invite/")).toContain("/invite/");
    expect(await mailCount(email)).toBe(1);
  });

  it("takes the address out of a failed job's error", () => {
    const error = new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <Rosa.Luna+smtp550@alcance.test>: Recipient address rejected");
    const clean = withoutAddress(error, "rosa.luna+smtp550@alcance.test");
    expect(clean.message).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <[destinatario]>: Recipient address rejected");
    expect(clean.stack?.toLowerCase()).not.toContain("rosa.luna");
  });
});

describe("erasure reaches the mail queue", () => {
  const ZONE = "America/Chicago";
  const local = (offsetMs: number) => utcToZoned(new Date(Date.now() + offsetMs), ZONE);

  async function kioskEvent() {
    const event = await createEvent(
      { userId: coordinator.id, ip: "127.0.0.1" },
      eventFormSchema.parse({
        name: `Feria consular ${randomUUID().slice(0, 8)}`,
        kind: "COMMUNITY_FESTIVAL",
        status: "CONFIRMED",
        timeZone: ZONE,
        startsLocal: local(-2 * HOUR),
        endsLocal: local(2 * HOUR),
        country: "US",
        state: "Texas",
        city: "Dallas",
        kioskEnabled: "on",
        signupOpensLocal: local(-HOUR),
        signupClosesLocal: local(HOUR),
      }),
    );
    return { ...event, path: `/k/${event.signupSlug}` };
  }

  async function signUp(path: string, email: string) {
    const client = new TestClient();
    const version = (await currentPrivacyNotice())!.version;
    const form = { lang: "es", noticeVersion: String(version), givenName: "Rosa", familyName: "Luna", email, country: "US", state: "Texas", language: "es", consent: "on", website: "" };
    const res = await client.post(path, form, { headers: { origin: new URL(client.baseUrl).origin } });
    expect(res.status).toBe(302);
  }

  it("a confirmation queued before the contact is erased leaves nothing in Redis and is never sent", async () => {
    const [first, second] = [await kioskEvent(), await kioskEvent()];
    const email = uniqueEmail("borrada");
    await signUp(first.path, email);
    await waitForMail(email);

    let jobId = "";
    await withQueuePaused(async () => {
      await signUp(second.path, email);
      const contact = await db.contact.findUniqueOrThrow({ where: { email }, include: { eventSignups: true } });
      const signup = contact.eventSignups.find((s) => s.eventId === second.id)!;
      const job = (await waitingMailJobs()).find((j) => "signup" in j.data.to && j.data.to.signup === signup.id);
      expect(job).toBeDefined();
      jobId = job!.id!;
      expect(JSON.stringify(job!.data)).not.toContain("Rosa");
      expect(await redisValuesContaining(email)).toEqual([]);

      await eraseContact({ userId: coordinator.id, ip: "127.0.0.1" }, contact.id);
      expect(await redisValuesContaining(email)).toEqual([]);
      // The development outbox forgets the messages it had for the person, too.
      expect(await mailCount(email)).toBe(0);
    });

    expect(await waitUntilGone(jobId)).toBe("unknown");
    expect(await mailCount(email)).toBe(0);
    expect(await redisValuesContaining(email)).toEqual([]);
  });
});

describe("the development outbox", () => {
  it("forgets messages once any link in them has expired", async () => {
    const to = uniqueEmail("buzon");
    const now = Date.now();
    const base = { from: "no-responder@alcance.test", to: [to], subject: "Restablece tu contraseña", text: "https://x.test/reset-password/abc", raw: "…" };
    await db.outboxMessage.create({ data: { ...base, receivedAt: new Date(now - OUTBOX_RETENTION_MS - 60_000) } });
    await db.outboxMessage.create({ data: { ...base, receivedAt: new Date(now - OUTBOX_RETENTION_MS + 60_000) } });
    expect(await purgeOutbox(new Date(now))).toBeGreaterThanOrEqual(1);
    const left = await db.outboxMessage.findMany({ where: { to: { has: to } } });
    expect(left).toHaveLength(1);
    expect(left[0]!.receivedAt.getTime()).toBe(now - OUTBOX_RETENTION_MS + 60_000);
  });
});
