/**
 * A bulletin's MIME message composed once, filled in per recipient (docs/decisions/031).
 *
 * nodemailer builds every message from scratch: headers parsed and encoded, each body part pushed
 * through a quoted-printable stream — ~80 % of the worker's CPU per message, five times what the
 * merge and the database cost. But a bulletin's parts are the same for every recipient except at
 * its placeholders. So each literal piece of the text and HTML parts is quoted-printable encoded
 * once, and a recipient's message is those pieces with the recipient's values (encoded alone)
 * between them. Every piece starts on a line of its own (a soft line break ends the previous one),
 * so lines stay within 76 characters and the parts decode to exactly what `mergeBulletin` gives.
 * The result goes to nodemailer as a raw message: its pool, SMTP dialogue, dot-stuffing and DKIM
 * signing are unchanged.
 */
import { randomBytes } from "node:crypto";
import { encodeWords, foldLines } from "nodemailer/lib/mime-funcs";
import { encode as qpEncode, wrap as qpWrap } from "nodemailer/lib/qp";
import { mergeValues, type CompiledBulletin, type MessageContext } from "../../../../emails/bulk/render.server";
import type { MergeValues } from "../markdown";

type Part = { encoded: string[]; names: string[] };

export type MimeTemplate = { boundary: string; text: Part; html: Part };

export type RawMessage = { envelope: { from: string; to: string[] }; raw: string; messageId: string };

export type MimeHeaders = {
  from: { name: string; address: string };
  to: string;
  replyTo: string | null;
  subjectPrefix: string;
  messageId: string;
  listUnsubscribe: string;
  listId: string;
  extra: Record<string, string>;
};

const CRLF = "\r\n";
const SOFT_BREAK = `=${CRLF}`;

/** Quoted-printable of one piece, on lines of its own: ends with a line break (soft if the piece has none). */
function qpPiece(value: string): string {
  if (value === "") return "";
  const encoded = qpWrap(qpEncode(value.replace(/\r?\n/g, CRLF)), 76);
  return encoded.endsWith(CRLF) ? encoded : encoded + SOFT_BREAK;
}

function compilePart(parts: string[]): Part {
  const encoded: string[] = [];
  const names: string[] = [];
  parts.forEach((piece, i) => (i % 2 === 0 ? encoded.push(qpPiece(piece)) : names.push(piece)));
  return { encoded, names };
}

const templates = new WeakMap<CompiledBulletin, MimeTemplate>();

/** The bulletin's parts, encoded once per compiled version (kept as long as the compiled bulletin is). */
export function mimeTemplate(compiled: CompiledBulletin): MimeTemplate {
  let template = templates.get(compiled);
  if (!template) {
    template = { boundary: `--_AlcB-${randomBytes(12).toString("hex")}-Part_1`, text: compilePart(compiled.text), html: compilePart(compiled.html) };
    templates.set(compiled, template);
  }
  return template;
}

function fillPart(part: Part, value: (name: string) => string): string {
  let out = part.encoded[0] ?? "";
  for (let i = 0; i < part.names.length; i++) out += qpPiece(value(part.names[i]!)) + (part.encoded[i + 1] ?? "");
  // A last soft line break would leave an empty line before the boundary; a hard one is content.
  return out.endsWith(SOFT_BREAK) ? out.slice(0, -SOFT_BREAK.length) : out;
}

/** An address's display name as nodemailer writes it: bare, quoted, or an encoded word. */
function displayName(name: string): string {
  if (/^[\w ]*$/.test(name)) return name;
  if (/^[\x20-\x7e]*$/.test(name)) return `"${name.replace(/["\\]/g, "\\$&")}"`;
  return encodeWords(name, "Q", 52);
}

const address = (a: { name: string; address: string }) => (a.name ? `${displayName(a.name)} <${a.address}>` : a.address);

/** Only plain ASCII addresses take this path; anything else goes through nodemailer's composer. */
export const composable = (...addresses: Array<string | null>) => addresses.every((a) => a === null || /^[\x21-\x7e]+$/.test(a));

/** One recipient's raw message. */
export function composeRaw(compiled: CompiledBulletin, headers: MimeHeaders, contact: MergeValues, context: MessageContext): RawMessage {
  const template = mimeTemplate(compiled);
  const merged = mergeValues(compiled, contact, context);
  const subject = headers.subjectPrefix + merged.subject;
  const lines = [
    foldLines(`List-Unsubscribe: ${headers.listUnsubscribe}`, 76),
    "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    `List-ID: ${headers.listId}`,
    ...Object.entries(headers.extra).map(([k, v]) => `${k}: ${v}`),
    `From: ${address(headers.from)}`,
    `To: ${headers.to}`,
    ...(headers.replyTo ? [`Reply-To: ${headers.replyTo}`] : []),
    foldLines(`Subject: ${encodeWords(subject, "Q", 52)}`, 76),
    `Message-ID: ${headers.messageId}`,
    `Date: ${new Date().toUTCString().replace(/GMT/, "+0000")}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/alternative;${CRLF} boundary="${template.boundary}"`,
  ];
  const raw =
    lines.join(CRLF) +
    CRLF +
    CRLF +
    `--${template.boundary}${CRLF}Content-Type: text/plain; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}` +
    fillPart(template.text, merged.textValue) +
    `${CRLF}--${template.boundary}${CRLF}Content-Type: text/html; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}` +
    fillPart(template.html, merged.htmlValue) +
    `${CRLF}--${template.boundary}--${CRLF}`;
  return { envelope: { from: headers.from.address, to: [headers.to] }, raw, messageId: headers.messageId };
}
