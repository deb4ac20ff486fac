/**
 * Bounces and complaints: delivery-status notifications (RFC 3464) and feedback reports (ARF,
 * RFC 5965) read from .eml files (the CLI; a mailbox poller would call the same ingestBounce()),
 * plus the permanent "user unknown" replies the SMTP server gives while sending.
 *   hard bounce or complaint → the contact is suppressed at once (BOUNCED / COMPLAINED);
 *   soft bounce → Contact.softBounces + 1; the third in a row suppresses (a successful hand-off
 *   to the SMTP server resets the count, see the pipeline).
 */
import type { BounceKind, SubscriptionStatus } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { pauseOnComplaintRate } from "./complaints.server";

export const SOFT_BOUNCE_LIMIT = 3;

// ── A small MIME reader (only what reports need) ────────────────────────────────────────────────

type Headers = Map<string, string[]>;
type Part = { headers: Headers; body: string };

function parseHeaderBlock(block: string): Headers {
  const headers: Headers = new Map();
  const unfolded = block.replace(/\r\n/g, "\n").replace(/\n[ \t]+/g, " ");
  for (const line of unfolded.split("\n")) {
    const index = line.indexOf(":");
    if (index <= 0) continue;
    const name = line.slice(0, index).trim().toLowerCase();
    const value = line.slice(index + 1).trim();
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

function header(headers: Headers, name: string): string | undefined {
  return headers.get(name)?.[0];
}

function splitPart(raw: string): Part {
  const text = raw.replace(/\r\n/g, "\n");
  const end = text.indexOf("\n\n");
  const head = end === -1 ? text : text.slice(0, end);
  const body = end === -1 ? "" : text.slice(end + 2);
  return { headers: parseHeaderBlock(head), body };
}

function contentType(part: Part): { type: string; boundary?: string } {
  const value = header(part.headers, "content-type") ?? "text/plain";
  const type = value.split(";")[0]!.trim().toLowerCase();
  const boundary = /boundary\s*=\s*"?([^";]+)"?/i.exec(value)?.[1];
  return { type, boundary };
}

function decodeBody(part: Part): string {
  const encoding = (header(part.headers, "content-transfer-encoding") ?? "").toLowerCase();
  if (encoding === "base64") return Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    return part.body.replace(/=\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return part.body;
}

/** Every leaf part of a message, depth first (message/* parts are leaves). */
function leafParts(raw: string, depth = 0): Part[] {
  const part = splitPart(raw);
  const { type, boundary } = contentType(part);
  if (!type.startsWith("multipart/") || !boundary || depth > 5) return [part];
  const pieces = part.body.split(new RegExp(`^--${boundary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:--)?[ \\t]*$`, "m"));
  // pieces[0] is the preamble; the last is the epilogue after the closing boundary.
  return pieces.slice(1, -1).flatMap((piece) => leafParts(piece.replace(/^\n/, ""), depth + 1));
}

/** The groups of fields of a message/delivery-status or message/feedback-report body. */
function fieldGroups(body: string): Headers[] {
  return body
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((group) => parseHeaderBlock(group))
    .filter((h) => h.size > 0);
}

function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const address = (value.includes(";") ? value.slice(value.indexOf(";") + 1) : value).trim().replace(/^<|>$/g, "").toLowerCase();
  return /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

export type ParsedReport = {
  kind: BounceKind;
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
  deliveryId: bigint | null;
  bulletinId: string | null;
};

function originalReference(parts: Part[]): { deliveryId: bigint | null; bulletinId: string | null } {
  for (const part of parts) {
    const { type } = contentType(part);
    if (type !== "message/rfc822" && type !== "text/rfc822-headers" && type !== "message/rfc822-headers") continue;
    const original = splitPart(decodeBody(part));
    const ref = header(original.headers, "x-alcance-delivery");
    const refMatch = ref ? /^([a-z0-9]+)\/(\d{1,19})$/.exec(ref.trim()) : null;
    if (refMatch) return { bulletinId: refMatch[1]!, deliveryId: BigInt(refMatch[2]!) };
    const messageId = header(original.headers, "message-id");
    const idMatch = messageId ? /<d(\d{1,19})\.([a-z0-9]+)@/.exec(messageId) : null;
    if (idMatch) return { bulletinId: idMatch[2]!, deliveryId: BigInt(idMatch[1]!) };
  }
  return { deliveryId: null, bulletinId: null };
}

/**
 * The reports in one message: one per failed or delayed recipient of a DSN, one per ARF report.
 * A message that is neither (or a DSN saying "delivered") yields none.
 */
export function parseBounceMessage(raw: string): ParsedReport[] {
  const parts = leafParts(raw);
  const ref = originalReference(parts);
  const reports: ParsedReport[] = [];
  for (const part of parts) {
    const { type } = contentType(part);
    if (type === "message/delivery-status") {
      const groups = fieldGroups(decodeBody(part));
      for (const fields of groups.slice(1)) {
        const action = header(fields, "action")?.toLowerCase();
        const status = header(fields, "status")?.trim() ?? null;
        const recipient = addressOf(header(fields, "final-recipient") ?? header(fields, "original-recipient"));
        if (!action || !recipient) continue;
        let kind: BounceKind | null = null;
        if (action === "failed") kind = status?.startsWith("4") ? "SOFT" : "HARD";
        else if (action === "delayed") kind = "SOFT";
        if (!kind) continue;
        const diagnostic = header(fields, "diagnostic-code")?.replace(/^smtp;\s*/i, "") ?? null;
        reports.push({ kind, recipient, status, diagnostic: diagnostic?.slice(0, 500) ?? null, ...ref });
      }
    } else if (type === "message/feedback-report") {
      const fields = fieldGroups(decodeBody(part))[0];
      if (!fields) continue;
      const feedbackType = header(fields, "feedback-type")?.toLowerCase() ?? "abuse";
      if (feedbackType === "not-spam") continue;
      const recipient = addressOf(header(fields, "original-rcpt-to"));
      reports.push({ kind: "COMPLAINT", recipient, status: feedbackType, diagnostic: header(fields, "user-agent")?.slice(0, 200) ?? null, ...ref });
    }
  }
  // An ARF report without Original-Rcpt-To: the complaint is about the original's recipient.
  for (const report of reports) {
    if (report.recipient) continue;
    for (const part of parts) {
      const { type } = contentType(part);
      if (type === "message/rfc822" || type === "text/rfc822-headers") report.recipient = addressOf(header(splitPart(decodeBody(part)).headers, "to"));
    }
  }
  return reports;
}

// ── Applying reports ────────────────────────────────────────────────────────────────────────────

export type IngestAction = "suppressed" | "counted" | "alreadySuppressed" | "unknownContact" | "duplicate";
export type IngestOutcome = { kind: BounceKind; recipient: string | null; contactId: number | null; action: IngestAction };

/**
 * Where a report came from. eventId is the provider's id of the event: a redelivered webhook (or a
 * message read twice from a mailbox) with the same (source, eventId) changes nothing the second time.
 */
export type ReportOrigin = { source: "file" | "smtp" | "imap" | BounceProvider; eventId?: string | null; raw?: string | null };
export type BounceProvider = "ses" | "sendgrid" | "postmark" | "mailgun";

async function findContact(report: Pick<ParsedReport, "recipient" | "deliveryId" | "bulletinId">): Promise<{ contactId: number | null; deliveryId: bigint | null; bulletinId: string | null }> {
  if (report.deliveryId) {
    const delivery = await db.bulletinDelivery.findUnique({ where: { id: report.deliveryId }, select: { contactId: true, bulletinId: true, email: true } });
    if (delivery && (!report.recipient || delivery.email.toLowerCase() === report.recipient)) {
      return { contactId: delivery.contactId, deliveryId: report.deliveryId, bulletinId: delivery.bulletinId };
    }
  }
  if (report.recipient) {
    const contact = await db.contact.findUnique({ where: { email: report.recipient }, select: { id: true } });
    return { contactId: contact?.id ?? null, deliveryId: null, bulletinId: report.bulletinId };
  }
  return { contactId: null, deliveryId: null, bulletinId: null };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Records one report and applies it to its contact (one transaction, audited). */
export async function applyReport(actor: AuditActor, report: ParsedReport, origin: ReportOrigin = { source: "file" }): Promise<IngestOutcome> {
  const eventId = origin.eventId?.slice(0, 300) ?? null;
  const duplicate = { kind: report.kind, recipient: report.recipient, contactId: null, action: "duplicate" as const };
  if (eventId && (await db.bounceReport.findUnique({ where: { source_eventId: { source: origin.source, eventId } }, select: { id: true } }))) return duplicate;
  const found = await findContact(report);
  let outcome: IngestOutcome;
  try {
    outcome = await db.$transaction(async (tx) => {
      const record = (action: IngestAction, previousStatus: SubscriptionStatus | null = null) =>
        tx.bounceReport.create({
          data: {
            kind: report.kind,
            contactId: found.contactId,
            deliveryId: found.deliveryId,
            bulletinId: found.bulletinId,
            recipient: report.recipient,
            status: report.status,
            diagnostic: report.diagnostic,
            source: origin.source,
            eventId,
            raw: origin.raw ?? null,
            outcome: action,
            previousStatus,
          },
        });
      const done = async (action: IngestAction, contactId: number | null, previousStatus: SubscriptionStatus | null = null) => {
        await record(action, previousStatus);
        return { kind: report.kind, recipient: report.recipient, contactId, action };
      };
      if (!found.contactId) return done("unknownContact", null);
      const rows = await tx.$queryRaw<Array<{ subscriptionStatus: SubscriptionStatus; softBounces: number }>>`
        SELECT "subscriptionStatus"::text AS "subscriptionStatus", "softBounces" FROM "Contact" WHERE "id" = ${found.contactId} FOR UPDATE`;
      const contact = rows[0];
      if (!contact) return done("unknownContact", null);
      let target: "BOUNCED" | "COMPLAINED" | null = report.kind === "COMPLAINT" ? "COMPLAINED" : report.kind === "HARD" ? "BOUNCED" : null;
      let softBounces = contact.softBounces;
      if (report.kind === "SOFT") {
        softBounces += 1;
        if (softBounces >= SOFT_BOUNCE_LIMIT) target = "BOUNCED";
        await tx.contact.update({ where: { id: found.contactId }, data: { softBounces } });
      }
      const entity = { entity: "contact", entityId: String(found.contactId) };
      if (!target) {
        await audit(actor, { action: "contact.softBounce", ...entity, before: { softBounces: contact.softBounces }, after: { softBounces, bulletinId: found.bulletinId } }, tx);
        return done("counted", found.contactId);
      }
      // A complaint outranks a bounce; an existing suppression stays as it is.
      if (contact.subscriptionStatus === "COMPLAINED" || contact.subscriptionStatus === target) return done("alreadySuppressed", found.contactId);
      await tx.contact.update({ where: { id: found.contactId }, data: { subscriptionStatus: target } });
      await audit(
        actor,
        {
          action: "contact.subscription",
          ...entity,
          before: { subscriptionStatus: contact.subscriptionStatus },
          after: { subscriptionStatus: target, reason: report.kind, status: report.status, bulletinId: found.bulletinId, source: origin.source },
        },
        tx,
      );
      return done("suppressed", found.contactId, contact.subscriptionStatus);
    });
  } catch (error) {
    // The same event arrived twice at once: the other request recorded it.
    if (eventId && isUniqueViolation(error)) return duplicate;
    throw error;
  }
  if (report.kind === "COMPLAINT" && found.bulletinId) await pauseOnComplaintRate(found.bulletinId);
  return outcome;
}

/** Reads one .eml (DSN or ARF) and applies each report in it; eventId (a Message-ID) makes a re-read a no-op. */
export async function ingestBounce(actor: AuditActor, raw: string, origin: ReportOrigin = { source: "file" }): Promise<IngestOutcome[]> {
  const outcomes: IngestOutcome[] = [];
  const reports = parseBounceMessage(raw);
  for (const [index, report] of reports.entries()) {
    outcomes.push(await applyReport(actor, report, { ...origin, raw, eventId: origin.eventId ? `${origin.eventId}#${index}` : null }));
  }
  return outcomes;
}

/** A permanent "user unknown" reply while sending: a hard bounce of that delivery. */
export async function recordSmtpBounce(input: { contactId: number; deliveryId: string; bulletinId: string; diagnostic: string }): Promise<void> {
  await applyReport(
    { userId: null, ip: "worker" },
    { kind: "HARD", recipient: null, status: input.diagnostic.slice(0, 3), diagnostic: input.diagnostic, deliveryId: BigInt(input.deliveryId), bulletinId: input.bulletinId },
    { source: "smtp" },
  );
}
