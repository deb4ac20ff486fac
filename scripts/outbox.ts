/**
 * The development mail outbox: an SMTP server on loopback that stores every message it receives
 * in PostgreSQL (seen at /admin/outbox). Nothing leaves the machine.
 */
import "dotenv/config";
import { startOutboxSmtpServer } from "../app/modules/mail/outbox-smtp.server.ts";

const url = new URL(process.env.SMTP_URL || "smtp://127.0.0.1:2525");
const server = await startOutboxSmtpServer(Number(url.port || 2525), "127.0.0.1");
console.error(`[outbox] SMTP server on 127.0.0.1:${server.port}; messages appear at /admin/outbox`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
