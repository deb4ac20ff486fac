import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EXPORT_HEADERS, EXPORT_COLUMNS } from "~/modules/contacts/fields";
import {
  detectDelimiter,
  detectEncoding,
  EncodingSniffer,
  fieldForHeader,
  headerLine,
  isKnownIgnoredHeader,
  mapHeaders,
  mappingProblem,
  normalizeHeader,
} from "~/modules/contacts/import/detect";
import { parseRecords, rawRecord, type ParsedRecord } from "~/modules/contacts/import/parse.server";
import { fieldIndex, normalizeLanguage, toContactRow } from "~/modules/contacts/import/rows";
import { SeenSet } from "~/modules/contacts/import/seen-set";

const fixture = (name: string) => readFileSync(`tests/fixtures/contacts/${name}`);

/** Feeds bytes in pieces of `size` (1 byte splits every multi-byte character and every CRLF). */
const sourceOf = (bytes: Uint8Array, size = 1 << 20) =>
  async function* () {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  };

async function records(bytes: Uint8Array, opts: { delimiter?: "," | ";" | "\t"; lineBreak?: "\n" | "\r\n" | "\r"; size?: number } = {}) {
  const encoding = detectEncoding(bytes);
  const out: Array<ParsedRecord & { raw: string }> = [];
  for await (const chunk of parseRecords(sourceOf(bytes, opts.size), { encoding, delimiter: opts.delimiter ?? ",", lineBreak: opts.lineBreak ?? "\n" })) {
    for (const r of chunk.records) out.push({ ...r, raw: rawRecord(chunk, r, opts.lineBreak ?? "\n") });
  }
  return out;
}

describe("encoding detection", () => {
  it("tells UTF-8, UTF-8 with BOM and Windows-1252 by their bytes", () => {
    expect(detectEncoding(fixture("utf8.csv"))).toBe("utf-8");
    expect(detectEncoding(fixture("utf8-bom.csv"))).toBe("utf-8-bom");
    expect(detectEncoding(fixture("windows-1252.csv"))).toBe("windows-1252");
    expect(detectEncoding(Buffer.from("correo\na@b.org\n"))).toBe("utf-8"); // plain ASCII
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toBe("utf-16le");
  });

  it("validates UTF-8 across chunk boundaries and refuses a file cut inside a character", () => {
    const bytes = Buffer.from("nombre\nJosé Peña Núñez\n", "utf8");
    const sniffer = new EncodingSniffer();
    for (const byte of bytes) sniffer.push(Uint8Array.of(byte));
    expect(sniffer.result()).toBe("utf-8");
    const cut = new EncodingSniffer();
    cut.push(bytes.subarray(0, bytes.indexOf(0xc3) + 1)); // "Jos" + the first byte of "é"
    expect(cut.result()).toBe("windows-1252");
  });
});

describe("delimiter and header detection", () => {
  it("reads the delimiter from the header line, not from decimal commas in the data", () => {
    expect(detectDelimiter("correo,nombre,apellidos")).toBe(",");
    expect(detectDelimiter("nombre;correo;notas;monto")).toBe(";");
    expect(detectDelimiter("E-mail\tFirst Name\tlast_name")).toBe("\t");
    expect(detectDelimiter("correo")).toBe(",");
    // The header names decide when the counts tie or mislead: "monto, MXN" is one column.
    expect(detectDelimiter('correo;nombre;"monto, MXN"')).toBe(";");
    // The delimiter that yields an e-mail column wins over one that only finds other fields.
    expect(detectDelimiter("correo;nombre, apellido")).toBe(";");
  });

  it("finds the header line and its line break, quotes and a CRLF cut in two included", () => {
    expect(headerLine("a,b\r\nx,y", false)).toEqual({ line: "a,b", lineBreak: "\r\n" });
    expect(headerLine("a,b\nx", false)).toEqual({ line: "a,b", lineBreak: "\n" });
    expect(headerLine('"a\nb",c\r\n', false)).toEqual({ line: '"a\nb",c', lineBreak: "\r\n" });
    expect(headerLine("a,b\r", false)).toBeNull();
    expect(headerLine("a,b\r", true)).toEqual({ line: "a,b", lineBreak: "\r" });
    expect(headerLine("a,b", false)).toBeNull();
    expect(headerLine("a,b", true)).toEqual({ line: "a,b", lineBreak: "\n" });
  });
});

describe("column mapping", () => {
  it("ignores case, accents, spaces, _ and - in Spanish and English names", () => {
    for (const header of ["first_name", "First Name", "nombre", "NOMBRE", "first-name"]) expect(fieldForHeader(header), header).toBe("givenName");
    for (const header of ["correo", "Correo electrónico", "CORREO ELECTRONICO", "email", "e-mail", "E_Mail", "Email Address"]) {
      expect(fieldForHeader(header), header).toBe("email");
    }
    expect(fieldForHeader("apellidos")).toBe("familyName");
    expect(fieldForHeader("Last Name")).toBe("familyName");
    expect(fieldForHeader("País")).toBe("country");
    expect(fieldForHeader("estado")).toBe("state");
    expect(fieldForHeader("Región")).toBe("state");
    expect(fieldForHeader("Ciudad")).toBe("city");
    expect(fieldForHeader("idioma")).toBe("language");
    expect(fieldForHeader("Teléfono")).toBe("phone");
    expect(fieldForHeader("etiquetas")).toBe("tags");
    expect(fieldForHeader("Notas")).toBe("notes");
    expect(fieldForHeader("monto")).toBeNull();
    expect(normalizeHeader("\uFEFFCorreo-Electrónico ")).toBe("correoelectronico");
  });

  it("maps every export header (es and en) back to its field, or knowingly ignores it", () => {
    for (const lang of ["es", "en"] as const) {
      const columns = mapHeaders(EXPORT_COLUMNS.map((c) => EXPORT_HEADERS[lang][c]));
      expect(columns.map((c) => c.field)).toEqual([
        "email",
        "givenName",
        "familyName",
        "country",
        "state",
        "city",
        "language",
        "phone",
        "tags",
        "notes",
        null,
        "consentStatus",
        "subscriptionStatus",
        null,
      ]);
      expect(isKnownIgnoredHeader(EXPORT_HEADERS[lang].source)).toBe(true);
      expect(isKnownIgnoredHeader(EXPORT_HEADERS[lang].createdAt)).toBe(true);
      expect(mappingProblem(columns)).toBeNull();
    }
  });

  it("keeps a field's first column, shows unknown columns as ignored, and needs an e-mail column", () => {
    const columns = mapHeaders(["Nombre", "Correo", "first_name", "Monto"]);
    expect(columns).toEqual([
      { header: "Nombre", field: "givenName" },
      { header: "Correo", field: "email" },
      { header: "first_name", field: null },
      { header: "Monto", field: null },
    ]);
    expect(mappingProblem(mapHeaders(["nombre", "apellidos"]))).toBe("noEmailColumn");
    expect(mappingProblem([{ header: "a", field: "email" }, { header: "b", field: "email" }])).toBe("duplicateField");
  });
});

describe("streaming records", () => {
  it("gives each record the line it starts on, across quoted line breaks, CRLF and tiny chunks", async () => {
    const bytes = fixture("multiline-crlf.csv");
    for (const size of [1, 3, 7, 1 << 20]) {
      const recs = await records(bytes, { lineBreak: "\r\n", size });
      expect(recs.map((r) => r.line), `chunk ${size}`).toEqual([1, 2, 4]);
      expect(recs[1]!.fields).toEqual(["multi1@fixtures.example", 'Ana "La Güera"', "Primera línea\r\nsegunda línea, con coma"]);
      expect(recs[1]!.raw).toBe('multi1@fixtures.example,"Ana ""La Güera""","Primera línea\r\nsegunda línea, con coma"');
      expect(recs[2]!.bytesEnd).toBe(bytes.length);
    }
  });

  it("decodes Windows-1252 byte for byte, curly quotes included", async () => {
    const recs = await records(fixture("windows-1252.csv"), { lineBreak: "\r\n", size: 5 });
    expect(recs[1]!.fields).toEqual(["jose.pena.1252@fixtures.example", "José", "Peña Núñez", "“Líder” de la comunidad — Texas"]);
    expect(recs[2]!.fields[2]).toBe("Muñoz Ávila");
  });

  it("reads Excel's \"Unicode text\" (UTF-16LE with BOM, tabs) and counts its bytes", async () => {
    const text = "correo\tnombre\r\nana@ejemplo.org\tJosé Peña\r\n";
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(detectEncoding(bytes)).toBe("utf-16le");
    const recs = await records(bytes, { delimiter: "\t", lineBreak: "\r\n", size: 3 });
    expect(recs.map((r) => r.fields)).toEqual([
      ["correo", "nombre"],
      ["ana@ejemplo.org", "José Peña"],
    ]);
    expect(recs[1]!.bytesEnd).toBe(bytes.length);
  });

  it("reports stray quotes on their own record", async () => {
    const recs = await records(Buffer.from('correo,nombre\na@b.org,"Ana"x\n'));
    expect(recs[1]!.quoteError).toBe(true);
  });
});

describe("countries and states as stored", () => {
  const columns = mapHeaders(["correo", "país", "estado", "notas"]);
  const index = fieldIndex(columns);
  const row = (...cells: string[]) => toContactRow(cells, columns.length, index);

  it("codes the country and the state, and keeps an unknown value in the notes, never as a country", () => {
    expect(row("a@b.org", "EE. UU.", "Texas", "")).toMatchObject({ ok: true, row: { country: "US", state: "US-TX", notes: null, warnings: [] } });
    expect(row("a@b.org", "", "TX", "")).toMatchObject({ ok: true, row: { country: "US", state: "US-TX" } });
    expect(row("a@b.org", "Narnia", "", "Vino al evento")).toMatchObject({
      ok: true,
      row: { country: null, state: null, notes: "Vino al evento\nPaís sin reconocer: «Narnia»", warnings: [{ field: "country", value: "Narnia" }] },
    });
    expect(row("a@b.org", "México", "Atlántida", "")).toMatchObject({
      ok: true,
      row: { country: "MX", state: null, notes: "Estado sin reconocer: «Atlántida»", warnings: [{ field: "state", value: "Atlántida" }] },
    });
  });
});

describe("rows as stored", () => {
  const columns = mapHeaders(["correo", "nombre", "apellidos", "idioma", "etiquetas", "notas", "teléfono"]);
  const index = fieldIndex(columns);
  const row = (...cells: string[]) => toContactRow(cells, columns.length, index);

  it("normalises the e-mail and text (trim, NFC, spaces), tags and language", () => {
    const decomposed = "Jose\u0301"; // "José" with a combining accent
    const out = row("  Ana.Lopez@Ejemplo.ORG ", ` ${decomposed}  `, "Peña   Núñez", "Español", "Boletín; CREDENCIAL;boletín", " línea 1\r\nlínea 2 ", "'+52 55 1234 5678");
    expect(out).toEqual({
      ok: true,
      row: {
        email: "ana.lopez@ejemplo.org",
        givenName: "José",
        familyName: "Peña Núñez",
        country: null,
        state: null,
        city: null,
        language: "es",
        phone: "+52 55 1234 5678",
        tags: ["boletín", "credencial"],
        notes: "línea 1\nlínea 2",
        consentStatus: null,
        subscriptionStatus: null,
        warnings: [],
      },
    });
    expect(out.ok === true && out.row.givenName === "Jos\u00e9").toBe(true);
  });

  it("rejects ragged rows, bad e-mails, long values and unknown languages with a stable reason", () => {
    expect(row("a@b.org", "Ana")).toMatchObject({ ok: false, reason: "tooFewFields" });
    expect(row("a@b.org", "Ana", "", "", "", "", "", "extra")).toMatchObject({ ok: false, reason: "tooManyFields" });
    expect(row("", "Ana", "", "", "", "", "")).toMatchObject({ ok: false, reason: "missingEmail" });
    expect(row("ana-at-example.org", "Ana", "", "", "", "", "")).toMatchObject({ ok: false, reason: "invalidEmail", email: "ana-at-example.org" });
    expect(row("a@b.org", "A".repeat(121), "", "", "", "", "")).toMatchObject({ ok: false, reason: "valueTooLong" });
    expect(row("a@b.org", "Ana", "", "klingon!", "", "", "")).toMatchObject({ ok: false, reason: "invalidLanguage" });
    expect(toContactRow(["a@b.org", "Ana"], 2, index, true)).toMatchObject({ ok: false, reason: "malformedQuotes" });
    expect(row("", " ", "", "", "", "", "")).toEqual({ ok: "blank" });
    expect(normalizeLanguage("es_MX")).toBe("es-mx");
    expect(normalizeLanguage("English")).toBe("en");
  });
});

describe("the seen set", () => {
  it("tells a repeated e-mail among a hundred thousand, through growth", () => {
    const set = new SeenSet(16);
    let added = 0;
    for (let i = 0; i < 100_000; i++) if (set.add(`persona${i}@ejemplo.org`)) added++;
    expect(added).toBe(100_000);
    expect(set.size).toBe(100_000);
    let again = 0;
    for (let i = 0; i < 100_000; i += 997) if (set.add(`persona${i}@ejemplo.org`)) again++;
    expect(again).toBe(0);
    expect(set.add("persona100000@ejemplo.org")).toBe(true);
  });
});
