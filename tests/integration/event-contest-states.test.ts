/**
 * Event states and contest organisations' states are ISO 3166-2 codes like every other state
 * (decision 019): the event form and the submission form code what is typed through the one
 * normaliser, refuse what they cannot code without losing it, the pages name the codes, the
 * filters find by code, and the event_contest_states migration codes what was stored as text.
 * Also: the event page offers «Registrar resultados» only once outcomes would be taken.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { createSession } from "~/modules/auth/session.server";
import type { Actor } from "~/modules/contest/contest.server";
import { createContest } from "~/modules/contest/contest.server";
import { filterFromParams, submissionFormSchema } from "~/modules/contest/schema";
import { createSubmission, listSubmissions } from "~/modules/contest/submissions.server";
import { eventsCsv, listEvents } from "~/modules/events/query.server";
import { filterFromSearchParams } from "~/modules/events/schema";
import { createUser, fakeRequest, uniqueEmail, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

const unique = () => randomUUID().slice(0, 8);
const DAY = 86_400_000;

async function signedIn(role: "COORDINATOR") {
  const user = await createUser({ role });
  const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  const base = new TestClient().baseUrl;
  const headers = { cookie, "x-forwarded-for": uniqueIp(), origin: new URL(base).origin };
  return {
    user,
    get: (path: string) => fetch(new URL(path, base), { headers, redirect: "manual" }),
    post: (path: string, form: Record<string, string>) =>
      fetch(new URL(path, base), { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form), redirect: "manual" }),
  };
}

const eventForm = (name: string, place: Record<string, string>, startsLocal = "2017-11-19T10:00", endsLocal = "2017-11-19T20:00") => ({
  name,
  kind: "INFO_BOOTH",
  status: "PLANNED",
  timeZone: "America/Chicago",
  startsLocal,
  endsLocal,
  city: "Fort Worth",
  ...place,
});

describe("the event form codes the country and the state", () => {
  it("stores «Estados Unidos»/«Texas» and «US»/«TX» as US and US-TX, and the page, the list filter and the CSV name Texas", async () => {
    const c = await signedIn("COORDINATOR");
    const token = `st${unique()}`;
    for (const [i, place] of [{ country: "Estados Unidos", state: "Texas" }, { country: "US", state: "TX" }].entries()) {
      const name = `Feria ${token} ${i}`;
      const created = await c.post("/events/new", eventForm(name, place));
      expect(created.status).toBe(302);
      const event = await db.event.findFirstOrThrow({ where: { name } });
      expect([event.country, event.state]).toEqual(["US", "US-TX"]);
      const html = await (await c.get(`/events/${event.id}`)).text();
      expect(html).toContain("Fort Worth, Texas, Estados Unidos");
      expect(html).not.toContain("US-TX,");
      // The public kiosk page names the state too, in the visitor's language.
      const slug = `kiosco-${token}-${i}`;
      await db.event.update({ where: { id: event.id }, data: { signupSlug: slug } });
      const kiosk = await (await new TestClient().get(`/k/${slug}?lang=en`)).text();
      expect(kiosk).toContain("Fort Worth, Texas, United States");
      expect(kiosk).not.toContain("Fort Worth, US-TX");
    }
    // The list's filter, typed as a name in the URL or chosen as a code, finds both.
    const zone = "America/Mexico_City";
    for (const params of ["country=US&state=Texas", "state=US-TX", "country=Estados%20Unidos&state=tx"]) {
      const filter = filterFromSearchParams(new URLSearchParams(`q=${token}&${params}`));
      expect(filter.state).toBe("US-TX");
      expect((await listEvents(filter, null, zone)).rows).toHaveLength(2);
    }
    const list = await (await c.get(`/events?q=${token}&country=US`)).text();
    expect(list).toMatch(/<option value="US-TX"[^>]*>Texas<\/option>/);
    let csv = "";
    for await (const chunk of eventsCsv({ q: token }, zone, { delimiter: ";" })) csv += chunk;
    expect(csv.split("\r\n")[1]).toContain(";US;Texas;Fort Worth;");
  });

  it("refuses an unknown state or country with a translated message (400) and keeps what was typed", async () => {
    const c = await signedIn("COORDINATOR");
    const name = `Feria ${unique()}`;
    const res = await c.post("/events/new", eventForm(name, { country: "US", state: "Atlántida" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Elige un estado de la lista de ese país.");
    expect(html).toContain('<option value="Atlántida" selected="">Atlántida</option>');
    expect(html).toContain(`value="${name}"`);
    const country = await c.post("/events/new", eventForm(name, { country: "Narnia", state: "" }));
    expect(country.status).toBe(400);
    const countryHtml = await country.text();
    expect(countryHtml).toContain("Elige un país de la lista.");
    expect(countryHtml).toContain('<option value="Narnia" selected="">Narnia</option>');
    expect(await db.event.count({ where: { name } })).toBe(0);
  });

  it("offers «Registrar resultados» only once the event has started; before, says from when", async () => {
    const c = await signedIn("COORDINATOR");
    const future = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const pastName = `Pasado ${unique()}`;
    const futureName = `Futuro ${unique()}`;
    expect((await c.post("/events/new", eventForm(pastName, { country: "US" }))).status).toBe(302);
    expect((await c.post("/events/new", eventForm(futureName, { country: "US" }, `${future}T10:00`, `${future}T20:00`))).status).toBe(302);
    const past = await db.event.findFirstOrThrow({ where: { name: pastName } });
    const upcoming = await db.event.findFirstOrThrow({ where: { name: futureName } });
    const pastHtml = await (await c.get(`/events/${past.id}`)).text();
    expect(pastHtml).toContain(`href="/events/${past.id}/outcomes"`);
    expect(pastHtml).not.toContain('data-testid="outcomes-from"');
    const upcomingHtml = await (await c.get(`/events/${upcoming.id}`)).text();
    expect(upcomingHtml).not.toContain(`href="/events/${upcoming.id}/outcomes"`);
    expect(upcomingHtml).toMatch(/data-testid="outcomes-from">Los resultados se registran a partir del inicio del evento:/);
  });
});

describe("contest submissions store the organisation's state as a code", () => {
  const actorOf = (user: { id: string; role: string }): Actor => ({ userId: user.id, ip: "127.0.0.1", role: user.role as Actor["role"] });
  const input = (orgState: string) =>
    submissionFormSchema("America/Mexico_City").safeParse({
      partnerMode: "new",
      orgName: `Organización ${unique()}`,
      orgCity: "Fresno",
      orgState,
      contactName: "Rosa Mejía",
      contactEmail: uniqueEmail(`osc-${unique()}`),
      title: `Proyecto ${unique()}`,
      receivedAt: new Date(Date.now() - DAY).toISOString().slice(0, 16),
      channel: "EMAIL",
    });

  it("codes «California» as US-CA, refuses an unknown state, and the list's state filter finds it by code or name", async () => {
    const coordinator = await createUser({ role: "COORDINATOR" });
    const now = Date.now();
    const contest = await createContest(actorOf(coordinator), {
      name: `Concurso ${unique()}`,
      description: null,
      submissionsOpenAt: new Date(now - 30 * DAY),
      submissionsCloseAt: new Date(now + 10 * DAY),
      reviewEndsAt: new Date(now + 20 * DAY),
      evaluationStartsAt: new Date(now + 25 * DAY),
      evaluationEndsAt: new Date(now + 40 * DAY),
      resultsAt: new Date(now + 50 * DAY),
      correctionDays: 5,
    });
    const unknown = input("Atlántida");
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["orgState", "contest.errors.orgStateUnknown"]]);

    const parsed = input("California");
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
    const ca = await createSubmission(actorOf(coordinator), contest.id, parsed.data);
    const tx = input("TX");
    if (!tx.success) throw new Error(JSON.stringify(tx.error.issues));
    await createSubmission(actorOf(coordinator), contest.id, tx.data);
    expect((await db.partner.findUniqueOrThrow({ where: { id: ca.partnerId } })).state).toBe("US-CA");

    for (const state of ["US-CA", "California", "ca"]) {
      const filter = filterFromParams(new URLSearchParams({ state }));
      expect(filter.state).toBe("US-CA");
      expect((await listSubmissions(contest.id, filter)).rows.map((r) => r.id)).toEqual([ca.id]);
    }
    const cookie = (await createSession(coordinator.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const page = await fetch(new URL(`/contest/${contest.id}`, new TestClient().baseUrl), { headers: { cookie }, redirect: "manual" });
    const html = await page.text();
    expect(html).toMatch(/<option value="US-CA"[^>]*>California<\/option>/);
    expect(html).toMatch(/<td[^>]*data-col="state"[^>]*>(<div class="ui-table__value">)?California(<\/div>)?<\/td>/);
  });
});

describe("the event_contest_states data migration", () => {
  const sql = readFileSync("prisma/migrations/20261207150000_event_contest_states/migration.sql", "utf8");

  it("codes event states and contest organisations' states stored as text, and leaves what it cannot map", async () => {
    const tag = unique();
    const at = new Date("2017-11-19T16:00:00Z");
    const rows = [
      ["US", "Texas"],
      ["US", "nueva york"],
      ["MX", "Jalisco"],
      [null, "California"],
      ["ES", "Andalucía"],
      ["US", "Atlántida"],
    ] as const;
    const events = await Promise.all(
      rows.map(([country, state], i) =>
        db.event.create({ data: { name: `Legado ${tag} ${i}`, kind: "INFO_BOOTH", status: "HELD", timeZone: "America/Chicago", startsAt: at, endsAt: new Date(at.getTime() + 3_600_000), country, state }, select: { id: true } }),
      ),
    );
    const partner = await db.partner.create({ data: { name: `OSC ${tag}`, kind: "CIVIL_SOCIETY", country: "US", state: "Nueva York", tags: ["concurso"] } });

    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    const notices: string[] = [];
    client.on("notice", (n) => notices.push(n.message ?? ""));
    try {
      await client.query("BEGIN");
      await client.query(sql);
      const { rows: after } = await client.query<{ id: string; country: string | null; state: string | null }>(`SELECT id, country, state FROM "Event" WHERE id = ANY ($1::text[])`, [events.map((e) => e.id)]);
      const byId = new Map(after.map((r) => [r.id, [r.country, r.state]]));
      expect(events.map((e) => byId.get(e.id))).toEqual([
        ["US", "US-TX"],
        ["US", "US-NY"],
        ["MX", "MX-JAL"],
        ["US", "US-CA"],
        ["ES", "Andalucía"],
        ["US", "Atlántida"],
      ]);
      const { rows: partners } = await client.query(`SELECT state FROM "Partner" WHERE id = $1`, [partner.id]);
      expect(partners[0]).toEqual({ state: "US-NY" });
      expect(notices.find((n) => n.includes('"Event"'))).toMatch(/event_contest_states: [1-9]\d* rows of "Event" keep a state/);
      // Idempotent.
      await client.query(sql);
      const { rows: again } = await client.query(`SELECT count(*)::int AS n FROM "Event" WHERE id = ANY ($1::text[]) AND state LIKE 'US-%'`, [events.map((e) => e.id)]);
      expect(again[0].n).toBe(3);
    } finally {
      await client.query("ROLLBACK").catch(() => {});
      await client.end();
    }
  });
});
