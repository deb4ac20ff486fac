import { simpleParser } from "mailparser";
import { db } from "~/lib/db.server";
import { LONGEST_TOKEN_TTL_MS } from "~/modules/auth/index.server";

/**
 * The development outbox keeps a message only while the one-time link it may carry (an invitation,
 * 72 hours) can still work; the hourly housekeeping deletes older ones (purgeOutbox).
 */
export const OUTBOX_RETENTION_MS = LONGEST_TOKEN_TTL_MS;

export async function purgeOutbox(now = new Date()): Promise<number> {
  const { count } = await db.outboxMessage.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - OUTBOX_RETENTION_MS) } } });
  return count;
}

/** Stores one raw RFC 822 message in the development outbox. */
export async function storeRawMessage(raw: string | Buffer, envelope?: { from?: string; to?: string[] }) {
  const parsed = await simpleParser(raw);
  const addresses = (value: typeof parsed.to): string[] =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => v.address ?? "")).filter(Boolean);
  const to = envelope?.to?.length ? envelope.to : addresses(parsed.to);
  return db.outboxMessage.create({
    data: {
      messageId: parsed.messageId ?? null,
      from: envelope?.from || parsed.from?.value[0]?.address || "",
      to,
      subject: parsed.subject ?? "",
      html: typeof parsed.html === "string" ? parsed.html : null,
      text: parsed.text ?? null,
      raw: typeof raw === "string" ? raw : raw.toString("utf8"),
    },
  });
}

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(opts: { to?: string; cursor?: bigint; take?: number } = {}) {
  const take = opts.take ?? OUTBOX_PAGE_SIZE;
  const rows = await db.outboxMessage.findMany({
    where: { ...(opts.to ? { to: { has: opts.to.toLowerCase() } } : {}), ...(opts.cursor ? { id: { lt: opts.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    select: { id: true, receivedAt: true, from: true, to: true, subject: true },
  });
  const page = rows.slice(0, take);
  return {
    messages: page.map((m) => ({ ...m, id: m.id.toString() })),
    nextCursor: rows.length > take ? page[page.length - 1]?.id.toString() : undefined,
  };
}

export async function getOutboxMessage(id: bigint) {
  const message = await db.outboxMessage.findUnique({ where: { id } });
  return message ? { ...message, id: message.id.toString() } : null;
}
