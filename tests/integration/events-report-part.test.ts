/**
 * «Se informa en» (issue 16): where the monthly report counts an event is explicit and editable,
 * defaulted by one rule (kind, country, online, institutions); an online event is never
 * «comunidad en el extranjero»; the form recomputes the default on save while the user has not
 * chosen (a hidden marker, no JavaScript needed); the list filters by it; and the month's figures
 * count each event once, in its part. Months are this file's own (March 2199, March 2232).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { translate } from "~/i18n";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { createEvent, updateEvent } from "~/modules/events/event.server";
import { eventFiguresForMonth, listEvents } from "~/modules/events/query.server";
import { defaultEventReportPart, isOnlineEvent, reportPartProblem } from "~/modules/events/report-part";
import { eventFormSchema } from "~/modules/events/schema";
import { REPORT_PARTS } from "~/modules/reports/parts";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

const unique = () => randomUUID().slice(0, 8);
const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

const base = {
  kind: "COMMUNITY_FESTIVAL",
  status: "PLANNED",
  timeZone: "America/Chicago",
  startsLocal: "2199-03-07T10:00",
  endsLocal: "2199-03-07T20:00",
  country: "US",
  state: "Texas",
  city: "Fort Worth",
  venue: "Gran Plaza",
};
const input = (overrides: Record<string, string | string[]> = {}) => eventFormSchema.parse({ name: `Feria ${unique()}`, ...base, ...overrides });
const issues = (overrides: Record<string, string>) => {
  const parsed = eventFormSchema.safeParse({ name: `Feria ${unique()}`, ...base, ...overrides });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the default rule", () => {
  it("is online → INSTITUTIONAL, abroad → COMMUNITY_ABROAD, operation → DECENTRALIZED, university → EDUCATIONAL, else INSTITUTIONAL", () => {
    const d = (kind: string, country: string | null, online = false, partnerKinds: string[] = []) => defaultEventReportPart({ kind, country, online, partnerKinds });
    expect(d("COMMUNITY_FESTIVAL", "US")).toBe("COMMUNITY_ABROAD");
    expect(d("VIRTUAL_WORKSHOP", "US")).toBe("INSTITUTIONAL");
    expect(d("COMMUNITY_FESTIVAL", null)).toBe("INSTITUTIONAL");
    expect(d("COMMUNITY_FESTIVAL", "US", true)).toBe("INSTITUTIONAL");
    expect(d("OPERATION", "MX")).toBe("DECENTRALIZED");
    // A country abroad wins over the kind and the institutions (the migration's order).
    expect(d("OPERATION", "US", false, ["UNIVERSITY"])).toBe("COMMUNITY_ABROAD");
    expect(d("FORUM", "MX", false, ["FOREIGN_SERVICE_POST", "UNIVERSITY"])).toBe("EDUCATIONAL");
    expect(d("OPERATION", "MX", false, ["UNIVERSITY"])).toBe("DECENTRALIZED");
    expect(d("FORUM", "MX", false, ["CIVIL_SOCIETY"])).toBe("INSTITUTIONAL");

    expect(isOnlineEvent({ kind: "FORUM", country: "US", onlineUrl: "https://meet.example/x", venue: null })).toBe(true);
    expect(isOnlineEvent({ kind: "FORUM", country: "US", onlineUrl: "https://meet.example/x", venue: "Consulado" })).toBe(false);
    expect(isOnlineEvent({ kind: "VIRTUAL_WORKSHOP", country: "US", venue: "Consulado" })).toBe(true);
    expect(isOnlineEvent({ kind: "FORUM", country: null })).toBe(true);
    expect(reportPartProblem("COMMUNITY_ABROAD", { kind: "FORUM", country: "US", venue: "Plaza" })).toBeNull();
    expect(reportPartProblem("EDUCATIONAL", { kind: "VIRTUAL_WORKSHOP", country: "US" })).toBeNull();
  });

  it("refuses COMMUNITY_ABROAD for an online event or one in Mexico, with a message in both languages", () => {
    const virtual = issues({ kind: "VIRTUAL_WORKSHOP", reportPart: "COMMUNITY_ABROAD", reportPartDefault: "INSTITUTIONAL" });
    expect(virtual.reportPart).toBe("events.form.errors.reportPartOnline");
    const linkNoVenue = issues({ venue: "", onlineUrl: "https://meet.example/taller", reportPart: "COMMUNITY_ABROAD", reportPartDefault: "INSTITUTIONAL" });
    expect(linkNoVenue.reportPart).toBe("events.form.errors.reportPartOnline");
    const noCountry = issues({ country: "", state: "", reportPart: "COMMUNITY_ABROAD", reportPartDefault: "INSTITUTIONAL" });
    expect(noCountry.reportPart).toBe("events.form.errors.reportPartOnline");
    const mexico = issues({ country: "MX", state: "Jalisco", reportPart: "COMMUNITY_ABROAD", reportPartDefault: "INSTITUTIONAL" });
    expect(mexico.reportPart).toBe("events.form.errors.reportPartAbroadCountry");
    expect(issues({ reportPart: "NO_SUCH_PART" }).reportPart).toBe("events.form.errors.reportPart");
    for (const key of ["events.form.errors.reportPartOnline", "events.form.errors.reportPartAbroadCountry", "events.form.errors.reportPart"]) {
      expect(translate("es", key)).not.toBe(key);
      expect(translate("en", key)).not.toBe(key);
    }
    expect(translate("es", "events.form.errors.reportPartOnline")).toMatch(/en línea/);
    expect(translate("en", "events.form.errors.reportPartOnline")).toMatch(/online/);
    // Left on the marker it is not a choice: nothing to refuse, the default is computed on save.
    expect(issues({ kind: "VIRTUAL_WORKSHOP", reportPart: "COMMUNITY_ABROAD", reportPartDefault: "COMMUNITY_ABROAD" }).reportPart).toBeUndefined();
  });
});

describe("stored on the event", () => {
  it("is defaulted on create, recomputed on save while not chosen, and kept once chosen", async () => {
    const actor = actorOf(await createUser({ role: "COORDINATOR" }));
    const university = await db.partner.create({ data: { name: `Universidad ${unique()}`, kind: "UNIVERSITY", country: "MX" } });

    const abroad = await createEvent(actor, input());
    expect(abroad.reportPart).toBe("COMMUNITY_ABROAD");
    const withUniversity = await createEvent(actor, input({ country: "MX", state: "Jalisco", partnerIds: [university.id] }));
    expect(withUniversity.reportPart).toBe("EDUCATIONAL");
    const virtual = await createEvent(actor, input({ kind: "VIRTUAL_WORKSHOP" }));
    expect(virtual.reportPart).toBe("INSTITUTIONAL");

    // The form showed COMMUNITY_ABROAD as the default and it was left alone; the event moves to
    // Mexico: the saved part follows the rule, no JavaScript needed.
    await updateEvent(actor, abroad.id, input({ name: abroad.name, country: "MX", state: "Jalisco", kind: "OPERATION", reportPart: "COMMUNITY_ABROAD", reportPartDefault: "COMMUNITY_ABROAD" }));
    expect((await db.event.findUniqueOrThrow({ where: { id: abroad.id } })).reportPart).toBe("DECENTRALIZED");
    // A part chosen by hand is kept on a later save that leaves it alone.
    await updateEvent(actor, abroad.id, input({ name: abroad.name, country: "MX", state: "Jalisco", kind: "OPERATION", reportPart: "NOT_REPORTED", reportPartDefault: "DECENTRALIZED" }));
    await updateEvent(actor, abroad.id, input({ name: abroad.name, country: "MX", state: "Jalisco", kind: "FORUM", reportPart: "NOT_REPORTED", reportPartDefault: "DECENTRALIZED" }));
    expect((await db.event.findUniqueOrThrow({ where: { id: abroad.id } })).reportPart).toBe("NOT_REPORTED");
    const audits = await db.auditLog.findMany({ where: { entity: "event", entityId: abroad.id, action: "event.update" }, orderBy: { id: "asc" } });
    expect(audits[0]?.after).toMatchObject({ reportPart: "DECENTRALIZED" });
    expect(audits[1]?.after).toMatchObject({ reportPart: "NOT_REPORTED" });
  });

  it("works through the pages: the form preselects, saves without JavaScript, refuses in Spanish, shows and filters", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const baseUrl = new TestClient().baseUrl;
    const headers = { cookie, "x-forwarded-for": uniqueIp(), origin: new URL(baseUrl).origin };
    const get = (path: string) => fetch(new URL(path, baseUrl), { headers, redirect: "manual" });
    const post = (path: string, form: Record<string, string>) =>
      fetch(new URL(path, baseUrl), { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form), redirect: "manual" });

    const blank = await (await get("/events/new")).text();
    expect(blank).toContain('name="reportPart"');
    expect(blank).toMatch(/name="reportPartDefault" value="INSTITUTIONAL"/);

    // Posted as a browser without JavaScript would: the select still on the default it showed.
    const name = `Feria ${unique()}`;
    const created = await post("/events/new", { name, ...base, reportPart: "INSTITUTIONAL", reportPartDefault: "INSTITUTIONAL" });
    expect(created.status).toBe(302);
    const event = await db.event.findFirstOrThrow({ where: { name } });
    expect(event.reportPart).toBe("COMMUNITY_ABROAD");
    const page = await (await get(`/events/${event.id}`)).text();
    expect(page).toMatch(/data-testid="report-part">Comunidad en el extranjero/);
    const edit = await (await get(`/events/${event.id}/edit`)).text();
    expect(edit).toMatch(/<option value="COMMUNITY_ABROAD" selected="">/);

    const refused = await post("/events/new", { name: `Taller ${unique()}`, ...base, kind: "VIRTUAL_WORKSHOP", reportPart: "COMMUNITY_ABROAD", reportPartDefault: "INSTITUTIONAL" });
    expect(refused.status).toBe(400);
    const html = (await refused.text()).replace(/&#x27;|&#39;/g, "'");
    expect(html).toContain(translate("es", "events.form.errors.reportPartOnline"));
    // The choice is kept on the form for the user to correct.
    expect(html).toMatch(/<option value="COMMUNITY_ABROAD" selected="">/);

    const list = await (await get(`/events?reportPart=COMMUNITY_ABROAD&q=${encodeURIComponent(name)}`)).text();
    expect(list).toContain(`href="/events/${event.id}"`);
    expect(list).toMatch(/data-testid="row-report-part">Comunidad en el extranjero/);
    expect(await (await get(`/events?reportPart=EDUCATIONAL&q=${encodeURIComponent(name)}`)).text()).not.toContain(`href="/events/${event.id}"`);
    // A time the form refuses (year beyond 2200) is a 400 with the form, not a 500 from comparing it.
    expect((await post("/events/new", { name: `Feria ${unique()}`, ...base, startsLocal: "2231-03-07T10:00", endsLocal: "2231-03-07T20:00" })).status).toBe(400);
    // A made-up part is no filter, never a 500.
    expect((await get("/events?reportPart=%27%3B--")).status).toBe(200);
  });

  it("filters the list by part", async () => {
    const actor = actorOf(await createUser({ role: "COORDINATOR" }));
    const tag = unique();
    const abroad = await createEvent(actor, input({ name: `Filtro ${tag} A` }));
    const mexico = await createEvent(actor, input({ name: `Filtro ${tag} B`, country: "MX", state: "Jalisco", kind: "OPERATION" }));
    const zone = "America/Mexico_City";
    expect((await listEvents({ q: `Filtro ${tag}`, reportPart: "COMMUNITY_ABROAD" }, null, zone)).rows.map((r) => r.id)).toEqual([abroad.id]);
    expect((await listEvents({ q: `Filtro ${tag}`, reportPart: "DECENTRALIZED" }, null, zone)).rows.map((r) => r.id)).toEqual([mexico.id]);
    expect((await listEvents({ q: `Filtro ${tag}` }, null, zone)).rows.map((r) => r.reportPart).sort()).toEqual(["COMMUNITY_ABROAD", "DECENTRALIZED"]);
  });
});

describe("the month's figures by part", () => {
  it("counts each held event once, in its part; never an online one abroad (hand-worked, March 2232)", async () => {
    const now = new Date("2232-04-15T00:00:00Z");
    const make = (data: { kind?: "COMMUNITY_FESTIVAL" | "VIRTUAL_WORKSHOP" | "OPERATION" | "FORUM"; status?: "HELD" | "CANCELLED"; day: string; country: string | null; venue?: string | null; onlineUrl?: string | null; reportPart: (typeof REPORT_PARTS)[number]; attendance: number; appointments?: number; requests?: number }) =>
      db.event.create({
        data: {
          name: `Cifra ${unique()}`,
          kind: data.kind ?? "COMMUNITY_FESTIVAL",
          status: data.status ?? "HELD",
          startsAt: new Date(`2232-03-${data.day}T18:00:00Z`),
          endsAt: new Date(`2232-03-${data.day}T21:00:00Z`),
          timeZone: "America/Chicago",
          country: data.country,
          venue: data.venue === undefined ? "Plaza" : data.venue,
          onlineUrl: data.onlineUrl ?? null,
          reportPart: data.reportPart,
          estimatedAttendance: data.attendance,
          credentialAppointments: data.appointments ?? 0,
          registrationRequests: data.requests ?? 0,
        },
      });
    const fortWorth = await make({ day: "04", country: "US", reportPart: "COMMUNITY_ABROAD", attendance: 120, appointments: 60, requests: 12 });
    const lynwood = await make({ day: "11", country: "US", reportPart: "COMMUNITY_ABROAD", attendance: 80, appointments: 35, requests: 10 });
    // A virtual workshop run from the US: online, institutional liaison, no attendance abroad.
    const virtual = await make({ kind: "VIRTUAL_WORKSHOP", day: "06", country: "US", venue: null, onlineUrl: "https://meet.example/t", reportPart: "INSTITUTIONAL", attendance: 40 });
    // Stored as COMMUNITY_ABROAD before the rule (a link, no venue): online, so counted under INSTITUTIONAL.
    const legacy = await make({ kind: "FORUM", day: "08", country: "CA", venue: null, onlineUrl: "https://meet.example/f", reportPart: "COMMUNITY_ABROAD", attendance: 25, appointments: 5 });
    const univa = await make({ kind: "FORUM", day: "09", country: "MX", reportPart: "EDUCATIONAL", attendance: 70 });
    const operation = await make({ kind: "OPERATION", day: "20", country: "MX", reportPart: "DECENTRALIZED", attendance: 500 });
    await make({ day: "21", country: "US", status: "CANCELLED", reportPart: "COMMUNITY_ABROAD", attendance: 999 });

    const f = await eventFiguresForMonth(2232, 3, now);
    expect(f.totals).toMatchObject({ events: 6, attendance: 835, appointments: 100, registrationRequests: 22 });
    expect(f.byPart.COMMUNITY_ABROAD).toMatchObject({ events: 2, attendance: 200, appointments: 95, registrationRequests: 22 });
    expect(f.byPart.INSTITUTIONAL).toMatchObject({ events: 2, attendance: 65, appointments: 5 });
    expect(f.byPart.EDUCATIONAL).toMatchObject({ events: 1, attendance: 70 });
    expect(f.byPart.DECENTRALIZED).toMatchObject({ events: 1, attendance: 500 });
    for (const part of ["SECRETARIAT", "CONTEST", "DIGITAL", "NOT_REPORTED"] as const) expect(f.byPart[part].events).toBe(0);
    // Each event once: the parts add up to the totals.
    expect(REPORT_PARTS.reduce((s, p) => s + f.byPart[p].events, 0)).toBe(f.totals.events);
    expect(REPORT_PARTS.reduce((s, p) => s + f.byPart[p].attendance, 0)).toBe(f.totals.attendance);
    expect(new Set(f.events.map((e) => e.id)).size).toBe(f.events.length);

    const byId = new Map(f.events.map((e) => [e.id, e]));
    expect(byId.get(fortWorth.id)).toMatchObject({ reportPart: "COMMUNITY_ABROAD", online: false, reclassified: false, kind: "COMMUNITY_FESTIVAL" });
    expect(byId.get(lynwood.id)).toMatchObject({ reportPart: "COMMUNITY_ABROAD", online: false });
    expect(byId.get(virtual.id)).toMatchObject({ reportPart: "INSTITUTIONAL", online: true, reclassified: false });
    expect(byId.get(legacy.id)).toMatchObject({ reportPart: "INSTITUTIONAL", online: true, reclassified: true });
    expect(byId.get(univa.id)).toMatchObject({ reportPart: "EDUCATIONAL", online: false });
    expect(byId.get(operation.id)).toMatchObject({ reportPart: "DECENTRALIZED" });
    // No online event is ever in «comunidad en el extranjero».
    expect(f.events.filter((e) => e.reportPart === "COMMUNITY_ABROAD").every((e) => !e.online)).toBe(true);
    // The country view is unchanged: the two US events abroad and the virtual workshop's country.
    expect(f.byCountry.find((c) => c.country === "US")?.figures.events).toBe(3);
  });
});
