/**
 * The contacts list against the real database and web server: accent- and case-blind search,
 * every filter, keyset paging for every sort, the bounded count, bulk actions (selection and whole
 * filtered set, audited once), permissions, segments, the CSV export (web and CLI). Every test
 * makes contacts of its own, scoped by a random tag, since other test files share the database.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { ConsentStatus, ContactSource, SubscriptionStatus } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { EXPORT_HEADERS } from "~/modules/contacts/fields";
import { filterFromSearchParams, type ContactFilter } from "~/modules/contacts/filter";
import { applyBulk, previewBulk } from "~/modules/contacts/bulk.server";
import { csvLine, UTF8_BOM } from "~/lib/csv";
import { contactsCsv } from "~/modules/contacts/export.server";
import { contactWhere, countContacts, listContacts, parseCursor, searchPlan, SEARCH_COUNT_LIMIT } from "~/modules/contacts/query.server";
import { createSegment, getSegmentFilter, listSegments } from "~/modules/contacts/segments.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

type Seed = {
  email?: string;
  givenName?: string | null;
  familyName?: string | null;
  country?: string | null;
  state?: string | null;
  city?: string | null;
  language?: string | null;
  phone?: string | null;
  tags?: string[];
  notes?: string | null;
  source?: ContactSource;
  consentStatus?: ConsentStatus;
  subscriptionStatus?: SubscriptionStatus;
  createdAt?: Date;
};

const newTag = () => `t-${randomUUID().slice(0, 8)}`;

/** Inserts contacts carrying `tag` (plus their own tags); returns them with their ids, in input order. */
async function seed(tag: string, rows: Seed[]) {
  const created = [];
  for (const [i, row] of rows.entries()) {
    created.push(
      await db.contact.create({
        data: {
          email: row.email ?? `${tag}-${i}-${randomUUID().slice(0, 6)}@example.org`,
          givenName: row.givenName === undefined ? null : row.givenName,
          familyName: row.familyName === undefined ? null : row.familyName,
          country: row.country ?? null,
          state: row.state ?? null,
          city: row.city ?? null,
          language: row.language ?? null,
          phone: row.phone ?? null,
          tags: [...new Set([tag, ...(row.tags ?? [])])].sort(),
          notes: row.notes ?? null,
          source: row.source ?? "MANUAL",
          consentStatus: row.consentStatus ?? "CONFIRMED",
          subscriptionStatus: row.subscriptionStatus ?? "SUBSCRIBED",
          ...(row.createdAt ? { createdAt: row.createdAt } : {}),
        },
      }),
    );
  }
  return created;
}

async function ids(filter: Partial<ContactFilter>): Promise<number[]> {
  const all: number[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listContacts>> = await listContacts({ sort: "created", ...filter }, cursor);
    all.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  return all.sort((a, b) => a - b);
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

async function signedIn(role: "COMMUNICATIONS" | "COORDINATOR" | "JUROR" | "ADMIN") {
  const user = await createUser({ role });
  if (role === "ADMIN") await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
  const client = new TestClient();
  const res = await client.login(user.email);
  expect(res.status).toBe(302);
  return { user, client };
}

function form(values: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return body;
}

async function post(client: TestClient, path: string, values: Record<string, string | string[]>) {
  return client.request(path, { method: "POST", body: form(values), headers: { "content-type": "application/x-www-form-urlencoded" } });
}

const decodeHtml = (html: string) => html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** The two steps of a bulk action: the confirmation (with its exact number), then the apply of that set. */
async function confirmAndApply(client: TestClient, values: Record<string, string | string[]>) {
  const preview = decodeHtml(await (await post(client, "/contacts?index", { ...values, intent: "bulk-preview" })).text());
  const confirmed = preview.match(/name="confirmed" value="([^"]+)"/)?.[1];
  expect(confirmed).toBeTruthy();
  return post(client, "/contacts?index", { ...values, intent: "bulk-apply", confirmed: confirmed! });
}

describe("search", () => {
  it("is blind to accents and case and finds partial words in names and e-mails", async () => {
    const tag = newTag();
    const [garcia, pena, nunez, plain] = await seed(tag, [
      { givenName: "José", familyName: "García López" },
      { givenName: "María", familyName: "Peña" },
      { givenName: "Íñigo", familyName: "Núñez", email: `inunez-${tag}@correo.mx` },
      { givenName: "Ana", familyName: "Smith", email: `ana.smith-${tag}@example.org` },
    ]);
    const find = (q: string) => ids({ q, tag });
    expect(await find("garcia")).toEqual([garcia!.id]);
    expect(await find("GARCÍA")).toEqual([garcia!.id]);
    expect(await find("PENA")).toEqual([pena!.id]);
    expect(await find("peña")).toEqual([pena!.id]);
    expect(await find("arcí")).toEqual([garcia!.id]);
    expect(await find("uñe")).toEqual([nunez!.id]);
    expect(await find("inigo nunez")).toEqual([nunez!.id]);
    expect(await find("nunez inigo")).toEqual([nunez!.id]); // words in any order
    expect(await find("jose lopez")).toEqual([garcia!.id]);
    expect(await find(`smith-${tag}@exa`)).toEqual([plain!.id]); // e-mail fragment
    expect(await find("correo.mx")).toEqual([nunez!.id]);
    expect(await find("garcia zzz")).toEqual([]);
    expect(await find("50%")).toEqual([]); // % is literal, not a wildcard
  });

  it("matches e-mails that start with a term of one or two characters (no trigram to use)", async () => {
    const tag = newTag();
    const [zq, other] = await seed(tag, [
      { givenName: "Zoe", familyName: "Quintana", email: `zq${randomUUID().slice(0, 6)}@example.org` },
      { givenName: "Ana", familyName: "Zquez", email: `ana-zq-${randomUUID().slice(0, 6)}@example.org` },
    ]);
    expect(searchPlan("zq")).toEqual({ kind: "emailPrefix", term: "zq" });
    expect(searchPlan("Zoé")).toEqual({ kind: "contains", words: ["zoe"], short: [] });
    expect(await ids({ q: "ZQ", tag })).toEqual([zq!.id]);
    expect(await ids({ q: "zquez", tag })).toEqual([other!.id]);
    // A short word next to a long one must also appear.
    expect(await ids({ q: "zoe qu", tag })).toEqual([zq!.id]);
    expect(await ids({ q: "zoe xy", tag })).toEqual([]);
  });

  it("uses the trigram index for ?q= and the tag index for tags", async () => {
    const explain = (where: ReturnType<typeof contactWhere>) =>
      db.$transaction(async (tx) => {
        // A test table is small: tell the planner a scan of it is not an option.
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const plan = await tx.$queryRaw<Array<{ "QUERY PLAN": string }>>`EXPLAIN SELECT 1 FROM "Contact" WHERE ${where}`;
        return plan.map((r) => r["QUERY PLAN"]).join("\n");
      });
    expect(await explain(contactWhere({ q: "garcía" }))).toContain("Contact_search_trgm_idx");
    expect(await explain(contactWhere({ tag: "voluntario" }))).toContain("Contact_tags_idx");
    expect(await explain(contactWhere({ q: "ga" }))).toContain("Contact_email_key");
  });
});

describe("filters", () => {
  it("narrows by each filter and by several at once", async () => {
    const tag = newTag();
    const rows = await seed(tag, [
      { country: "US", state: "TX", language: "es", source: "IMPORT", consentStatus: "CONFIRMED", subscriptionStatus: "SUBSCRIBED", tags: ["prensa"] },
      { country: "US", state: "CA", language: "en", source: "EVENT_SIGNUP", consentStatus: "PENDING", subscriptionStatus: "SUBSCRIBED" },
      { country: "CA", state: "ON", language: "fr", source: "FORM", consentStatus: "WITHDRAWN", subscriptionStatus: "UNSUBSCRIBED", tags: ["prensa", "voluntario"] },
      { country: "ES", state: "Madrid", language: "es", source: "PARTNER", consentStatus: "CONFIRMED", subscriptionStatus: "BOUNCED" },
      { country: null, state: null, language: null, source: "MANUAL", consentStatus: "CONFIRMED", subscriptionStatus: "COMPLAINED" },
    ]);
    const id = (i: number) => rows[i]!.id;
    expect(await ids({ tag })).toEqual(sorted(rows.map((r) => r.id)));
    expect(await ids({ tag, country: "US" })).toEqual(sorted([id(0), id(1)]));
    expect(await ids({ tag, state: "ON" })).toEqual([id(2)]);
    expect(await ids({ tag, country: "US", state: "CA" })).toEqual([id(1)]);
    expect(await ids({ tag, language: "es" })).toEqual(sorted([id(0), id(3)]));
    expect(await ids({ tag, source: "EVENT_SIGNUP" })).toEqual([id(1)]);
    expect(await ids({ tag, consent: "CONFIRMED" })).toEqual(sorted([id(0), id(3), id(4)]));
    expect(await ids({ tag, consent: "WITHDRAWN" })).toEqual([id(2)]);
    expect(await ids({ tag, subscription: "BOUNCED" })).toEqual([id(3)]);
    expect(await ids({ tag, subscription: "SUBSCRIBED", consent: "CONFIRMED" })).toEqual([id(0)]);
    expect(await ids({ tag: "prensa", country: "CA", q: rows[2]!.email })).toEqual([id(2)]);
    expect(await ids({ tag, country: "GB" })).toEqual([]);

    // What bulletins will use: confirmed and subscribed only.
    const sendable = await db.$queryRaw<Array<{ id: number }>>`
      SELECT "id" FROM "Contact" WHERE ${contactWhere({ tag }, { confirmedSubscribedOnly: true })} ORDER BY "id"`;
    expect(sendable.map((r) => r.id)).toEqual([id(0)]);
    const aliased = await db.$queryRaw<Array<{ id: number }>>`
      SELECT c."id" FROM "Contact" AS c WHERE ${contactWhere({ tag, q: "example" }, { alias: "c", confirmedSubscribedOnly: true })}`;
    expect(aliased.map((r) => r.id)).toEqual([id(0)]);
  });
});

describe("paging by key", () => {
  it("walks every sort through several pages without gaps or duplicates, in order", async () => {
    const tag = newTag();
    const base = Date.UTC(2026, 0, 1);
    const given = ["Ana", "Álvaro", "beatriz", "Óscar", null, "Zoe"];
    const family = ["Zúñiga", "álvarez", "Peña", null, "García", "garcía"];
    const countries = ["US", "CA", null, "ES", "US"];
    const rows = await seed(
      tag,
      Array.from({ length: 137 }, (_, i) => ({
        givenName: i % 7 === 0 ? null : given[i % given.length],
        familyName: i % 7 === 0 ? null : family[i % family.length],
        country: countries[i % countries.length],
        state: i % 3 === 0 ? null : `S${i % 4}`,
        email: `${String.fromCharCode(97 + (i % 26))}${i}-${tag}@example.org`,
        // Many contacts share a creation instant: the id breaks the tie.
        createdAt: new Date(base + Math.floor(i / 10) * 1000),
      })),
    );
    const expected = sorted(rows.map((r) => r.id));
    // Each way the loader finds a page: from the capped count's scan (few matches), from the probe
    // of the sort index (many matches), and through the fallback when the probe is too short.
    const strategies = [{}, { countLimit: 10 }, { countLimit: 10, probeRows: 7 }];
    for (const [sort, options] of (["created", "name", "email", "country"] as const).flatMap((s) => strategies.map((o) => [s, o] as const))) {
      const seen: number[] = [];
      const pages: Array<Awaited<ReturnType<typeof listContacts>>["rows"]> = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listContacts>> = await listContacts({ tag, sort }, cursor, options);
        expect(page.rows.length).toBeLessThanOrEqual(50);
        expect(page.count.exact, JSON.stringify(options)).toBe(!("countLimit" in options));
        pages.push(page.rows);
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages.length, sort).toBe(3);
      expect(new Set(seen).size, `${sort}: duplicates`).toBe(seen.length);
      expect(sorted(seen), `${sort}: gaps`).toEqual(expected);
      const all = pages.flat();
      for (let i = 1; i < all.length; i++) {
        const a = all[i - 1]!;
        const b = all[i]!;
        if (sort === "created") {
          const order = new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a.id - b.id;
          expect(order, "created: newest first, then id descending").toBeGreaterThan(0);
        }
        if (sort === "email") expect(a.email < b.email).toBe(true);
        if (sort === "country") expect(a.country === null && b.country !== null, "missing countries last").toBe(false);
        if (sort === "name") {
          const noName = (r: typeof a) => !r.givenName && !r.familyName;
          expect(noName(a) && !noName(b), "missing names last").toBe(false);
        }
      }
      if (sort === "name") {
        // Accent- and case-blind: "álvarez" sorts with the a's, not after "z".
        const families = all.map((r) => r.familyName).filter(Boolean);
        expect(families.indexOf("álvarez")).toBeLessThan(families.indexOf("García"));
        expect(families.indexOf("Peña")).toBeLessThan(families.indexOf("Zúñiga"));
      }
    }
  });

  it("ignores a forged cursor or one from another sort", async () => {
    const tag = newTag();
    await seed(tag, Array.from({ length: 3 }, () => ({})));
    expect(parseCursor("garbage", "created")).toBeNull();
    const page = await listContacts({ tag, sort: "email" }, null, { pageSize: 1 });
    expect(page.nextCursor).toBeTruthy();
    expect(parseCursor(page.nextCursor, "email")).not.toBeNull();
    expect(parseCursor(page.nextCursor, "created")).toBeNull();
    const restarted = await listContacts({ tag, sort: "created" }, page.nextCursor);
    expect(restarted.rows).toHaveLength(3);
  });
});

describe("count", () => {
  it("is exact up to the limit and the planner's estimate above it", async () => {
    const tag = newTag();
    await seed(tag, Array.from({ length: 8 }, () => ({ country: "MX" })));
    expect(await countContacts({ tag, sort: "created" })).toEqual({ value: 8, exact: true });
    expect(await countContacts({ tag, sort: "created" }, { limit: 8 })).toEqual({ value: 8, exact: true });
    const over = await countContacts({ tag, sort: "created" }, { limit: 5 });
    expect(over.exact).toBe(false);
    expect(over.value).toBeGreaterThanOrEqual(0);
    const list = await listContacts({ tag, sort: "created" }, null, { countLimit: 5 });
    expect(list.count.exact).toBe(false);
    expect(list.rows).toHaveLength(8);
  });

  it("counts a text search exactly only up to SEARCH_COUNT_LIMIT, a filter up to EXACT_COUNT_LIMIT", async () => {
    const tag = newTag();
    const surname = `Qzx${randomUUID().slice(0, 6)}`;
    await db.$executeRaw`
      INSERT INTO "Contact" ("email", "familyName", "tags", "source", "consentStatus")
      SELECT ${tag} || '-' || g || '@bulk.example', ${surname}, ARRAY[${tag}], 'MANUAL', 'CONFIRMED'
      FROM generate_series(1, ${SEARCH_COUNT_LIMIT + 1}) AS g`;
    const byTag = await listContacts({ tag, sort: "created" });
    expect(byTag.count).toEqual({ value: SEARCH_COUNT_LIMIT + 1, exact: true });
    const bySearch = await listContacts({ q: surname.toLowerCase(), tag, sort: "created" });
    expect(bySearch.count.exact).toBe(false);
    expect(bySearch.count.value).toBeGreaterThan(SEARCH_COUNT_LIMIT);
    expect(bySearch.rows.length).toBeGreaterThan(0);
    expect(bySearch.nextCursor).not.toBeNull();
  });
});

describe("the /contacts page", () => {
  it("lists, searches and filters with everything in the URL, for a COORDINATOR too", async () => {
    const tag = newTag();
    const [row] = await seed(tag, [{ givenName: "Guadalupe", familyName: "Peña", country: "US", state: "TX", language: "es", tags: ["prensa"] }]);
    await seed(tag, [{ givenName: "Otra", familyName: "Persona", country: "CA" }]);
    const { client } = await signedIn("COORDINATOR");
    const res = await client.get(`/contacts?q=PENA&tag=${tag}`);
    expect(res.status).toBe(200);
    const html = decodeHtml(await res.text());
    expect(html).toContain("Guadalupe Peña");
    expect(html).not.toContain("Otra Persona");
    expect(html).toContain(`href="/contacts/${row!.id}"`);
    expect(html).toMatch(/1 contacto</);
    // A coordinator reads but has no bulk actions, import, new or export.
    expect(html).not.toContain('name="intent" value="bulk-preview"');
    expect(html).not.toContain('href="/contacts/new"');
    expect(html).not.toContain("/contacts/export.csv");

    const short = decodeHtml(await (await client.get(`/contacts?q=gu&tag=${tag}`)).text());
    expect(short).toContain("Con menos de 3 caracteres");
  });

  it("offers import, new contact, export and bulk actions to COMMUNICATIONS, and pages with the filters kept", async () => {
    const tag = newTag();
    await seed(tag, Array.from({ length: 55 }, (_, i) => ({ givenName: `Persona ${i}`, country: "US" })));
    const { client } = await signedIn("COMMUNICATIONS");
    const html = decodeHtml(await (await client.get(`/contacts?tag=${tag}&country=US&sort=name`)).text());
    expect(html).toContain('href="/contacts/new"');
    expect(html).toContain('href="/contacts/import"');
    expect(html).toContain(`/contacts/export.csv?country=US&tag=${tag}&sort=name`);
    expect(html).toContain('value="bulk-preview"');
    expect(html).toContain("55 contactos");
    const next = html.match(/href="(\/contacts\?[^"]*cursor=[^"]+)"/)?.[1];
    expect(next).toBeTruthy();
    expect(next).toContain(`tag=${tag}`);
    expect(next).toContain("country=US");
    const page2 = decodeHtml(await (await client.get(next!)).text());
    expect(page2).toContain("Primera página");
    expect((page2.match(/<input type="checkbox"[^>]*name="id"/g) ?? []).length).toBe(5);
  });

  it("answers 403 to a JUROR", async () => {
    const { client } = await signedIn("JUROR");
    expect((await client.get("/contacts")).status).toBe(403);
    expect((await client.get("/contacts/segments")).status).toBe(403);
    expect((await client.get("/contacts/export.csv")).status).toBe(403);
  });

  it("keeps the other contact pages reachable at their URLs (no layout hides them)", async () => {
    const { client } = await signedIn("COMMUNICATIONS");
    const [row] = await seed(newTag(), [{ givenName: "Visible" }]);
    const detail = await client.get(`/contacts/${row!.id}`);
    expect(detail.status).toBe(200);
    expect(await detail.text()).not.toContain("contacts-bulk");
    const created = await client.get("/contacts/new");
    expect(created.status).toBe(200);
    expect(await created.text()).not.toContain("contacts-bulk");
  });
});

describe("bulk actions", () => {
  it("tags and untags a selection after a confirmation that shows how many, audited once", async () => {
    const tag = newTag();
    const rows = await seed(tag, [{}, {}, {}, { tags: ["ya-tiene"] }]);
    const { user, client } = await signedIn("COMMUNICATIONS");
    const selected = [rows[0]!.id, rows[3]!.id];
    const preview = await post(client, `/contacts?index&tag=${tag}`, {
      intent: "bulk-preview",
      operation: "tag",
      tag: " Ya-Tiene ",
      scope: "selection",
      id: selected.map(String),
      filter: `tag=${tag}`,
    });
    expect(preview.status).toBe(200);
    const html = decodeHtml(await preview.text());
    // rows[3] already has the tag: only one contact changes.
    expect(html).toContain("Se agregará la etiqueta «ya-tiene» a 1 contacto.");
    expect(await db.contact.count({ where: { tags: { has: "ya-tiene" }, id: { in: rows.map((r) => r.id) } } })).toBe(1);

    const apply = await confirmAndApply(client, { operation: "tag", tag: "ya-tiene", scope: "selection", id: selected.map(String), filter: `tag=${tag}` });
    expect(apply.status).toBe(302);
    expect(apply.headers.get("location")).toBe(`/contacts?tag=${tag}`);
    const after = await db.contact.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { id: "asc" } });
    expect(after.map((r) => r.tags.includes("ya-tiene"))).toEqual([true, false, false, true]);
    expect(after[0]!.tags).toEqual([tag, "ya-tiene"].sort());
    const entries = await db.auditLog.findMany({ where: { actorId: user.id, action: "contacts.bulk.tag" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ scope: "selection", ids: selected, tag: "ya-tiene", count: 1 });

    const untag = await confirmAndApply(client, { operation: "untag", tag: "ya-tiene", scope: "selection", id: [String(rows[3]!.id)], filter: "" });
    expect(untag.status).toBe(302);
    expect((await db.contact.findUniqueOrThrow({ where: { id: rows[3]!.id } })).tags).toEqual([tag]);
    expect((await db.contact.findUniqueOrThrow({ where: { id: rows[0]!.id } })).tags).toContain("ya-tiene");
  });

  it("applies to the whole filtered set and leaves the rest untouched", async () => {
    const tag = newTag();
    const inside = await seed(tag, Array.from({ length: 6 }, (_, i) => ({ country: "MX", subscriptionStatus: i === 5 ? ("BOUNCED" as const) : ("SUBSCRIBED" as const) })));
    const outside = await seed(tag, Array.from({ length: 3 }, () => ({ country: "US" })));
    const { user, client } = await signedIn("COMMUNICATIONS");
    const filter = `tag=${tag}&country=MX`;

    const preview = await post(client, "/contacts?index", { intent: "bulk-preview", operation: "unsubscribe", scope: "all", filter });
    expect(decodeHtml(await preview.text())).toContain("Se darán de baja 5 contactos suscritos");

    for (const [operation, extra] of [
      ["tag", { tag: "campaña-mx" }],
      ["unsubscribe", {}],
    ] as const) {
      const res = await confirmAndApply(client, { operation, scope: "all", filter, ...extra });
      expect(res.status).toBe(302);
    }
    const insideNow = await db.contact.findMany({ where: { id: { in: inside.map((r) => r.id) } } });
    expect(insideNow.every((r) => r.tags.includes("campaña-mx"))).toBe(true);
    expect(insideNow.filter((r) => r.subscriptionStatus === "UNSUBSCRIBED")).toHaveLength(5);
    expect(insideNow.filter((r) => r.subscriptionStatus === "BOUNCED")).toHaveLength(1);
    const outsideNow = await db.contact.findMany({ where: { id: { in: outside.map((r) => r.id) } } });
    expect(outsideNow.every((r) => !r.tags.includes("campaña-mx") && r.subscriptionStatus === "SUBSCRIBED")).toBe(true);

    const tagged = await db.auditLog.findMany({ where: { actorId: user.id, action: "contacts.bulk.tag" } });
    expect(tagged).toHaveLength(1);
    expect(tagged[0]!.after).toMatchObject({ scope: "filter", filter: { tag, country: "MX" }, tag: "campaña-mx", count: 6 });
    const unsubscribed = await db.auditLog.findMany({ where: { actorId: user.id, action: "contacts.bulk.unsubscribe" } });
    expect(unsubscribed.map((e) => e.after)).toEqual([{ scope: "filter", filter: { tag, country: "MX" }, count: 5 }]);

    // Untag the whole set: one statement, one entry.
    const res = await confirmAndApply(client, { operation: "untag", scope: "all", filter: `tag=${tag}`, tag: "campaña-mx" });
    expect(res.status).toBe(302);
    expect(await db.contact.count({ where: { tags: { has: "campaña-mx" }, id: { in: [...inside, ...outside].map((r) => r.id) } } })).toBe(0);
    const untagged = await db.auditLog.findMany({ where: { actorId: user.id, action: "contacts.bulk.untag" } });
    expect(untagged.map((e) => (e.after as { count: number }).count)).toEqual([6]);
  });

  it("deletes a selection or the filtered set, saying it is not the ARCO erasure", async () => {
    const tag = newTag();
    const rows = await seed(tag, [{ country: "DE" }, { country: "DE" }, { country: "DE" }, { country: "FR" }]);
    await db.consentRecord.create({ data: { contactId: rows[0]!.id, status: "CONFIRMED", method: "MANUAL" } });
    const { user, client } = await signedIn("COMMUNICATIONS");

    const preview = await post(client, "/contacts?index", { intent: "bulk-preview", operation: "delete", scope: "selection", id: [String(rows[0]!.id)], filter: "" });
    const html = decodeHtml(await preview.text());
    expect(html).toContain("Se eliminará 1 contacto");
    expect(html).toContain("no es la cancelación de datos personales de los derechos ARCO");
    expect(await db.contact.count({ where: { id: rows[0]!.id } })).toBe(1);

    expect((await confirmAndApply(client, { operation: "delete", scope: "selection", id: [String(rows[0]!.id)], filter: "" })).status).toBe(302);
    expect(await db.contact.count({ where: { id: rows[0]!.id } })).toBe(0);
    expect(await db.consentRecord.count({ where: { contactId: rows[0]!.id } })).toBe(0);

    expect((await confirmAndApply(client, { operation: "delete", scope: "all", filter: `tag=${tag}&country=DE` })).status).toBe(302);
    const left = await db.contact.findMany({ where: { tags: { has: tag } } });
    expect(left.map((r) => r.id)).toEqual([rows[3]!.id]);
    const entries = await db.auditLog.findMany({ where: { actorId: user.id, action: "contacts.bulk.delete" }, orderBy: { id: "asc" } });
    expect(entries.map((e) => (e.after as { count: number }).count)).toEqual([1, 2]);
  });

  it("refuses a bulk action without a selection or a tag, and to a COORDINATOR", async () => {
    const tag = newTag();
    const [row] = await seed(tag, [{}]);
    const { client } = await signedIn("COMMUNICATIONS");
    const none = await post(client, "/contacts?index", { intent: "bulk-preview", operation: "unsubscribe", scope: "selection", filter: "" });
    expect(none.status).toBe(400);
    expect(decodeHtml(await none.text())).toContain("Marca al menos un contacto");
    const noTag = await post(client, "/contacts?index", { intent: "bulk-preview", operation: "tag", tag: "  ", scope: "selection", id: [String(row!.id)], filter: "" });
    expect(noTag.status).toBe(400);

    const coordinator = await signedIn("COORDINATOR");
    const before = await db.auditLog.count({ where: { actorId: coordinator.user.id, action: "permission.denied" } });
    const denied = await post(coordinator.client, "/contacts?index", { intent: "bulk-apply", operation: "delete", scope: "all", filter: `tag=${tag}` });
    expect(denied.status).toBe(403);
    expect(await db.contact.count({ where: { id: row!.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { actorId: coordinator.user.id, action: "permission.denied" } })).toBe(before + 1);
    expect((await post(coordinator.client, "/contacts/segments", { intent: "create", name: `x-${tag}`, filter: "" })).status).toBe(403);
    expect((await coordinator.client.get(`/contacts/export.csv?tag=${tag}`)).status).toBe(403);
  });

  it("counts what would change before doing it (module API)", async () => {
    const tag = newTag();
    const rows = await seed(tag, [{}, {}, { tags: ["x-ya"] }]);
    const request = { operation: "tag" as const, tag: "x-ya", scope: { kind: "filter" as const, filter: filterFromSearchParams(new URLSearchParams(`tag=${tag}`)) } };
    expect((await previewBulk(request)).count).toBe(2);
    expect(await applyBulk({ userId: null, ip: "test" }, request)).toBe(2);
    expect((await previewBulk(request)).count).toBe(0);
    expect(await applyBulk({ userId: null, ip: "test" }, request)).toBe(0);
    expect((await db.contact.findUniqueOrThrow({ where: { id: rows[2]!.id } })).tags).toEqual([tag, "x-ya"].sort());
  });
});

describe("segments", () => {
  it("saves the current filter by name, counts it live, refuses a taken name, renames and deletes, audited", async () => {
    const tag = newTag();
    await seed(tag, [{ country: "US" }, { country: "US" }, { country: "CA" }]);
    const { user, client } = await signedIn("COMMUNICATIONS");
    const name = `Texanos ${tag}`;
    const res = await post(client, "/contacts/segments", { intent: "create", name: `  ${name} `, filter: `tag=${tag}&country=US&cursor=abc` });
    expect(res.status).toBe(302);
    const segment = await db.segment.findUniqueOrThrow({ where: { name } });
    expect(segment.filter).toEqual({ country: "US", tag });
    expect(segment.createdById).toBe(user.id);

    const listed = (await listSegments()).find((s) => s.id === segment.id);
    expect(listed?.count).toEqual({ value: 2, exact: true });
    await seed(tag, [{ country: "US" }]);
    expect((await listSegments()).find((s) => s.id === segment.id)?.count).toEqual({ value: 3, exact: true });

    const page = decodeHtml(await (await client.get("/contacts/segments")).text());
    expect(page).toContain(name);
    expect(page).toContain("3 contactos");

    const dup = await post(client, "/contacts/segments", { intent: "create", name: name.toUpperCase(), filter: `tag=${tag}` });
    expect(dup.status).toBe(409);
    expect(decodeHtml(await dup.text())).toContain(`Ya existe un segmento llamado «${name.toUpperCase()}»`);
    expect(await db.segment.count({ where: { name: { contains: tag } } })).toBe(1);

    const open = await client.get(`/contacts?segment=${segment.id}`);
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe(`/contacts?country=US&tag=${tag}`);

    const other = await createSegment({ userId: user.id }, { name: `Otro ${tag}`, filter: { sort: "created", tag } });
    expect(other.ok).toBe(true);
    const taken = await post(client, "/contacts/segments", { intent: "rename", id: segment.id, name: `Otro ${tag}` });
    expect(taken.status).toBe(409);
    const renamed = await post(client, "/contacts/segments", { intent: "rename", id: segment.id, name: `Tejanos ${tag}` });
    expect(renamed.status).toBe(302);
    expect((await getSegmentFilter(`Tejanos ${tag}`))?.filter).toEqual({ country: "US", tag, sort: "created" });
    expect((await getSegmentFilter(segment.id))?.name).toBe(`Tejanos ${tag}`);

    expect((await post(client, "/contacts/segments", { intent: "delete", id: segment.id })).status).toBe(302);
    expect(await db.segment.count({ where: { id: segment.id } })).toBe(0);
    expect(await db.contact.count({ where: { tags: { has: tag } } })).toBe(4);
    const actions = (await db.auditLog.findMany({ where: { entity: "segment", entityId: segment.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["segment.create", "segment.rename", "segment.delete"]);
  });

  it("refuses an empty name", async () => {
    const { client } = await signedIn("COMMUNICATIONS");
    const res = await post(client, "/contacts/segments", { intent: "create", name: "   ", filter: "" });
    expect(res.status).toBe(400);
    expect(decodeHtml(await res.text())).toContain("Escribe un nombre para el segmento.");
  });
});

describe("CSV export", () => {
  const HEADER_ES = "correo,nombre,apellidos,país,estado,ciudad,idioma,teléfono,etiquetas,notas,fuente,consentimiento,suscripción,creado";
  const HEADER_EN = "email,first_name,last_name,country,state,city,language,phone,tags,notes,source,consent,subscription,created_at";

  async function exportRows(tag: string) {
    return seed(tag, [
      { email: `ana-${tag}@example.org`, givenName: "Ana María", familyName: "Núñez, Peña", country: "US", state: "TX", city: "Fort Worth", language: "es", phone: "+1 555 0100", tags: ["prensa", "voluntario"], notes: 'Dijo "sí"', source: "IMPORT", consentStatus: "CONFIRMED", subscriptionStatus: "SUBSCRIBED", createdAt: new Date("2026-03-04T05:06:07.089Z") },
      { email: `formula-${tag}@example.org`, givenName: "=cmd", familyName: "@SUM(A1)", notes: '=HYPERLINK("http://malo.example","clic")', source: "FORM", consentStatus: "PENDING", subscriptionStatus: "UNSUBSCRIBED" },
      { email: `multi-${tag}@example.org`, givenName: "-2+3", notes: "+línea uno\r\nlínea dos; con punto y coma\n=otra", source: "EVENT_SIGNUP", consentStatus: "WITHDRAWN", subscriptionStatus: "BOUNCED" },
    ]);
  }

  it("streams the filtered list with a BOM, the exact header, neutralised formulas, and imports back as it was", async () => {
    const tag = newTag();
    const rows = await exportRows(tag);
    const { user, client } = await signedIn("COMMUNICATIONS");
    const res = await client.get(`/contacts/export.csv?tag=${tag}&sort=email`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="alcance-contactos-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const body = text.slice(1);
    expect(body.split("\r\n")[0]).toBe(HEADER_ES);

    const parsed = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(3);
    const byEmail = new Map(parsed.data.map((r) => [r.correo, r]));
    const ana = byEmail.get(rows[0]!.email)!;
    expect(ana).toEqual({
      correo: rows[0]!.email,
      nombre: "Ana María",
      apellidos: "Núñez, Peña",
      país: "US",
      estado: "TX",
      ciudad: "Fort Worth",
      idioma: "es",
      teléfono: "'+1 555 0100", // a leading + is neutralised like any formula start
      etiquetas: ["prensa", tag, "voluntario"].sort().join(";"),
      notas: 'Dijo "sí"',
      fuente: "IMPORT",
      consentimiento: "CONFIRMED",
      suscripción: "SUBSCRIBED",
      creado: "2026-03-04T05:06:07.089Z",
    });
    // Every row round-trips: what the database holds, with formula cells prefixed by a quote.
    const neutral = (v: string | null) => (v === null ? "" : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    for (const row of rows) {
      const got = byEmail.get(row.email)!;
      expect(got.nombre).toBe(neutral(row.givenName));
      expect(got.apellidos).toBe(neutral(row.familyName));
      expect(got.notas).toBe(neutral(row.notes));
      expect(got.etiquetas?.split(";")).toEqual(row.tags);
      expect(got.fuente).toBe(row.source);
      expect(got.consentimiento).toBe(row.consentStatus);
      expect(got.suscripción).toBe(row.subscriptionStatus);
      expect(got.creado).toBe(row.createdAt.toISOString());
    }
    const formula = byEmail.get(rows[1]!.email)!;
    expect(formula.notas).toBe(`'=HYPERLINK("http://malo.example","clic")`);
    expect(formula.nombre).toBe("'=cmd");
    expect(formula.apellidos).toBe("'@SUM(A1)");
    const multi = byEmail.get(rows[2]!.email)!;
    expect(multi.notas).toBe("'+línea uno\r\nlínea dos; con punto y coma\n=otra");
    expect(multi.nombre).toBe("'-2+3");
    // No raw cell (after the opening quote of a quoted field) starts a formula.
    for (const line of body.split(/\r\n/)) expect(line).not.toMatch(/(^|,)"?[=+@]/);

    const entry = await db.auditLog.findFirst({ where: { actorId: user.id, action: "contacts.export" }, orderBy: { id: "desc" } });
    expect(entry?.after).toMatchObject({ filter: { tag, sort: "email" }, rows: 3, complete: true, delimiter: ",", lang: "es", via: "web" });
  });

  it("writes English headers with lang=en and semicolons with delimiter=;, and exports a segment", async () => {
    const tag = newTag();
    const rows = await exportRows(tag);
    const { user, client } = await signedIn("COMMUNICATIONS");
    const en = await client.get(`/contacts/export.csv?tag=${tag}&lang=en`);
    const enText = (await en.text()).replace(/^\uFEFF/, "");
    expect(enText.split("\r\n")[0]).toBe(HEADER_EN);
    expect(enText.split("\r\n")[0]!.split(",")).toEqual(Object.values(EXPORT_HEADERS.en));

    const semi = await client.get(`/contacts/export.csv?tag=${tag}&delimiter=%3B`);
    const semiText = (await semi.text()).replace(/^\uFEFF/, "");
    expect(semiText.split("\r\n")[0]).toBe(HEADER_ES.replaceAll(",", ";"));
    const parsed = Papa.parse<string[]>(semiText, { delimiter: ";", skipEmptyLines: true });
    expect(parsed.data).toHaveLength(4);
    const multi = parsed.data.find((r) => r[0] === rows[2]!.email)!;
    expect(multi[9]).toBe("'+línea uno\r\nlínea dos; con punto y coma\n=otra");
    const ana = parsed.data.find((r) => r[0] === rows[0]!.email)!;
    expect(ana[2]).toBe("Núñez, Peña");

    expect((await client.get(`/contacts/export.csv?delimiter=|`)).status).toBe(400);

    const segment = await createSegment({ userId: user.id }, { name: `Export ${tag}`, filter: { sort: "created", tag, consent: "CONFIRMED" } });
    if (!segment.ok) throw new Error("segment not created");
    const bySegment = await client.get(`/contacts/export.csv?segment=${segment.value.id}`);
    expect(bySegment.headers.get("content-disposition")).toContain(`alcance-contactos-export-${tag}-`);
    const segmentRows = Papa.parse<string[]>((await bySegment.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(segmentRows.map((r) => r[0])).toEqual(["correo", rows[0]!.email]);
    expect((await client.get("/contacts/export.csv?segment=nope-not-a-segment")).status).toBe(404);
  });

  it("writes every row of the filter once, in the sort's order, and counts them", async () => {
    const tag = newTag();
    await seed(tag, Array.from({ length: 23 }, (_, i) => ({ givenName: `N${String(i).padStart(2, "0")}`, familyName: "Zeta", notes: i % 2 ? "uno\ndos" : null })));
    const decoder = new TextDecoder();
    let text = "";
    const progress = { rows: 0, done: false };
    for await (const chunk of contactsCsv({ sort: "name", tag }, {}, progress)) text += decoder.decode(chunk, { stream: true });
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => r[1])).toEqual(Array.from({ length: 23 }, (_, i) => `N${String(i).padStart(2, "0")}`));
    expect(rows.filter((r) => r[9] === "uno\ndos")).toHaveLength(11);
    // Line breaks inside a quoted cell stay as they were; every row ends with CRLF.
    expect(text.match(/\r\n/g)).toHaveLength(24);
    expect(progress).toEqual({ rows: 23, done: true });
  });

  it("writes exactly what csvLine writes for the same values, with every delimiter, and a search with quotes and backslashes selects its rows", async () => {
    const tag = newTag();
    await seed(tag, [
      { email: `a-${tag}@example.org`, givenName: "", familyName: "\tTabulador", city: "\rretorno", notes: 'a;b\tc"d,e', phone: "@x", state: "-", language: "+" },
      { email: `b-${tag}@example.org`, givenName: "O'Brien", familyName: "Ruta\\ con \\n", notes: "C:\\ruta\\nueva 'cita'", tags: ["x"] },
      { email: `c-${tag}@example.org`, givenName: "Ünïcødé", notes: "\n", city: '"', state: "'", createdAt: new Date("2026-01-02T03:04:05.000Z") },
    ]);
    const stored = await db.contact.findMany({ where: { tags: { has: tag } }, orderBy: { email: "asc" } });
    const read = async (filter: ContactFilter, delimiter: string) => {
      const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
      let text = "";
      for await (const chunk of contactsCsv(filter, { delimiter, lang: "en" })) text += decoder.decode(chunk, { stream: true });
      return text;
    };
    for (const delimiter of [",", ";", "\t"]) {
      const expected =
        UTF8_BOM +
        csvLine(Object.values(EXPORT_HEADERS.en), delimiter) +
        stored
          .map((c) => csvLine([c.email, c.givenName, c.familyName, c.country, c.state, c.city, c.language, c.phone, c.tags.join(";"), c.notes, c.source, c.consentStatus, c.subscriptionStatus, c.createdAt], delimiter))
          .join("");
      expect(await read({ sort: "email", tag }, delimiter)).toBe(expected);
    }
    const obrien = Papa.parse<string[]>((await read({ sort: "email", tag, q: "o'brien" }, ",")).slice(1), { skipEmptyLines: true }).data;
    expect(obrien.map((r) => r[0])).toEqual(["email", `b-${tag}@example.org`]);
    expect(obrien[1]![2]).toBe("Ruta\\ con \\n");
    expect(await read({ sort: "email", tag, q: "zz'); DROP TABLE \"Contact\"; --\\" }, ",")).toBe(UTF8_BOM + csvLine(Object.values(EXPORT_HEADERS.en), ","));
  });

  it("writes the CSV to stdout from the CLI (npx alcance contacts export)", async () => {
    const tag = newTag();
    const rows = await exportRows(tag);
    const name = `CLI ${tag}`;
    const segment = await createSegment({ userId: null }, { name, filter: { sort: "email", tag } });
    expect(segment.ok).toBe(true);
    const run = (args: string[]) => spawnSync(process.execPath, ["bin/alcance.js", "contacts", "export", ...args], { encoding: "utf8", env: process.env });
    const result = run(["--segment", name, "--delimiter", ";", "--lang", "en"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.startsWith("\uFEFF")).toBe(true);
    const lines = result.stdout.slice(1).split("\r\n");
    expect(lines[0]).toBe(HEADER_EN.replaceAll(",", ";"));
    const parsed = Papa.parse<Record<string, string>>(result.stdout.slice(1), { header: true, delimiter: ";", skipEmptyLines: true });
    expect(parsed.data.map((r) => r.email)).toEqual(rows.map((r) => r.email).sort());
    expect(parsed.data.find((r) => r.email === rows[1]!.email)?.notes).toBe(`'=HYPERLINK("http://malo.example","clic")`);
    const entry = await db.auditLog.findFirst({ where: { action: "contacts.export", entity: "segment", entityId: (segment as { value: { id: string } }).value.id } });
    expect(entry?.after).toMatchObject({ rows: 3, complete: true, via: "cli", segment: name, delimiter: ";", lang: "en" });

    const missing = run(["--segment", `no-such-${tag}`]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("No segment named");
    expect(run(["--delimiter", "|"]).status).toBe(2);
  });
});
