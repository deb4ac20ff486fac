/**
 * The bulk transport: a pooled nodemailer SMTP transport (pool size = BULLETIN_CONCURRENCY) when
 * SMTP_URL is set, otherwise the development outbox. Separate from the transactional driver so a
 * big send never queues behind, or in front of, a password reset. Every message is DKIM-signed
 * when a key is set (withDkim, decision 033).
 */
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { env } from "~/lib/env.server";
import { storeRawMessage, withDkim } from "~/modules/mail/index.server";
import { bulletinConfig } from "./config.server";

export type BulkTransport = { kind: "smtp" | "outbox"; poolSize: number; send(message: SendMailOptions): Promise<void>; close(): void };

/** Pooled SMTP options for a URL; the benchmark's raw baseline uses the same. */
export function smtpPoolOptions(url: string, poolSize: number) {
  const parsed = new URL(url);
  return {
    pool: true as const,
    maxConnections: poolSize,
    maxMessages: Infinity,
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === "smtps:" ? 465 : 587)),
    secure: parsed.protocol === "smtps:",
    auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
    tls: { rejectUnauthorized: !["127.0.0.1", "localhost", "::1"].includes(parsed.hostname) },
  };
}

let transport: BulkTransport | undefined;

export function bulkTransport(): BulkTransport {
  if (transport) return transport;
  const poolSize = bulletinConfig().BULLETIN_CONCURRENCY;
  const url = env().SMTP_URL;
  if (url) {
    const smtp: Transporter = nodemailer.createTransport(smtpPoolOptions(url, poolSize));
    transport = {
      kind: "smtp",
      poolSize,
      send: async (message) => {
        await smtp.sendMail(await withDkim(message));
      },
      close: () => smtp.close(),
    };
  } else {
    const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    transport = {
      kind: "outbox",
      poolSize,
      send: async (message) => {
        const info = await builder.sendMail(await withDkim(message));
        await storeRawMessage(info.message as Buffer, { from: String(message.from && typeof message.from === "object" && "address" in message.from ? message.from.address : message.from), to: [String(message.to).toLowerCase()] });
      },
      close: () => undefined,
    };
  }
  return transport;
}

export function closeBulkTransport(): void {
  transport?.close();
  transport = undefined;
}
