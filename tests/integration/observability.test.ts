/**
 * /metrics with a token, and the logs of a realistic run (decision 035): a web server and a worker
 * of this file's own (as the test harness starts them, with METRICS_TOKEN and a Redis prefix of
 * their own) serve a login, a password reset and a bulletin send; then their whole log is searched
 * for the passwords, the reset token, the session cookie and every e-mail address involved.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createBulletin } from "~/modules/bulletins/bulletins.server";
import { bulletinInputSchema } from "~/modules/bulletins/schema";
import { audience, waitFor, waitForStatus } from "../support/bulletins";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { freePort } from "../support/net";
import { linkFrom, waitForMail } from "../support/outbox";
import { TEST_ENV } from "../support/test-env";

const TOKEN = "metrics-token-for-tests-0123456789";
const NEW_PASSWORD = "otra-frase-de-paso-muy-larga-2026";
let baseUrl = "";
let log = "";
const children: ChildProcess[] = [];

function start(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (c: Buffer) => (log += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (log += c.toString()));
  children.push(child);
  return child;
}

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://localhost:${port}`;
  const env = { ...TEST_ENV, PORT: String(port), APP_URL: baseUrl, SMTP_URL: process.env.SMTP_URL!, METRICS_TOKEN: TOKEN, REDIS_PREFIX: `${TEST_ENV.REDIS_PREFIX}-obs` };
  start("server/index.ts", env);
  start("jobs/worker.ts", env);
  await waitFor(async () => (await fetch(`${baseUrl}/healthz`).catch(() => null))?.status === 200, { timeoutMs: 60_000, what: "the web server" });
  await waitFor(async () => /ready: mail/.test(log), { timeoutMs: 30_000, what: "the worker" });
}, 90_000);

afterAll(async () => {
  // Kept for reading when a check fails.
  writeFileSync("test-results/observability.log", log);
  await Promise.all(children.map((c) => new Promise<void>((resolve) => (c.exitCode !== null ? resolve() : (c.once("exit", () => resolve()), c.kill("SIGTERM"))))));
});

const origin = () => ({ origin: baseUrl });
type Jar = { cookie: string };
async function send(path: string, jar: Jar, form?: Record<string, string>) {
  const res = await fetch(`${baseUrl}${path}`, {
    method: form ? "POST" : "GET",
    headers: { ...origin(), cookie: jar.cookie, ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
    redirect: "manual",
  });
  for (const line of res.headers.getSetCookie()) if (line.startsWith("alcance_session=")) jar.cookie = line.split(";")[0]!;
  return res;
}

describe("/metrics with METRICS_TOKEN", () => {
  it("refuses a missing or wrong token and serves the metrics with the right one", async () => {
    expect((await fetch(`${baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${baseUrl}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    await fetch(`${baseUrl}/login`);
    const res = await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/alcance_http_request_duration_seconds_count\{route="routes\/login",method="GET",status="200"\} \d+/);
    expect(text).toMatch(/alcance_queue_jobs\{queue="bulletins",state="waiting"\} \d+/);
    expect(text).toMatch(/alcance_web_db_pool_connections\{state="max"\} \d+/);
    // The worker's figures arrive through Redis.
    await waitFor(async () => /alcance_worker_db_pool_connections/.test(await (await fetch(`${baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text()), { what: "the worker's metrics" });
  });
});

describe("logs of a realistic run", () => {
  it("name each request by route id and request id, and no address, password, token or cookie", async () => {
    const user = await createUser({ role: "COMMUNICATIONS", name: "Rosa Registro" });
    const jar = { cookie: "" };
    expect((await send("/login", jar, { email: user.email, password: TEST_PASSWORD })).status).toBe(302);
    const sessionCookie = jar.cookie;
    expect(sessionCookie).toMatch(/^alcance_session=/);

    // A password reset: the request's id reaches the mail job's log line.
    const before = new Date(Date.now() - 1000);
    const forgot = await send("/forgot-password", { cookie: "" }, { email: user.email });
    expect(forgot.status).toBeLessThan(400);
    const requestId = forgot.headers.get("x-request-id")!;
    const mail = await waitForMail(user.email, { subject: /contraseña/i, after: before, timeoutMs: 30_000 });
    const link = new URL(linkFrom(mail.text, "/reset-password/"));
    const token = decodeURIComponent(link.pathname.split("/").pop()!);
    expect((await send(link.pathname, { cookie: "" }, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBeLessThan(400);
    // The reset ended the first session: sign in again with the new password.
    expect((await send("/login", jar, { email: user.email, password: NEW_PASSWORD })).status).toBe(302);
    expect(jar.cookie).not.toBe(sessionCookie);

    // A bulletin send, confirmed as a person does it.
    const a = await audience(3, "obs");
    const input = bulletinInputSchema.parse({ name: `Registro ${a.tag}`, subject: `Aviso ${a.tag}`, bodyMarkdown: "Hola {{nombre}}.", segmentId: a.segmentId });
    const bulletin = await createBulletin({ userId: null, ip: "test" }, input);
    const ask = await (await send(`/bulletins/${bulletin.id}`, jar, { intent: "confirm-send" })).text();
    const recipients = /name="confirmedRecipients" value="(\d+)"/.exec(ask)![1]!;
    const version = /name="confirmedVersion" value="(\d+)"/.exec(ask)![1]!;
    expect((await send(`/bulletins/${bulletin.id}`, jar, { intent: "send", confirmedRecipients: recipients, confirmedVersion: version })).status).toBeLessThan(400);
    await waitForStatus(bulletin.id, "SENT", 60_000);

    const lines = log.split("\n").filter((l) => l.startsWith("{"));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    // The reset request's id is on its web line and on the worker's line for the mail job it queued.
    const withId = lines.map((l) => JSON.parse(l) as { requestId?: string; process?: string; route?: string; queue?: string; msg?: string }).filter((l) => l.requestId === requestId);
    expect(withId.map((l) => `${l.process} ${l.route}`)).toContain("web routes/forgot-password");
    expect(withId.map((l) => `${l.process} ${l.queue} ${l.msg}`)).toContain("worker mail job completed");

    const secrets = [TEST_PASSWORD, NEW_PASSWORD, token, encodeURIComponent(token), sessionCookie.split("=")[1]!, jar.cookie.split("=")[1]!, user.email, ...a.emails];
    for (const secret of secrets) expect(log.includes(secret), `the log contains ${secret.slice(0, 6)}…`).toBe(false);
    expect(log).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z]{2,}/);
    expect(await db.bulletinDelivery.count({ where: { bulletinId: bulletin.id, status: "SENT" } })).toBe(3);
  });
});
