/**
 * The pipeline's composed messages (pipeline/mime.server.ts) against nodemailer's own composer:
 * for every recipient, the same headers and byte-identical decoded parts.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { compiledBulletin } from "../../emails/bulk/render.server";
import { buildMessage, composeMessage, type SendableBulletin } from "~/modules/bulletins/pipeline/messages.server";

const bulletin: SendableBulletin = {
  id: "cmimebulletin01",
  name: "Prueba MIME",
  version: 1,
  status: "SENDING",
  subject: 'Noticias para {{nombre | "amiga, amigo"}} — noviembre',
  preheader: "Hola {{nombre}}, lo nuevo del voto desde el extranjero",
  bodyMarkdown:
    "# Boletín de noviembre\n\nHola {{nombre | \"amiga, amigo\"}} {{apellido}}, de {{pais}}: el registro sigue abierto.\n\n- Tramita tu credencial en el consulado.   \n- Regístrate en la lista nominal.\n\n" +
    "Una línea muy larga para que el texto tenga que partirse en varias líneas codificadas: " +
    "á".repeat(90) +
    " = fin.\n\n[[Regístrate]](https://www.votoextranjero.mx/?de={{pais}})",
  language: "es",
  fromName: "Voto desde el Extranjero (INE)",
  fromEmail: "boletin@alcance.example",
  replyTo: "respuestas@alcance.example",
  createdById: null,
};

const settings = { institutionName: "Instituto Nacional Electoral", postalAddress: "Viaducto Tlalpan 100\nArenal Tepepan, 14610 Ciudad de México" };

const recipients = [
  { givenName: "María José", familyName: "Pérez Ñúñez", country: "US" },
  { givenName: 'Ana "La Güera" <b>', familyName: "O'Brien & hijos =?utf-8?q?x?=", country: "CA" },
  { givenName: "Zoë 🗳️", familyName: null, country: null },
  { givenName: null, familyName: null, country: "ES" },
  { givenName: "Luis", familyName: "a".repeat(200), country: "MX" },
  { givenName: "   espacios al final   ", familyName: "tab\t", country: "FR" },
];

async function parse(message: object): Promise<ParsedMail> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail(message);
  return simpleParser(info.message as Buffer);
}

describe("bulletin MIME composed once", () => {
  // The unsubscribe token carries its expiry: both forms of a message must be built in the same second.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-15T12:00:00Z"));
  });
  afterAll(() => vi.useRealTimers());

  it("gives every recipient the headers and the decoded parts nodemailer would", async () => {
    const compiled = await compiledBulletin(bulletin);
    for (const [i, values] of recipients.entries()) {
      const recipient = { deliveryId: String(1000 + i), email: `persona${i}@alcance.example`, contactId: 500 + i, values: { ...values, fullName: [values.givenName, values.familyName].filter(Boolean).join(" "), email: `persona${i}@alcance.example` } };
      const composed = composeMessage(bulletin, compiled, settings, recipient);
      expect(composed.kind).toBe("raw");
      const ours = await parse(composed.message);
      const theirs = await parse(buildMessage(bulletin, compiled, settings, recipient));
      expect(ours.subject).toBe(theirs.subject);
      expect(ours.html).toBe(theirs.html);
      expect(ours.text).toBe(theirs.text);
      expect(ours.messageId).toBe(theirs.messageId);
      expect(ours.from?.value).toEqual(theirs.from?.value);
      expect((ours.to as { value: unknown }).value).toEqual((theirs.to as { value: unknown }).value);
      expect(ours.replyTo?.value).toEqual(theirs.replyTo?.value);
      for (const header of ["list-unsubscribe", "list-unsubscribe-post", "list-id", "precedence", "auto-submitted", "x-alcance-delivery"]) {
        expect(ours.headers.get(header), header).toEqual(theirs.headers.get(header));
      }
      // CRLF only; body lines within 76 characters; header lines within the RFC's 998.
      const raw = composed.kind === "raw" ? composed.message.raw : "";
      expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const [head, ...body] = raw.split("\r\n\r\n");
      expect(Math.max(...body.join("\r\n\r\n").split("\r\n").map((l) => l.length))).toBeLessThanOrEqual(76);
      expect(Math.max(...head!.split("\r\n").map((l) => l.length))).toBeLessThanOrEqual(998);
    }
  });

  it("leaves an address outside ASCII to nodemailer", async () => {
    const compiled = await compiledBulletin(bulletin);
    const composed = composeMessage(bulletin, compiled, settings, { deliveryId: "7", email: "josé@correo.example", contactId: 7, values: { givenName: "José" } });
    expect(composed.kind).toBe("fields");
    expect((await parse(composed.message)).text).toContain("Hola José");
  });
});
