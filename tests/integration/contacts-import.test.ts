import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import type { DuplicatePolicy } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { ImportFileError } from "~/modules/contacts/import/errors";
import { CLI_ACTOR, fileSource, importFile } from "~/modules/contacts/import/file.server";
import { closeImportPool, ImportBusyError, runBatch, type ImportSettings } from "~/modules/contacts/import/pipeline.server";
import { emailHmac } from "~/modules/contacts/suppression.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

const FIXTURES = "tests/fixtures/contacts";
const dir = mkdtempSync(join(tmpdir(), "alcance-import-test-"));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeImportPool();
});

const settings = (over: Partial<ImportSettings> = {}): ImportSettings => ({
  sourceText: "Pruebas de importación",
  consentBasis: "Registro en evento con aviso de privacidad v1",
  onDuplicate: "SKIP",
  ...over,
});

/** A file of this run's own (unique e-mails), written for the test. */
function writeCsv(lines: string[], name = `${randomUUID()}.csv`): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`, "utf8");
  return path;
}

const unique = (label: string) => `${label}-${randomUUID().slice(0, 8)}@import.example`;
const contact = (email: string) => db.contact.findUnique({ where: { email }, include: { consents: true } });
const bytes = (value: string | null | undefined) => Buffer.from(value ?? "", "utf8").toString("hex");

async function currentNotice() {
  // The Spanish notice: the one these Spanish contacts are imported under (another test may publish an English one meanwhile).
  return (await db.privacyNotice.findFirst({ where: { language: "es" }, orderBy: { version: "desc" }, select: { version: true } }))?.version ?? null;
}

describe("encodings", () => {
  it("imports UTF-8 without BOM, stored byte for byte (NFC)", async () => {
    const { result } = await importFile(`${FIXTURES}/utf8.csv`, settings());
    expect(result).toMatchObject({ status: "DONE", rows: 2, created: 2, rejected: 0 });
    const jose = await contact("jose.pena.utf8@fixtures.example");
    expect(bytes(jose?.givenName)).toBe(bytes("José"));
    expect(bytes(jose?.familyName)).toBe(bytes("Peña Núñez"));
    expect(jose).toMatchObject({ country: "MX", city: "Ciudad Juárez", source: "IMPORT", sourceDetail: "Pruebas de importación", consentStatus: "CONFIRMED", subscriptionStatus: "SUBSCRIBED" });
    expect((await contact("zoe.utf8@fixtures.example"))?.familyName).toBe("Ñúñez Üribe");
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ encoding: "utf-8", delimiter: ",", fileSize: readFileSync(`${FIXTURES}/utf8.csv`).length });
    expect(await db.importChunk.count({ where: { batchId: result.batchId } })).toBe(0);
  });

  it("imports UTF-8 with BOM, semicolons and CRLF, the BOM not in the first header", async () => {
    const { result } = await importFile(`${FIXTURES}/utf8-bom.csv`, settings());
    expect(result).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    const jose = await contact("jose.pena.bom@fixtures.example");
    expect(bytes(jose?.familyName)).toBe(bytes("Peña Núñez"));
    expect(jose?.phone).toBe("+52 55 1234 5678");
    expect((await contact("rene.bom@fixtures.example"))?.familyName).toBe("Ibáñez Güemes");
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ encoding: "utf-8-bom", delimiter: ";" });
    expect((batch.mapping as { lineBreak: string }).lineBreak).toBe("\r\n");
  });

  it("imports Windows-1252 (Excel) with accents and curly quotes", async () => {
    const { result } = await importFile(`${FIXTURES}/windows-1252.csv`, settings());
    expect(result).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    const jose = await contact("jose.pena.1252@fixtures.example");
    expect(bytes(jose?.familyName)).toBe(bytes("Peña Núñez"));
    expect(jose?.notes).toBe("“Líder” de la comunidad — Texas");
    const maria = await contact("maria.1252@fixtures.example");
    expect([maria?.givenName, maria?.familyName, maria?.notes]).toEqual(["María José", "Muñoz Ávila", "Año 2017"]);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } })).encoding).toBe("windows-1252");
  });
});

describe("delimiters and quoting", () => {
  it("reads a semicolon file whose data has decimal commas, and ignores unknown columns", async () => {
    const { result } = await importFile(`${FIXTURES}/semicolon-decimal.csv`, settings());
    expect(result).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    expect((await contact("ana.decimal@fixtures.example"))?.notes).toBe("Donó 1,5 kg de folletos");
    expect((await contact("luis.decimal@fixtures.example"))?.notes).toBe("3,75 horas");
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch.delimiter).toBe(";");
    expect((batch.mapping as { columns: Array<{ header: string; field: string | null }> }).columns).toEqual([
      { header: "nombre", field: "givenName" },
      { header: "correo", field: "email" },
      { header: "notas", field: "notes" },
      { header: "monto", field: null },
    ]);
  });

  it("reads tab-separated files with English headers; language and tags normalised", async () => {
    const { result } = await importFile(`${FIXTURES}/tab.tsv`, settings());
    expect(result).toMatchObject({ rows: 1, created: 1 });
    expect(await contact("first.tab@fixtures.example")).toMatchObject({
      givenName: "Guadalupe",
      familyName: "Hernández",
      country: "US",
      state: "US-TX",
      language: "es",
      tags: ["boletín", "credencial"],
    });
  });

  it("keeps quoted cells with line breaks, commas and quotes (CRLF file)", async () => {
    const { result } = await importFile(`${FIXTURES}/multiline-crlf.csv`, settings());
    expect(result).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    const ana = await contact("multi1@fixtures.example");
    expect(ana?.givenName).toBe('Ana "La Güera"');
    expect(ana?.notes).toBe("Primera línea\nsegunda línea, con coma");
    expect((await contact("multi2@fixtures.example"))?.notes).toBe("sencilla");
  });

  it("rejects ragged rows and bad e-mails alone, with the line where each record starts", async () => {
    const { result, rejected } = await importFile(`${FIXTURES}/ragged.csv`, settings());
    expect(rejected).toEqual([
      { line: 3, reason: "tooFewFields" },
      { line: 4, reason: "tooManyFields" },
      { line: 6, reason: "invalidEmail" },
      { line: 7, reason: "missingEmail" },
      { line: 11, reason: "tooFewFields" },
    ]);
    expect(result).toMatchObject({ rows: 8, created: 3, rejected: 5, duplicates: 0 });
    expect((await contact("ragged.ok2@fixtures.example"))?.givenName).toBe("Dos líneas");
    expect(await contact("ragged.ok3@fixtures.example")).not.toBeNull();
    expect(await contact("ragged.short@fixtures.example")).toBeNull();
    const stored = await db.importRejection.findUniqueOrThrow({ where: { batchId_line: { batchId: result.batchId, line: 3 } } });
    expect(stored).toMatchObject({ raw: "ragged.short@fixtures.example,Ana", emailHmac: emailHmac("ragged.short@fixtures.example") });
  });

  it("reads an export back: formula neutralisation undone, export-only columns ignored, statuses kept for new contacts", async () => {
    // Other test files may publish a privacy notice meanwhile: the version in force during the import.
    const noticeBefore = await currentNotice();
    const { result } = await importFile(`${FIXTURES}/export-es.csv`, settings());
    const noticeAfter = await currentNotice();
    expect(result).toMatchObject({ rows: 2, created: 2, rejected: 0 });
    const a = await contact("export.roundtrip@fixtures.example");
    expect(a).toMatchObject({
      phone: "+1 713 555 0100",
      notes: '=HIPERVINCULO("x")',
      tags: ["boletin", "credencial"],
      language: "es",
      source: "IMPORT",
      consentStatus: "CONFIRMED",
      subscriptionStatus: "UNSUBSCRIBED",
    });
    expect(a?.consents).toEqual([
      expect.objectContaining({ status: "CONFIRMED", method: "IMPORT", basis: settings().consentBasis, importBatchId: result.batchId, recordedById: null }),
    ]);
    const version = a?.consents[0]?.privacyNoticeVersion ?? 0;
    expect(version).toBeGreaterThanOrEqual(noticeBefore ?? 0);
    expect(version).toBeLessThanOrEqual(noticeAfter ?? 0);
    const b = await contact("export.formula@fixtures.example");
    // A formula that was not neutralised is data: stored as it is (exports neutralise it).
    expect(b).toMatchObject({ givenName: "=1+1", familyName: "@arroba", notes: "-menos", language: "en", consentStatus: "PENDING", subscriptionStatus: "SUBSCRIBED" });
    expect(b?.consents.map((c) => c.status)).toEqual(["PENDING"]);
  });
});

describe("files that cannot be imported", () => {
  for (const [file, code] of [
    ["empty.csv", "emptyFile"],
    ["header-only.csv", "headerOnly"],
    ["no-email.csv", "noEmailColumn"],
  ] as const) {
    it(`${file}: ${code}, and nothing is imported`, async () => {
      const since = new Date();
      const error = await importFile(`${FIXTURES}/${file}`, settings()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).code).toBe(code);
      expect(await db.importBatch.count({ where: { fileName: file, createdAt: { gte: since } } })).toBe(0);
    });
  }

  it("a file that does not exist is unreadable", async () => {
    const error = await importFile(join(dir, "missing.csv"), settings()).catch((e: unknown) => e);
    expect((error as ImportFileError).code).toBe("unreadable");
  });
});

describe("duplicates", () => {
  async function setup() {
    const email = unique("dup");
    await db.contact.create({ data: { email, givenName: "Original", familyName: null, country: "México", tags: [], source: "MANUAL", consentStatus: "PENDING" } });
    const other = unique("dup-new");
    const path = writeCsv([
      "correo,nombre,apellidos,país,etiquetas",
      `  ${email.toUpperCase()} ,Nuevo,Apellido,,Nueva`,
      `${other},Primera,Vez,Canadá,`,
      `${other.toUpperCase()},Segunda,Vez,España,`, // repeated in the file: the first one wins
    ]);
    return { email, other, path };
  }

  const expected: Record<DuplicatePolicy, { counts: object; stored: object }> = {
    SKIP: { counts: { created: 1, updated: 0, unchanged: 1, duplicates: 1 }, stored: { givenName: "Original", familyName: null, country: "México", tags: [] } },
    FILL: { counts: { created: 1, updated: 1, unchanged: 0, duplicates: 1 }, stored: { givenName: "Original", familyName: "Apellido", country: "México", tags: ["nueva"] } },
    OVERWRITE: { counts: { created: 1, updated: 1, unchanged: 0, duplicates: 1 }, stored: { givenName: "Nuevo", familyName: "Apellido", country: "México", tags: ["nueva"] } },
  };

  for (const policy of ["SKIP", "FILL", "OVERWRITE"] as const) {
    it(`${policy}: the dry run predicts the import, the file's repeat is counted, a second run changes nothing`, async () => {
      const { email, other, path } = await setup();
      const dry = await importFile(path, settings({ onDuplicate: policy }), { dryRun: true });
      expect(dry.result).toMatchObject({ status: "ANALYZED", rows: 3, suppressed: 0, rejected: 0, ...expected[policy].counts });
      expect(await contact(other)).toBeNull();

      const real = await importFile(path, settings({ onDuplicate: policy }));
      expect(real.result).toMatchObject({ status: "DONE", rows: 3, ...expected[policy].counts });
      const stored = await contact(email);
      expect(stored).toMatchObject({ ...expected[policy].stored, source: "MANUAL", consentStatus: "PENDING" });
      expect(stored?.consents).toEqual([]); // existing contacts get no consent from an import
      expect(await contact(other)).toMatchObject({ givenName: "Primera", country: "CA" });

      const again = await importFile(path, settings({ onDuplicate: policy }));
      expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 2, duplicates: 1 });
      expect(await db.consentRecord.count({ where: { contact: { email: other } } })).toBe(1);
    });
  }

  it("importing the same file twice adds nothing", async () => {
    const emails = Array.from({ length: 25 }, (_, i) => unique(`twice${i}`));
    const path = writeCsv(["correo,nombre", ...emails.map((e, i) => `${e},Persona ${i}`)]);
    const first = await importFile(path, settings());
    expect(first.result).toMatchObject({ rows: 25, created: 25 });
    const count = () => db.contact.count({ where: { email: { in: emails } } });
    const consents = () => db.consentRecord.count({ where: { contact: { email: { in: emails } } } });
    expect([await count(), await consents()]).toEqual([25, 25]);
    const second = await importFile(path, settings({ onDuplicate: "OVERWRITE" }));
    expect(second.result).toMatchObject({ rows: 25, created: 0, updated: 0, unchanged: 25 });
    expect([await count(), await consents()]).toEqual([25, 25]);
  });
});

describe("suppression", () => {
  it("an erased e-mail is reported as suppressed and never created, in the dry run and the import", async () => {
    const erased = unique("erased");
    const kept = unique("kept");
    await db.suppressionEntry.create({ data: { emailHmac: emailHmac(erased), reason: "ARCO cancellation (test)" } });
    const path = writeCsv(["correo,nombre", `${erased.toUpperCase()},Borrada`, `${kept},Nueva`]);
    const dry = await importFile(path, settings(), { dryRun: true });
    expect(dry.result).toMatchObject({ rows: 2, created: 1, suppressed: 1 });
    const real = await importFile(path, settings({ onDuplicate: "OVERWRITE" }));
    expect(real.result).toMatchObject({ rows: 2, created: 1, suppressed: 1, unchanged: 0 });
    expect(await contact(erased)).toBeNull();
    expect(await contact(kept)).not.toBeNull();
  });
});

describe("resuming a killed import", () => {
  it("resumes after its last committed batch: no duplicates, repeats across the crash still counted", async () => {
    const emails = Array.from({ length: 10 }, (_, i) => unique(`resume${i}`));
    const lines = ["correo,nombre", ...emails.map((e, i) => `${e},Persona ${i}`)];
    lines.splice(8, 0, `${emails[1]!.toUpperCase()},Repetida`); // line 9 repeats line 3, committed before the crash
    const name = `resume-${randomUUID()}.csv`;
    const path = writeCsv(lines, name);

    const crash = await importFile(path, settings(), {
      run: {
        batchSize: 3,
        concurrency: 1,
        onBatchCommitted: ({ batch }) => {
          if (batch === 1) throw new Error("simulated crash after the first commit");
        },
      },
    }).catch((e: unknown) => e);
    expect((crash as Error).message).toContain("simulated crash");
    const batch = await db.importBatch.findFirstOrThrow({ where: { fileName: name } });
    expect(batch).toMatchObject({ status: "RUNNING", lastCommittedLine: 4, rows: 3, created: 3 });
    expect(Number(batch.bytesProcessed)).toBe(Buffer.byteLength(lines.slice(0, 4).join("\n") + "\n"));
    expect(await db.contact.count({ where: { email: { in: emails } } })).toBe(3);

    const resumed = await runBatch(batch.id, fileSource(path), CLI_ACTOR, { batchSize: 3, concurrency: 2 });
    expect(resumed).toMatchObject({ status: "DONE", rows: 11, created: 10, duplicates: 1, unchanged: 0, rejected: 0 });
    expect(await db.contact.count({ where: { email: { in: emails } } })).toBe(10);
    expect(await db.consentRecord.count({ where: { contact: { email: { in: emails } } } })).toBe(10);
    expect((await contact(emails[1]!))?.givenName).toBe("Persona 1");
    const done = await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect([done.lastCommittedLine, Number(done.bytesProcessed)]).toEqual([12, readFileSync(path).length]);
  });
});

describe("one run at a time", () => {
  it("a second worker on the same import is refused while the first holds it", async () => {
    const emails = Array.from({ length: 6 }, (_, i) => unique(`lock${i}`));
    const name = `lock-${randomUUID()}.csv`;
    const path = writeCsv(["correo", ...emails], name);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = importFile(path, settings(), {
      run: {
        batchSize: 2,
        concurrency: 1,
        onBatchCommitted: async ({ batch }) => {
          if (batch === 1) {
            started();
            await held;
          }
        },
      },
    });
    await running;
    const batch = await db.importBatch.findFirstOrThrow({ where: { fileName: name } });
    const second = await runBatch(batch.id, fileSource(path), CLI_ACTOR).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ImportBusyError);
    release();
    expect((await first).result).toMatchObject({ status: "DONE", created: 6 });
  });
});

describe("npx alcance contacts import", () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ["bin/alcance.js", "contacts", "import", ...args], { encoding: "utf8", env: process.env });

  it("prints one JSON line with the counts and every rejected row", () => {
    const ok = unique("cli");
    const path = writeCsv(["email,first_name", `${ok},Cli`, "not-an-email,Bad", `${ok},Again`]);
    const result = cli([path, "--source", "CLI test", "--consent-basis", "Formulario v1", "--on-duplicate", "fill", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["rows", "created", "updated", "unchanged", "duplicates", "suppressed", "rejected", "warnings"]);
    expect(out).toEqual({ rows: 3, created: 1, updated: 0, unchanged: 0, duplicates: 1, suppressed: 0, rejected: [{ line: 3, reason: "invalidEmail" }], warnings: [] });
    return contact(ok).then((c) => {
      expect(c).toMatchObject({ sourceDetail: "CLI test", consentStatus: "CONFIRMED" });
      expect(c?.consents[0]).toMatchObject({ basis: "Formulario v1", recordedById: null });
    });
  });

  it("--dry-run writes no contact; a file it cannot read exits non-zero; a missing --source is a usage error", async () => {
    const email = unique("cli-dry");
    const path = writeCsv(["correo", email]);
    const dry = cli([path, "--source", "CLI", "--dry-run", "--json"]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ rows: 1, created: 1 });
    expect(await contact(email)).toBeNull();

    const missing = cli([join(dir, "nope.csv"), "--source", "CLI", "--json"]);
    expect(missing.status).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: "unreadable" });
    const empty = cli([`${FIXTURES}/empty.csv`, "--source", "CLI", "--json"]);
    expect(empty.status).toBe(1);
    expect(JSON.parse(empty.stdout)).toMatchObject({ error: "emptyFile" });
    expect(cli([path]).status).toBe(2);
  });

  it("audits the import as the system from the command line", async () => {
    const path = writeCsv(["correo", unique("cli-audit")]);
    const result = cli([path, "--source", "CLI audit", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const batch = await db.importBatch.findFirstOrThrow({ where: { sourceText: "CLI audit" } });
    const entries = await db.auditLog.findMany({ where: { entity: "importBatch", entityId: batch.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.action, e.actorId, e.ip])).toEqual([
      ["contacts.import.start", null, "cli"],
      ["contacts.import.done", null, "cli"],
    ]);
  });
});

describe("over HTTP", () => {
  async function waitForBatch(id: string, status: string, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const batch = await db.importBatch.findUniqueOrThrow({ where: { id } });
      if (batch.status === status) return batch;
      if (Date.now() > deadline) throw new Error(`import ${id} is ${batch.status} (${batch.error ?? ""}), not ${status}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** A multipart upload as the browser sends it (a string body is sent as UTF-8). */
  function upload(client: TestClient, file: { name: string; body: string }, fields: Record<string, string>) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set("file", new Blob([file.body], { type: "text/csv" }), file.name);
    return client.request("/contacts/import", { method: "POST", body: form, headers: { origin: inject("baseUrl") } });
  }

  const options = { consentBasis: "Registro en evento con aviso de privacidad v1", sourceText: "Feria de Houston (HTTP)", onDuplicate: "SKIP" };

  it("a COMMUNICATIONS user uploads, sees the dry run, confirms, and the job imports", async () => {
    const user = await createUser({ role: "COMMUNICATIONS" });
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    const page = await client.get("/contacts/import");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Importar contactos");

    const good = unique("http");
    const csv = `correo;nombre;apellidos\r\n${good};José;Peña Núñez\r\nmal-correo;Ana;López\r\n`;
    const res = await upload(client, { name: "feria.csv", body: csv }, options);
    expect(res.status).toBe(302);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/contacts\/import\/[a-z0-9]+$/);
    const id = location.split("/").pop()!;

    const analyzed = await waitForBatch(id, "ANALYZED");
    expect(analyzed).toMatchObject({ dryRun: true, rows: 2, created: 1, rejected: 1, delimiter: ";", encoding: "utf-8", createdById: user.id });
    expect(await contact(good)).toBeNull();
    const review = await (await client.get(location)).text();
    expect(review).toContain("Prueba sin cambios");
    expect(review).toContain("Peña Núñez"); // the preview, as stored

    const confirm = await client.post(location, { intent: "confirm" }, { headers: { origin: inject("baseUrl") } });
    expect(confirm.status).toBe(302);
    const done = await waitForBatch(id, "DONE");
    expect(done).toMatchObject({ dryRun: false, rows: 2, created: 1, rejected: 1 });
    expect(await contact(good)).toMatchObject({ familyName: "Peña Núñez", sourceDetail: options.sourceText, importBatchId: id });
    expect((await contact(good))?.consents[0]).toMatchObject({ basis: options.consentBasis, recordedById: user.id, method: "IMPORT" });
    expect(await db.importChunk.count({ where: { batchId: id } })).toBe(0);

    const csvRes = await client.get(`${location}/rejections.csv`);
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get("content-type")).toContain("text/csv");
    const body = Buffer.from(await csvRes.arrayBuffer()).toString("utf8"); // keeps the BOM (text() drops it)
    expect(body).toBe("\uFEFFLínea,Motivo,Código,Fila en el archivo\r\n3,El correo electrónico no es válido.,invalidEmail,mal-correo;Ana;López\r\n");
    const actions = await db.auditLog.findMany({ where: { entity: "importBatch", entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["contacts.import.upload", "contacts.import.confirm", "contacts.import.done", "contacts.import.rejections.download"]);
  });

  it("a header-only upload fails with its precise message and imports nothing", async () => {
    const user = await createUser({ role: "COMMUNICATIONS" });
    const client = new TestClient();
    await client.login(user.email);
    const res = await upload(client, { name: "vacio.csv", body: "correo,nombre\r\n" }, options);
    expect(res.status).toBe(302);
    const location = res.headers.get("location")!;
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: location.split("/").pop()! } });
    expect(batch.status).toBe("FAILED");
    expect(await (await client.get(location)).text()).toContain("El archivo solo tiene la línea de encabezado");
  });

  it("refuses an upload without its options and keeps no file", async () => {
    const user = await createUser({ role: "COMMUNICATIONS" });
    const client = new TestClient();
    await client.login(user.email);
    const res = await upload(client, { name: "x.csv", body: `correo\n${unique("nobasis")}\n` }, { sourceText: "", consentBasis: "", onDuplicate: "SKIP" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Escribe la base del consentimiento");
    expect(await db.importBatch.count({ where: { createdById: user.id } })).toBe(0);
  });

  it("a JUROR gets 403 on the pages, the upload and the download", async () => {
    const juror = await createUser({ role: "JUROR" });
    const client = new TestClient();
    await client.login(juror.email);
    expect((await client.get("/contacts/import")).status).toBe(403);
    expect((await upload(client, { name: "x.csv", body: `correo\n${unique("juror")}\n` }, options)).status).toBe(403);
    expect(await db.importBatch.count({ where: { createdById: juror.id } })).toBe(0);
    const any = await db.importBatch.findFirst({ select: { id: true } });
    expect((await client.get(`/contacts/import/${any?.id ?? "x"}`)).status).toBe(403);
    expect((await client.get(`/contacts/import/${any?.id ?? "x"}/rejections.csv`)).status).toBe(403);
  });
});
