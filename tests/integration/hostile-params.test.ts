/**
 * Every route, walked with hostile input: numbers past int4 and past a double's precision,
 * negative and fractional numbers, NUL bytes, impossible dates, path tricks, a 10 KB string and
 * unicode in each dynamic segment and in the common query parameters; and empty, urlencoded and
 * junk POST bodies to every route with an action. As an administrator (two-factor done) and
 * anonymously. Bad input is a 4xx, never a 5xx (nor a dropped connection).
 *
 * The route list is read from app/routes (flat-routes naming), so a new route is walked without
 * editing this file; each dynamic segment gets a real record's id so query values reach the code
 * that reads them.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { closeQueues } from "../../jobs/queues";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";
import { createJuryContest } from "./jury-fixtures";

const ROUTES_DIR = path.resolve("app/routes");
const CONCURRENCY = 6;

const HUGE = "x".repeat(10 * 1024);
const QUERY_HOSTILE = ["2147483648", "99999999999999999999", "-1", "1.5", "\u0000", "a\u0000b", "2017-02-30", "../", "ÿ名前😀\u202e"];
const SEGMENT_HOSTILE = [...QUERY_HOSTILE.filter((v) => v !== "a\u0000b"), "2017-13-01", "%2e%2e%2f", HUGE];
const DATE_HOSTILE = ["2017-02-30", "2017-13-01", "99999999999999999999", "\u0000"];
const DATE_PARAMS = ["from", "to", "month", "year", "date"];
/** What the routes and their filter schemas read from the query (grep searchParams in app/). */
const QUERY_PARAMS = [
  "q", "cursor", "page", "contact", "contactId", "id", "status", "country", "kind", "state", "segment", "staff", "partner", "active",
  "delimiter", "lang", "format", "version", "audit", "deliveries", "closed", "a", "b", "eventId", "inline", "name", "done", "mode",
  "redirectTo", "role", "action", "entity", "actor", "late", "overdue", "sort", "consent", "subscription", "language", "source",
  "meeting", "part", "edit", "medium", "tone",
];

type Route = { file: string; pattern: string[]; hasAction: boolean; hasLoader: boolean; isPage: boolean; heavy: boolean };

/** app/routes/<file> → URL segments, following Remix's flat-routes naming. */
function parseRoute(file: string): Route {
  const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
  const parts = file.replace(/\.tsx?$/, "").match(/(\[[^\]]*\]|[^.[]+)+/g) ?? [];
  const pattern = parts.map((raw) => raw.replace(/\[([^\]]*)\]/g, "$1").replace(/_$/, "")).filter((s) => s !== "_index" && s !== "");
  return {
    file,
    pattern,
    hasAction: /export (async )?function action\b/.test(source),
    hasLoader: /export (async )?function loader\b/.test(source),
    isPage: /export default function/.test(source),
    // Rendered documents (PDF in Chromium, DOCX): walked in their segments, not in every query variant.
    heavy: /\[\.(pdf|docx)\]/.test(file),
  };
}

const ROUTES = readdirSync(ROUTES_DIR)
  .filter((f) => /\.tsx?$/.test(f))
  .map(parseRoute);

/** One real value per dynamic segment, keyed by "<segment before>/<param>" or by the param's name. */
const valid = new Map<string, string>();
const paramOf = (segment: string) => segment.slice(1).replace(/\..*$/, "");
const validFor = (pattern: string[], i: number) => valid.get(`${pattern[i - 1]}/${paramOf(pattern[i]!)}`) ?? valid.get(paramOf(pattern[i]!));

function urlFor(route: Route, hostile?: { index: number; value: string }): string {
  const segments = route.pattern.map((segment, i) => {
    if (!segment.startsWith("$")) return segment;
    const suffix = segment.includes(".") ? segment.slice(segment.indexOf(".")) : "";
    // %2e%2e%2f goes as typed (an encoded ../); everything else is encoded once.
    if (hostile?.index === i) return (hostile.value === "%2e%2e%2f" ? hostile.value : encodeURIComponent(hostile.value)) + suffix;
    return encodeURIComponent(validFor(route.pattern, i) ?? randomUUID()) + suffix;
  });
  return `/${segments.join("/")}`;
}

const withQuery = (url: string, entries: Array<[string, string]>) => `${url}?${new URLSearchParams(entries)}`;
const dynamicIndexes = (route: Route) => route.pattern.flatMap((s, i) => (s.startsWith("$") ? [i] : []));

/**
 * Every GET of the walk (layout routes share their index's URL, hence the Set). Each hostile value
 * goes into every non-date parameter at once, and each hostile date into every date parameter at
 * once, so a date refused with a 400 does not hide what the other parameters do.
 */
function getRequests(thorough: boolean): string[] {
  const urls = new Set<string>();
  for (const route of ROUTES.filter((r) => r.hasLoader)) {
    const plain = urlFor(route);
    urls.add(plain);
    if (route.isPage) urls.add(plain === "/" ? "/_root.data" : `${plain}.data`);
    for (const index of dynamicIndexes(route)) {
      for (const value of thorough ? SEGMENT_HOSTILE : ["2147483648", "\u0000", "../", HUGE]) urls.add(urlFor(route, { index, value }));
    }
    for (const value of thorough ? QUERY_HOSTILE : ["2147483648", "\u0000"]) urls.add(withQuery(plain, QUERY_PARAMS.map((k) => [k, value])));
    if (route.heavy) continue;
    for (const value of thorough ? DATE_HOSTILE : ["2017-02-30"]) urls.add(withQuery(plain, DATE_PARAMS.map((k) => [k, value])));
    if (thorough) urls.add(withQuery(plain, [["q", HUGE]]));
  }
  return [...urls];
}

type Req = { method: "GET" | "POST"; url: string; body?: BodyInit; contentType?: string };

/** Empty, urlencoded (NUL, huge, impossible values), binary and broken multipart bodies; and bad segments. */
function postRequests(): Req[] {
  const form = "application/x-www-form-urlencoded";
  const junkForm = new URLSearchParams({ intent: "\u0000", id: "2147483648", q: HUGE, from: "2017-02-30", name: "a\u0000b" }).toString();
  return ROUTES.filter((r) => r.hasAction).flatMap((route) => {
    const url = urlFor(route);
    return [
      { method: "POST" as const, url },
      { method: "POST" as const, url, body: junkForm, contentType: form },
      { method: "POST" as const, url, body: randomBytes(256), contentType: "application/octet-stream" },
      { method: "POST" as const, url, body: "not a multipart body", contentType: "multipart/form-data; boundary=x" },
      ...dynamicIndexes(route).flatMap((index) =>
        ["2147483648", "\u0000"].map((value) => ({ method: "POST" as const, url: urlFor(route, { index, value }), body: "intent=x", contentType: form })),
      ),
    ];
  });
}

async function walk(who: string, headers: Record<string, string>, requests: Req[]): Promise<string[]> {
  const base = new TestClient().baseUrl;
  const failures: string[] = [];
  let next = 0;
  async function worker() {
    while (next < requests.length) {
      const r = requests[next++]!;
      const h: Record<string, string> = { ...headers, origin: new URL(base).origin };
      if (r.contentType) h["content-type"] = r.contentType;
      // A connection the server drops (a header it could not write, a stream that failed) is status 0.
      const status = await fetch(base + r.url, { method: r.method, headers: h, body: r.body, redirect: "manual" })
        .then(async (res) => (await res.arrayBuffer(), res.status))
        .catch(() => 0);
      if (status >= 500 || status === 0) failures.push(`${who} ${r.method} ${r.url.length > 160 ? `${r.url.slice(0, 160)}…` : r.url} → ${status}`);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures.sort();
}

const anonymous = { "x-forwarded-for": uniqueIp() };
let admin: Record<string, string>;

async function signIn(role: "ADMIN" | "COORDINATOR") {
  const user = await createUser({ role });
  if (role === "ADMIN") await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
  const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  return { user, headers: { cookie, "x-forwarded-for": uniqueIp() } };
}

beforeAll(async () => {
  const signedIn = await signIn("ADMIN");
  admin = signedIn.headers;
  const user = signedIn.user;
  const tag = randomUUID().slice(0, 8);
  const fx = await createJuryContest({ projects: 1, jurors: 1 });
  const submissionId = fx.submissions[0]!.id;
  const bytes = Buffer.from(`%PDF-1.4 hostile ${tag}`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.storedFile.create({ data: { sha256, size: bytes.length, mimeType: "application/pdf", data: bytes } });
  const document = await db.submissionDocument.create({ data: { submissionId, fileName: "a.pdf", fileSha256: sha256, mimeType: "application/pdf", size: bytes.length } });
  const event = await db.event.create({
    data: { name: `Hostil ${tag}`, kind: "INFO_BOOTH", status: "PLANNED", timeZone: "America/Chicago", startsAt: new Date("2017-11-19T16:00:00Z"), endsAt: new Date("2017-11-19T20:00:00Z"), signupSlug: `hostil-${tag}` },
  });
  const contact = await db.contact.create({ data: { email: `hostil-${tag}@example.test`, source: "MANUAL" } });
  const partner = await db.partner.create({ data: { name: `Hostil ${tag}`, kind: "CIVIL_SOCIETY" } });
  const material = await db.material.create({ data: { code: `H-${tag}`, name: `Hostil ${tag}`, kind: "LEAFLET" } });
  const from = await db.location.create({ data: { name: `Origen ${tag}`, kind: "WAREHOUSE" } });
  const to = await db.location.create({ data: { name: `Destino ${tag}`, kind: "FOREIGN_SERVICE_POST" } });
  const shipment = await db.shipment.create({ data: { fromLocationId: from.id, toLocationId: to.id } });
  const bulletin = await db.bulletin.create({ data: { name: `Hostil ${tag}`, subject: "Hola", fromName: "Alcance", fromEmail: "boletin@alcance.test", bodyMarkdown: "Hola" } });
  const arco = await db.arcoRequest.create({ data: { kind: "ACCESS", requesterName: "Hostil", receivedAt: new Date(), dueAt: new Date(Date.now() + 86_400_000), contactId: contact.id } });
  const batch = await db.importBatch.create({ data: { fileName: "a.csv", fileSize: 1, fileSha256: sha256, sourceText: "email\n" } });
  const outbox = await db.outboxMessage.create({ data: { from: "a@alcance.test", subject: "Hola", raw: "Subject: Hola\r\n\r\nHola" } });
  // Any published notice will do; another file may publish one at the same time (hence upsert).
  const notice = (await db.privacyNotice.findFirst({ orderBy: { version: "desc" } })) ??
    (await db.privacyNotice.upsert({ where: { version: 1 }, create: { version: 1, text: "Aviso", language: "es" }, update: {} }));
  const meeting = await db.meeting.create({
    data: { kind: "COMMISSION_SESSION", heldOn: new Date("2017-11-15T00:00:00Z"), subject: `Hostil ${tag}`, reportPart: "SECRETARIAT", participants: { create: [{ partnerId: partner.id }, { ineArea: "DERFE" }] } },
  });
  const commissionAgreement = await db.commissionAgreement.create({ data: { number: `HOSTIL-${tag}`, adoptedOn: new Date("2017-11-15T00:00:00Z"), title: "Hostil", meetingId: meeting.id } });
  const socialAccount = await db.socialAccount.create({ data: { network: "FACEBOOK", ownerArea: "CNCS", handle: `hostil-${tag}` } });
  const mediaNote = await db.mediaNote.create({ data: { publishedOn: new Date("2017-11-15T00:00:00Z"), outlet: `Hostil ${tag}`, medium: "PRINT", tone: "NEUTRAL" } });
  // issue 17 (contrib-tables): a section's table and annex file, to reach their routes' code.
  const reportTable = await db.reportTable.create({ data: { month: "2017-11", sectionKey: "registration", title: `Hostil ${tag}`, columns: [{ name: "A", type: "integer" }], rows: [[1]], source: "PASTE" } });
  const reportAttachment = await db.reportAttachment.create({ data: { month: "2017-11", sectionKey: "registration", title: `Hostil ${tag}`, fileName: "a.pdf", fileSha256: sha256, mediaType: "application/pdf", size: bytes.length } });
  const values: Record<string, string> = {
    contestId: fx.contest.id,
    "notice/version": String(notice.version),
    submissionId,
    documentId: document.id,
    kind: "call",
    sha256,
    slug: event.signupSlug!,
    month: "2017-11",
    table: "events",
    batchId: batch.id,
    "events/id": event.id,
    "contacts/id": String(contact.id),
    "partners/id": partner.id,
    "materials/id": material.id,
    "locations/id": from.id,
    "shipments/id": shipment.id,
    "bulletins/id": bulletin.id,
    "arco/id": arco.id,
    "outbox/id": String(outbox.id),
    "users/id": user.id,
    "meetings/id": meeting.id,
    "agreements/id": commissionAgreement.id,
    // A report section's outline key (the migration seeds the outline in every database).
    section: "deoe",
    "accounts/id": socialAccount.id,
    "media/id": mediaNote.id,
    "sections/key": "registration",
    tableId: reportTable.id,
    attachmentId: reportAttachment.id,
    // issue 21: a bounce webhook's provider (unconfigured here: 401 to everything).
    provider: "ses",
    // The catch-all 404 route ($.tsx): its splat takes any path.
    "": "no-such-page",
  };
  for (const [key, value] of Object.entries(values)) valid.set(key, value);
}, 60_000);

afterAll(async () => {
  await closeQueues();
});

describe("hostile parameters", () => {
  it("has a real value for every dynamic segment of every route (tokens are random anyway)", () => {
    expect(ROUTES.length).toBeGreaterThan(50);
    const missing = ROUTES.flatMap((r) => dynamicIndexes(r).filter((i) => paramOf(r.pattern[i]!) !== "token" && validFor(r.pattern, i) === undefined).map(() => r.file));
    expect(missing).toEqual([]);
  });

  // Every route times every hostile value: ~95 s on a loaded 2-core CI machine with today's routes.
  it("never answers 5xx to hostile GETs, as an administrator or anonymously", { timeout: 300_000 }, async () => {
    const failures = [
      ...(await walk("admin", admin, getRequests(true).map((url) => ({ method: "GET" as const, url })))),
      ...(await walk("anonymous", anonymous, getRequests(false).map((url) => ({ method: "GET" as const, url })))),
    ];
    expect(failures).toEqual([]);
  });

  it("never answers 5xx to junk POSTs, as an administrator or anonymously", { timeout: 300_000 }, async () => {
    // Logging out ends the walker's session, so /logout goes last.
    const posts = postRequests().sort((a, b) => Number(a.url === "/logout") - Number(b.url === "/logout"));
    const failures = [...(await walk("admin", admin, posts)), ...(await walk("anonymous", anonymous, posts))];
    expect(failures).toEqual([]);
  });

  it("answers the cases that were 500s with the translated 400, 404 and 415 pages", async () => {
    const { headers } = await signIn("ADMIN");
    const get = (url: string) => fetch(new TestClient().baseUrl + url, { headers, redirect: "manual" });
    const bulletin = valid.get("bulletins/id")!;

    const preview = await get(`/bulletins/${bulletin}/preview?contact=2147483648`);
    expect(preview.status).toBe(400);
    expect(await preview.text()).toContain("La dirección tiene un valor que no es válido");

    const nul = await get("/events/%00");
    expect(nul.status).toBe(404);
    expect(await nul.text()).toContain("No encontramos esta página");

    expect((await get("/contacts?q=%00")).status).toBe(200);

    const date = await get("/events?from=2017-02-30");
    expect(date.status).toBe(400);
    expect(await date.text()).toContain("La dirección tiene un valor que no es válido");
    expect((await get("/events?from=2016-02-29")).status).toBe(200);

    const urlencoded = await fetch(`${new TestClient().baseUrl}/contest/${valid.get("contestId")}/submissions/new`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin: new URL(new TestClient().baseUrl).origin },
      body: "title=Proyecto",
      redirect: "manual",
    });
    expect(urlencoded.status).toBe(415);
    expect(await urlencoded.text()).toContain("Este formulario no se envió como se esperaba");
  });
});

describe("NUL bytes", () => {
  it("are dropped from every string that reaches PostgreSQL, through the ORM and raw SQL alike", async () => {
    const email = `nul-${randomUUID().slice(0, 8)}@example.test`;
    const contact = await db.contact.create({ data: { email, givenName: "Ana\u0000 María", source: "MANUAL" } });
    expect(contact.givenName).toBe("Ana María");
    const audit = await db.auditLog.create({ data: { action: "test.nul", entity: "contact", entityId: String(contact.id), after: { givenName: "A\u0000na", list: ["x\u0000"] } } });
    expect(audit.after).toEqual({ givenName: "Ana", list: ["x"] });
    const [row] = await db.$queryRaw<Array<{ v: string }>>`SELECT ${"a\u0000b"}::text AS v`;
    expect(row?.v).toBe("ab");
    const [nested] = await db.$queryRaw<Array<{ v: string }>>(Prisma.sql`SELECT ${Prisma.sql`${"c\u0000d"}::text`} AS v`);
    expect(nested?.v).toBe("cd");
    const found = await db.$transaction((tx) => tx.contact.findMany({ where: { givenName: { contains: "Ana\u0000" }, email } }));
    expect(found.map((c) => c.id)).toEqual([contact.id]);
  });
});
