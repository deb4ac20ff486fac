/**
 * The bounce mailbox (decision 034): bounces and complaints that arrive as mail, read over IMAP by
 * the worker every N minutes and fed to the same ingestBounce() as files and webhooks.
 *
 * A message that yields a report about one of our contacts is moved to the processed folder. Any
 * other message (no report in it, a report about nobody we know, too large) stays where it is,
 * never deleted: it is only marked so the next run does not read it again, and counted. Unlike
 * listmonk's scanner (knadh/listmonk#1334), nothing a person may need to look at disappears.
 */
import { createHash } from "node:crypto";
import { ImapFlow } from "imapflow";
import type { Prisma } from "~/generated/prisma/client";
import { decrypt, encrypt, randomToken } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { logger } from "~/lib/logger.server";
import { bounceMailboxMessages } from "~/lib/metrics.server";
import { scheduleBounceMailbox } from "~/lib/queue.server";
import { redis, redisKey } from "~/lib/redis.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { ingestBounce, parseBounceMessage } from "./bounces.server";
import { MAILBOX_MAX_PASSWORD, type MailboxFailure, type MailboxInput, type MailboxRunCounts } from "./mailbox";

const log = logger.child({ area: "bounce-mailbox" });

/** Messages fetched per round trip, and at most per run (the next run takes the rest). */
export const MAILBOX_BATCH = 25;
export const MAILBOX_MAX_PER_RUN = 500;
/** A report is a few KB; a message this large is something else (it is left alone, counted). */
export const MAILBOX_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
/** The keyword a message we could not attribute gets (or \Flagged where keywords are refused). */
export const UNATTRIBUTED_KEYWORD = "$AlcanceUnattributed";
const TIMEOUT_MS = 15_000;
const ACTOR: AuditActor = { userId: null, ip: "bounce-mailbox" };

export type MailboxErrorCode = "passwordRequired" | "password" | "notConfigured";
export class MailboxError extends DomainError<MailboxErrorCode> {
  constructor(code: MailboxErrorCode, field = "_form") {
    super({ code, messageKey: `admin.settings.mailbox.errors.${code}`, field, status: code === "password" ? 400 : undefined });
  }
}

/** What connecting needs; the password in clear, only in memory. */
export type MailboxConnection = { host: string; port: number; tls: boolean; username: string; password: string; folder: string; processedFolder: string };

/** Where a connection stopped, and the server's or the socket's words (never the password). */
export class MailboxConnectError extends Error {
  constructor(
    readonly failure: MailboxFailure,
    readonly detail: string | null,
  ) {
    super(`mailbox ${failure}${detail ? `: ${detail}` : ""}`);
  }
}

// ── Settings ────────────────────────────────────────────────────────────────────────────────────

/** What the settings page shows: everything but the password (only whether one is saved and readable). */
export async function mailboxOverview() {
  const row = await db.bounceMailbox.findUnique({ where: { id: 1 } });
  if (!row) return null;
  let passwordReadable = true;
  try {
    decrypt(row.passwordEncrypted);
  } catch {
    passwordReadable = false;
  }
  const { passwordEncrypted: _secret, updatedById: _by, ...shown } = row;
  return { ...shown, lastRunCounts: (row.lastRunCounts ?? null) as MailboxRunCounts | null, passwordReadable };
}

/** Saves the settings; an empty password keeps the saved one. Reschedules the poller either way. */
export async function saveMailbox(actor: AuditActor, input: MailboxInput, password: string | null): Promise<void> {
  const pasted = password && password.length > 0 ? password : null;
  if (pasted && pasted.length > MAILBOX_MAX_PASSWORD) throw new MailboxError("password", "password");
  const current = await db.bounceMailbox.findUnique({ where: { id: 1 }, select: { passwordEncrypted: true } });
  if (!pasted && !current) throw new MailboxError("passwordRequired", "password");
  const passwordEncrypted = pasted ? encrypt(pasted) : current!.passwordEncrypted;
  const data = { ...input, updatedById: actor.userId, passwordEncrypted };
  await db.$transaction(async (tx) => {
    await tx.bounceMailbox.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    // What was set, never the password: only that it changed.
    await audit(actor, { action: "bounceMailbox.update", entity: "bounceMailbox", entityId: "1", after: { ...input, passwordChanged: pasted !== null } }, tx);
  });
  await scheduleBounceMailbox(input.enabled ? input.intervalMinutes * 60_000 : null);
}

/** Forgets the mailbox (the poller stops). The messages in it are not touched. */
export async function removeMailbox(actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.bounceMailbox.deleteMany({ where: { id: 1 } });
    if (count) await audit(actor, { action: "bounceMailbox.remove", entity: "bounceMailbox", entityId: "1" }, tx);
  });
  await scheduleBounceMailbox(null);
}

/** The poller's schedule as the saved settings say (the worker calls it when it starts). */
export async function syncMailboxSchedule(): Promise<void> {
  const row = await db.bounceMailbox.findUnique({ where: { id: 1 }, select: { enabled: true, intervalMinutes: true } });
  await scheduleBounceMailbox(row?.enabled ? row.intervalMinutes * 60_000 : null);
}

/** The connection of the form as posted: the posted password, else the saved one. */
async function connectionOf(input: MailboxInput, password: string | null): Promise<MailboxConnection> {
  if (password) return { ...input, password };
  const row = await db.bounceMailbox.findUnique({ where: { id: 1 }, select: { passwordEncrypted: true } });
  if (!row) throw new MailboxError("passwordRequired", "password");
  try {
    return { ...input, password: decrypt(row.passwordEncrypted) };
  } catch {
    // APP_KEY changed since it was saved.
    throw new MailboxError("password", "password");
  }
}

async function savedConnection(): Promise<(MailboxConnection & { enabled: boolean }) | null> {
  const row = await db.bounceMailbox.findUnique({ where: { id: 1 } });
  if (!row) return null;
  let password: string;
  try {
    password = decrypt(row.passwordEncrypted);
  } catch {
    throw new MailboxConnectError("password", null);
  }
  return { host: row.host, port: row.port, tls: row.tls, username: row.username, password, folder: row.folder, processedFolder: row.processedFolder, enabled: row.enabled };
}

// ── IMAP ────────────────────────────────────────────────────────────────────────────────────────

/** A short, address-free reason for the page (the server's words or the socket's code). */
function detailOf(error: unknown, username: string): string | null {
  const e = error as { responseText?: unknown; code?: unknown; message?: unknown };
  const text = typeof e.responseText === "string" ? e.responseText : typeof e.code === "string" ? e.code : typeof e.message === "string" ? e.message : null;
  return text ? text.split(username).join("…").slice(0, 200) : null;
}

function failureOfConnect(error: unknown): MailboxFailure {
  const e = error as { authenticationFailed?: unknown; code?: unknown; message?: unknown };
  if (e.authenticationFailed) return "login";
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  if (code.startsWith("ERR_SSL") || /certificate|SSL|TLS/i.test(code) || /SSL routines|certificate/i.test(message)) return "tls";
  return "connect";
}

async function connect(config: MailboxConnection): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.tls,
    auth: { user: config.username, pass: config.password },
    // imapflow's own log names the account and the messages: ours says what matters without them.
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
    disableAutoIdle: true,
  });
  // A dropped connection is reported by the command that was waiting; this only keeps the process alive.
  client.on("error", (error: unknown) => log.warn({ err: error }, "mailbox connection error"));
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw new MailboxConnectError(failureOfConnect(error), detailOf(error, config.username));
  }
  return client;
}

async function disconnect(client: ImapFlow): Promise<void> {
  await client.logout().catch(() => client.close());
}

/** The folder path with the server's separator ("Alcance/Procesados" → "Alcance.Procesados" on some servers). */
function serverPath(client: ImapFlow, folder: string): string {
  const delimiter = client.namespace?.delimiter || "/";
  return folder.split("/").map((level) => level.trim()).join(delimiter);
}

/** The processed folder, created (with its parents) when missing. */
async function ensureFolder(client: ImapFlow, folder: string, username: string): Promise<string> {
  const path = serverPath(client, folder);
  const exists = async () => (await client.list()).some((box) => box.path.toLowerCase() === path.toLowerCase());
  if (await exists()) return path;
  try {
    await client.mailboxCreate(path);
  } catch (error) {
    // Another run created it in between, or the server refuses: only the second is a failure.
    if (!(await exists())) throw new MailboxConnectError("processedFolder", detailOf(error, username));
  }
  return path;
}

async function openFolder(client: ImapFlow, config: MailboxConnection) {
  try {
    return await client.getMailboxLock(serverPath(client, config.folder));
  } catch (error) {
    throw new MailboxConnectError("folder", detailOf(error, config.username));
  }
}

export type MailboxTestResult = { ok: true; messages: number } | { ok: false; failure: MailboxFailure; detail: string | null };

/**
 * The «Probar conexión» button: connect, log in, open the folder, make sure the processed folder
 * exists (creating it, as a run would). Says which step failed; reads and moves nothing.
 */
export async function testMailbox(input: MailboxInput, password: string | null): Promise<MailboxTestResult> {
  const config = await connectionOf(input, password);
  let client: ImapFlow | null = null;
  try {
    client = await connect(config);
    await ensureFolder(client, config.processedFolder, config.username);
    const lock = await openFolder(client, config);
    try {
      return { ok: true, messages: client.mailbox ? client.mailbox.exists : 0 };
    } finally {
      lock.release();
    }
  } catch (error) {
    if (error instanceof MailboxConnectError) return { ok: false, failure: error.failure, detail: error.detail };
    return { ok: false, failure: "connect", detail: detailOf(error, config.username) };
  } finally {
    if (client) await disconnect(client);
  }
}

// ── Polling ─────────────────────────────────────────────────────────────────────────────────────

/** The event id of a message: its Message-ID, else a hash of the message (a re-read is a no-op either way). */
export function mailboxEventId(messageId: string | null | undefined, raw: string): string {
  const id = messageId?.trim();
  return id ? id.slice(0, 200) : `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

type Verdict = "ingested" | "duplicate" | "unattributed";

/** Reads one message; "ingested" and "duplicate" mean it is about one of our contacts. */
async function ingestMessage(raw: string, eventId: string): Promise<Verdict> {
  const reports = parseBounceMessage(raw);
  if (reports.length === 0) return "unattributed";
  const outcomes = await ingestBounce(ACTOR, raw, { source: "imap", eventId });
  if (outcomes.some((o) => o.action !== "duplicate" && o.contactId !== null)) return "ingested";
  if (outcomes.every((o) => o.action !== "duplicate")) return "unattributed";
  // Read before (a move that failed, or the same report twice): attributed if it was then.
  const ids = reports.map((_, index) => `${eventId}#${index}`);
  const known = await db.bounceReport.count({ where: { source: "imap", eventId: { in: ids }, contactId: { not: null } } });
  return known > 0 ? "duplicate" : "unattributed";
}

/** One pass over the mailbox: at most MAILBOX_MAX_PER_RUN messages, MAILBOX_BATCH at a time. */
export async function pollMailbox(config: MailboxConnection): Promise<MailboxRunCounts> {
  const counts: MailboxRunCounts = { polled: 0, ingested: 0, duplicate: 0, unattributed: 0, tooLarge: 0 };
  const client = await connect(config);
  try {
    const processed = await ensureFolder(client, config.processedFolder, config.username);
    const lock = await openFolder(client, config);
    try {
      const keywords = client.mailbox && client.mailbox.permanentFlags?.has("\\*");
      const marker = keywords ? UNATTRIBUTED_KEYWORD : "\\Flagged";
      const found = (await client.search(keywords ? { unKeyword: UNATTRIBUTED_KEYWORD } : { flagged: false }, { uid: true })) || [];
      const uids = [...found].sort((a, b) => a - b).slice(0, MAILBOX_MAX_PER_RUN);
      for (let start = 0; start < uids.length; start += MAILBOX_BATCH) {
        const batch = uids.slice(start, start + MAILBOX_BATCH);
        const sizes = await client.fetchAll(batch.join(","), { uid: true, size: true }, { uid: true });
        const small = sizes.filter((m) => (m.size ?? 0) <= MAILBOX_MAX_MESSAGE_BYTES).map((m) => m.uid);
        const leave = sizes.filter((m) => (m.size ?? 0) > MAILBOX_MAX_MESSAGE_BYTES).map((m) => m.uid);
        counts.polled += sizes.length;
        counts.tooLarge += leave.length;
        const move: number[] = [];
        // Fetched whole before any other command: imapflow cannot interleave commands with a running fetch.
        const messages = small.length ? await client.fetchAll(small.join(","), { uid: true, source: true, envelope: true }, { uid: true }) : [];
        for (const message of messages) {
          const raw = message.source?.toString("utf8") ?? "";
          const verdict = await ingestMessage(raw, mailboxEventId(message.envelope?.messageId, raw));
          counts[verdict] += 1;
          (verdict === "unattributed" ? leave : move).push(message.uid);
        }
        if (leave.length) await client.messageFlagsAdd(leave.join(","), [marker], { uid: true });
        if (move.length) await client.messageMove(move.join(","), processed, { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await disconnect(client);
  }
  return counts;
}

/** A run of the scheduled job: one at a time across every worker (a Redis lock), skipped when disabled. */
export async function runMailboxPoll(): Promise<{ skipped: "disabled" | "busy" } | MailboxRunCounts> {
  const key = redisKey("bounce-mailbox", "lock");
  const token = randomToken(12);
  // Longer than any run should take; a crashed worker's lock expires on its own.
  if ((await redis().set(key, token, "PX", 15 * 60_000, "NX")) !== "OK") return { skipped: "busy" };
  try {
    let config: Awaited<ReturnType<typeof savedConnection>>;
    try {
      config = await savedConnection();
    } catch (error) {
      await recordRun(null, error);
      throw error;
    }
    if (!config?.enabled) return { skipped: "disabled" };
    try {
      const counts = await pollMailbox(config);
      for (const outcome of ["ingested", "duplicate", "unattributed", "tooLarge"] as const) if (counts[outcome]) bounceMailboxMessages.inc({ outcome }, counts[outcome]);
      await recordRun(counts, null);
      log.info({ ...counts }, "bounce mailbox polled");
      return counts;
    } catch (error) {
      await recordRun(null, error);
      log.warn({ failure: error instanceof MailboxConnectError ? error.failure : "other", err: error }, "bounce mailbox poll failed");
      throw error;
    }
  } finally {
    // Only our own lock: a run that outlived it must not free the next run's.
    const held = await redis().get(key);
    if (held === token) await redis().del(key);
  }
}

async function recordRun(counts: MailboxRunCounts | null, error: unknown): Promise<void> {
  const lastRunError = error ? (error instanceof MailboxConnectError ? error.failure : "other") : null;
  await db.bounceMailbox.updateMany({
    where: { id: 1 },
    data: { lastRunAt: new Date(), lastRunCounts: (counts ?? undefined) as Prisma.InputJsonValue | undefined, lastRunError },
  });
}
