import { db } from "~/lib/db.server";

/** Waits for a message to arrive in the outbox (the worker sends asynchronously). */
export async function waitForMail(to: string, opts: { subject?: RegExp; timeoutMs?: number; after?: Date } = {}) {
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    const messages = await db.outboxMessage.findMany({
      where: { to: { has: to.toLowerCase() }, ...(opts.after ? { receivedAt: { gte: opts.after } } : {}) },
      orderBy: { id: "desc" },
    });
    const match = messages.find((m) => !opts.subject || opts.subject.test(m.subject));
    if (match) return match;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`No mail to ${to} within the timeout`);
}

export async function mailCount(to: string): Promise<number> {
  return db.outboxMessage.count({ where: { to: { has: to.toLowerCase() } } });
}

export function linkFrom(text: string | null, pathPrefix: string): string {
  const match = text?.match(new RegExp(`https?://[^\\s"<>]*${pathPrefix}[^\\s"<>]*`));
  if (!match) throw new Error(`No ${pathPrefix} link in the message`);
  return match[0];
}
