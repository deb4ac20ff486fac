/**
 * Countries and states are ISO codes whatever way they came in (decision 019): the import codes
 * what it knows and warns, with the line, about what it does not; the country filter and a segment
 * then find every imported row; the data migration codes what was stored before.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { filterFromJson, filterFromSearchParams } from "~/modules/contacts/filter";
import { importFile } from "~/modules/contacts/import/file.server";
import { closeImportPool, type ImportSettings } from "~/modules/contacts/import/pipeline.server";
import { contactWhere, listContacts } from "~/modules/contacts/query.server";
import { createSegment, getSegmentFilter } from "~/modules/contacts/segments.server";
import { createUser } from "../support/factories";

const dir = mkdtempSync(join(tmpdir(), "alcance-geo-test-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeImportPool();
});

const settings: ImportSettings = { sourceText: "Países de prueba", consentBasis: "Formulario con aviso v1", onDuplicate: "SKIP" };

function spreadsheet(tag: string): { path: string; emails: string[] } {
  const rows: Array<[string, string]> = [
    ["Estados Unidos", "Texas"],
    ["EE. UU.", "TX"],
    ["USA", "California"],
    ["United States", ""],
    ["España", "Andalucía"],
    ["Spain", ""],
    ["", "Texas"],
    ["Narnia", ""],
    ["México", "Atlántida"],
  ];
  const emails = rows.map((_, i) => `geo-${i}-${tag}@regions.example`);
  const lines = ["correo,nombre,país,estado,etiquetas,notas", ...rows.map(([country, state], i) => `${emails[i]},Persona ${i},${country},${state},${tag},${i === 7 ? "Vino en bici" : ""}`)];
  const path = join(dir, `${tag}.csv`);
  writeFileSync(path, `${lines.join("\n")}\n`, "utf8");
  return { path, emails };
}

async function idsWhere(filter: Parameters<typeof listContacts>[0]): Promise<string[]> {
  const page = await listContacts(filter, null);
  return page.rows.map((r) => r.email).sort();
}

describe("the import codes countries and states", () => {
  it("stores codes, warns with the line about unknown values and keeps them in the notes; the dry run says the same", async () => {
    const tag = `geo${randomUUID().slice(0, 8)}`;
    const { path, emails } = spreadsheet(tag);

    const dry = await importFile(path, settings, { dryRun: true });
    const expectedWarnings = [
      { line: 9, field: "country", value: "Narnia" },
      { line: 10, field: "state", value: "Atlántida" },
    ];
    expect(dry.warnings).toEqual(expectedWarnings);
    expect(await db.contact.count({ where: { email: { in: emails } } })).toBe(0);

    const run = await importFile(path, settings);
    expect(run.result).toMatchObject({ status: "DONE", created: 9, rejected: 0 });
    expect(run.warnings).toEqual(expectedWarnings);

    const stored = await db.contact.findMany({ where: { email: { in: emails } }, select: { email: true, country: true, state: true, notes: true } });
    const byEmail = new Map(stored.map((c) => [c.email, c]));
    expect(emails.map((e) => [byEmail.get(e)?.country, byEmail.get(e)?.state])).toEqual([
      ["US", "US-TX"],
      ["US", "US-TX"],
      ["US", "US-CA"],
      ["US", null],
      ["ES", "Andalucía"],
      ["ES", null],
      ["US", "US-TX"], // a state alone implies its country when the name is unique
      [null, null],
      ["MX", null],
    ]);
    expect(byEmail.get(emails[7]!)?.notes).toBe("Vino en bici\nPaís sin reconocer: «Narnia»");
    expect(byEmail.get(emails[8]!)?.notes).toBe("Estado sin reconocer: «Atlántida»");

    // Everyone from the United States, whatever the spreadsheet called it, by the list's filter…
    const us = emails.filter((_, i) => [0, 1, 2, 3, 6].includes(i)).sort();
    expect(await idsWhere(filterFromSearchParams(new URLSearchParams({ tag, country: "US" })))).toEqual(us);
    // …by a name typed in the URL…
    expect(await idsWhere(filterFromSearchParams(new URLSearchParams({ tag, country: "Estados Unidos" })))).toEqual(us);
    expect(await idsWhere(filterFromSearchParams(new URLSearchParams({ tag, country: "US", state: "Texas" })))).toEqual([emails[0]!, emails[1]!, emails[6]!].sort());
    // …and by a segment, which is what bulletins send to.
    const admin = await createUser({ role: "COMMUNICATIONS" });
    const created = await createSegment({ userId: admin.id, ip: null }, { name: `España ${tag}`, filter: filterFromSearchParams(new URLSearchParams({ tag, country: "España" })) });
    expect(created.ok).toBe(true);
    const segment = await getSegmentFilter(`España ${tag}`);
    expect(segment?.filter.country).toBe("ES");
    const inSegment = await db.$queryRaw<Array<{ email: string }>>`SELECT email FROM "Contact" WHERE ${contactWhere(segment!.filter)} ORDER BY email`;
    expect(inSegment.map((r) => r.email)).toEqual([emails[4]!, emails[5]!].sort());
  });

  it("the CLI's --json output lists the warnings with their lines", () => {
    const tag = `geocli${randomUUID().slice(0, 8)}`;
    const { path } = spreadsheet(tag);
    const result = spawnSync(process.execPath, ["bin/alcance.js", "contacts", "import", path, "--source", "CLI", "--dry-run", "--json"], { encoding: "utf8", env: process.env });
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout.trim()) as { warnings: unknown[] };
    expect(out.warnings).toEqual([
      { line: 9, field: "country", value: "Narnia" },
      { line: 10, field: "state", value: "Atlántida" },
    ]);
  });
});

describe("forms and filters code what they are given", () => {
  it("a stored segment written with a country name selects the code", () => {
    expect(filterFromJson({ country: "Estados Unidos", state: "Texas" })).toMatchObject({ country: "US", state: "US-TX" });
    expect(filterFromJson({ country: "Narnia" })).toMatchObject({ country: "Narnia" });
  });
});

describe("the iso_regions data migration", () => {
  const sql = readFileSync("prisma/migrations/20261207100000_iso_regions/migration.sql", "utf8");

  it("codes the countries and states stored as text, leaves and reports what it cannot map", async () => {
    const tag = randomUUID().slice(0, 8);
    const rows = [
      ["Estados Unidos", "Texas"],
      ["EE. UU.", "tx"],
      ["USA", "Nueva York"],
      ["España", "Madrid"],
      [null, "Jalisco"],
      ["Narnia", "Cair Paravel"],
      ["México", "Atlántida"],
    ] as const;
    const emails = rows.map((_, i) => `legacy-${i}-${tag}@regions.example`);
    await db.contact.createMany({ data: rows.map(([country, state], i) => ({ email: emails[i]!, country, state, source: "IMPORT" as const, consentStatus: "PENDING" as const })) });
    const partner = await db.partner.create({ data: { name: `Institución ${tag}`, kind: "CIVIL_SOCIETY", country: "Estados Unidos de América", state: "California" } });
    const segment = await db.segment.create({ data: { name: `Legado ${tag}`, filter: { country: "Estados Unidos", state: "Texas" } } });

    // Run in a transaction rolled back at the end: other test files' rows are left as they were.
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    const notices: string[] = [];
    client.on("notice", (n) => notices.push(n.message ?? ""));
    try {
      await client.query("BEGIN");
      await client.query(sql);
      const { rows: after } = await client.query<{ email: string; country: string | null; state: string | null }>(
        `SELECT email, country, state FROM "Contact" WHERE email = ANY ($1::text[])`,
        [emails],
      );
      const byEmail = new Map(after.map((r) => [r.email, [r.country, r.state]]));
      expect(emails.map((e) => byEmail.get(e))).toEqual([
        ["US", "US-TX"],
        ["US", "US-TX"],
        ["US", "US-NY"],
        ["ES", "Madrid"],
        ["MX", "MX-JAL"],
        ["Narnia", "Cair Paravel"],
        ["MX", "Atlántida"],
      ]);
      const { rows: partners } = await client.query(`SELECT country, state FROM "Partner" WHERE id = $1`, [partner.id]);
      expect(partners[0]).toEqual({ country: "US", state: "US-CA" });
      const { rows: segments } = await client.query(`SELECT filter FROM "Segment" WHERE id = $1`, [segment.id]);
      expect(segments[0].filter).toEqual({ country: "US", state: "US-TX" });
      const contactNotice = notices.find((n) => n.includes('"Contact"'));
      expect(contactNotice).toMatch(/iso_regions: [1-9]\d* rows of "Contact" keep a country that is not an ISO code, [1-9]\d* a state/);

      // Idempotent: a second run changes nothing it already coded.
      await client.query(sql);
      const { rows: again } = await client.query(`SELECT count(*)::int AS n FROM "Contact" WHERE email = ANY ($1::text[]) AND country = 'US'`, [emails]);
      expect(again[0].n).toBe(3);
    } finally {
      await client.query("ROLLBACK").catch(() => {});
      await client.end();
    }

    // What it could not map, listed for a person to correct.
    const cli = spawnSync(process.execPath, ["bin/alcance.js", "geo", "unmapped", "--json"], { encoding: "utf8", env: process.env });
    expect(cli.status, cli.stderr).toBe(0);
    const report = JSON.parse(cli.stdout.trim()) as { values: Array<{ table: string; field: string; value: string; rows: number }> };
    expect(report.values).toEqual(expect.arrayContaining([expect.objectContaining({ table: "Contact", field: "country", value: "Narnia" })]));
  });
});
