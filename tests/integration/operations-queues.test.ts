/**
 * /admin/queues (decision 035) against the real worker and Redis: only ADMIN sees it; it counts a
 * queue's failed jobs and shows their error; a failed job is retried alone, and «retry all» first
 * says how many it will move, refuses a stale count (409) and then retries them. And /metrics is
 * off (404) on a server started without METRICS_TOKEN, as the test server is.
 */
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { closeQueues, getQueue, QUEUES } from "~/lib/queue.server";
import { waitFor } from "../support/bulletins";
import { createSession } from "~/modules/auth/session.server";
import { createUser, fakeRequest } from "../support/factories";
import { TestClient } from "../support/http";

afterAll(async () => {
  await closeQueues();
});

const queue = () => getQueue(QUEUES.contactsImport);

/** A signed-in client; an ADMIN has two-factor on (required for the role) and a session made directly. */
async function signedIn(role: "ADMIN" | "COORDINATOR") {
  const user = await createUser({ role });
  const client = new TestClient();
  if (role === "COORDINATOR") {
    expect((await client.login(user.email)).status).toBe(302);
    return { client, user, cookie: undefined };
  }
  await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
  const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  return { client, user, cookie };
}

type Signed = Awaited<ReturnType<typeof signedIn>>;
const headersOf = (s: Signed) => ({ origin: new URL(s.client.baseUrl).origin, ...(s.cookie ? { cookie: s.cookie } : {}) });
// With a session made directly, a fresh client each time: a stored toast cookie would replace the cookie header.
const clientOf = (s: Signed) => (s.cookie ? new TestClient(s.client.ip) : s.client);
const get = (s: Signed, path: string) => clientOf(s).get(path, { headers: headersOf(s) });
const post = (s: Signed, form: Record<string, string>) => clientOf(s).post("/admin/queues", form, { headers: headersOf(s) });

/** A job the real worker fails at once: an import of a batch id that is not a string (Prisma refuses it). */
async function failingJob(): Promise<string> {
  const job = await queue().add("import", { batchId: 42 as unknown as string }, { attempts: 1, jobId: `ops-${crypto.randomUUID()}` });
  await waitFor(async () => (await queue().getJob(job.id!))?.isFailed(), { what: `job ${job.id} to fail` });
  return job.id!;
}

describe("/admin/queues", () => {
  it("is for ADMIN only", async () => {
    const coordinator = await signedIn("COORDINATOR");
    expect((await get(coordinator, "/admin/queues")).status).toBe(403);
    expect((await post(coordinator, { intent: "askRetryAll", queue: "mail" })).status).toBe(403);
    const anonymous = await new TestClient().get("/admin/queues");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });

  it("counts failed jobs with their error, retries one, and retries all after confirming how many", async () => {
    const first = await failingJob();
    const second = await failingJob();
    const admin = await signedIn("ADMIN");
    const user = admin.user;

    const page = await get(admin, "/admin/queues?queue=contacts-import");
    expect(page.status).toBe(200);
    const html = await page.text();
    const failed = await queue().getFailedCount();
    expect(failed).toBeGreaterThanOrEqual(2);
    // The summary row of the queue shows its failed count (the last number of the row).
    const row = new RegExp(`<tr[^>]*data-queue="contacts-import"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? "";
    expect(row).toContain(`>${failed}<`);
    expect(html).toContain(`data-job="${first}"`);
    expect(html).toContain(`data-job="${second}"`);
    const reason = (await queue().getJob(first))!.failedReason;
    expect(reason.length).toBeGreaterThan(0);
    expect(html).toContain(reason.slice(0, 20).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;"));

    // One job: back to the queue, run again by the worker (it fails again: a later finish).
    const before = (await queue().getJob(first))!.finishedOn!;
    const retried = await post(admin, { intent: "retry", queue: "contacts-import", jobId: first });
    expect(retried.status).toBe(302);
    await waitFor(async () => {
      const job = await queue().getJob(first);
      return job && (await job.isFailed()) && job.finishedOn! > before;
    }, { what: "the retried job to run again" });
    expect(await db.auditLog.count({ where: { actorId: user.id, action: "queue.retry", entityId: "contacts-import" } })).toBe(1);

    // Retry all: the first post changes nothing and states the count.
    const count = await queue().getFailedCount();
    const ask = await post(admin, { intent: "askRetryAll", queue: "contacts-import" });
    expect(ask.status).toBe(200);
    const askHtml = await ask.text();
    expect(askHtml).toContain(`trabajos fallidos de la cola «contacts-import» volverán a la cola`);
    expect(askHtml).toContain(`name="confirmedCount" value="${count}"`);
    expect(await queue().getFailedCount()).toBe(count);

    // A stale figure is asked again with the current one, and nothing moves.
    const stale = await post(admin, { intent: "retryAll", queue: "contacts-import", confirmedCount: String(count + 1) });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(`name="confirmedCount" value="${count}"`);
    expect(await queue().getFailedCount()).toBe(count);

    const secondBefore = (await queue().getJob(second))!.finishedOn!;
    const done = await post(admin, { intent: "retryAll", queue: "contacts-import", confirmedCount: String(count) });
    expect(done.status).toBe(302);
    const entry = await db.auditLog.findFirstOrThrow({ where: { actorId: user.id, action: "queue.retryAll" } });
    expect(entry.after).toEqual({ count });
    await waitFor(async () => {
      const job = await queue().getJob(second);
      return job && (await job.isFailed()) && job.finishedOn! > secondBefore;
    }, { what: "the second job to run again" });
  });
});

describe("/metrics without METRICS_TOKEN", () => {
  it("does not exist", async () => {
    const client = new TestClient();
    expect((await client.get("/metrics")).status).toBe(404);
    expect((await client.get("/metrics", { headers: { authorization: "Bearer anything-at-all-1234" } })).status).toBe(404);
  });
});
