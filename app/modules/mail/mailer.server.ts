import nodemailer, { type Transporter } from "nodemailer";
import { env } from "~/lib/env.server";
import { withDkim } from "./dkim.server";
import { storeRawMessage } from "./outbox.server";

export type OutgoingMessage = {
  from: { name: string; address: string };
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  headers?: Record<string, string>;
};

/** The mail driver: SMTP (pooled) when SMTP_URL is set, otherwise the development outbox. */
export interface MailDriver {
  readonly kind: "smtp" | "outbox";
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

class SmtpDriver implements MailDriver {
  readonly kind = "smtp";
  private transporter: Transporter;
  constructor(url: string) {
    const parsed = new URL(url);
    this.transporter = nodemailer.createTransport({
      pool: true,
      maxConnections: 5,
      host: parsed.hostname,
      port: Number(parsed.port || (parsed.protocol === "smtps:" ? 465 : 587)),
      secure: parsed.protocol === "smtps:",
      auth: parsed.username ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } : undefined,
      // Loopback development servers have no certificate; real relays are verified.
      tls: { rejectUnauthorized: !["127.0.0.1", "localhost", "::1"].includes(parsed.hostname) },
    });
  }
  async send(message: OutgoingMessage) {
    const info = await this.transporter.sendMail(await withDkim(message));
    return { messageId: String(info.messageId) };
  }
  async close() {
    this.transporter.close();
  }
}

class OutboxDriver implements MailDriver {
  readonly kind = "outbox";
  private builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  async send(message: OutgoingMessage) {
    const info = await this.builder.sendMail(await withDkim(message));
    const raw = info.message as Buffer;
    await storeRawMessage(raw, { from: message.from.address, to: [message.to.toLowerCase()] });
    return { messageId: String(info.messageId) };
  }
  async close() {}
}

let driver: MailDriver | undefined;

export function mailDriver(): MailDriver {
  driver ??= env().SMTP_URL ? new SmtpDriver(env().SMTP_URL!) : new OutboxDriver();
  return driver;
}

export async function closeMailDriver(): Promise<void> {
  await driver?.close();
  driver = undefined;
}
