/**
 * Events against the real database and server: creation and edits (audited), partners, staff and
 * the checklist, outcomes and their figures, the list's filters and keyset paging, the calendar,
 * the monthly figures, the CSV export, and the pages with each role. Every test makes events of
 * its own (a unique token in the name, a far-future month), since other files share the database.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import {
  addStaff,
  createEvent,
  EventError,
  getEvent,
  listMyEvents,
  recordOutcomes,
  removeStaff,
  setStaffConfirmed,
  updateEvent,
} from "~/modules/events/event.server";
import { calendarMonth, eventFiguresForMonth, eventsCsv, listEvents } from "~/modules/events/query.server";
import { eventFormSchema, parseOutcomesForm, type EventInput } from "~/modules/events/schema";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

const unique = () => randomUUID().slice(0, 8);
const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

function eventInput(overrides: Record<string, string | string[]> = {}): EventInput {
  return eventFormSchema.parse({
    name: `Feria ${unique()}`,
    kind: "COMMUNITY_FESTIVAL",
    status: "PLANNED",
    timeZone: "America/Chicago",
    startsLocal: "2017-11-19T10:00",
    endsLocal: "2017-11-19T20:00",
    country: "US",
    state: "Texas",
    city: "Fort Worth",
    venue: "Gran Plaza",
    ...overrides,
  });
}

/** A catalogue material of this test's own, named as staff would. */
async function material(name: string, kind: "LEAFLET" | "BUTTON" | "PENCIL" | "POSTCARD" | "SAMPLE_ID_CARD" = "LEAFLET") {
  return db.material.create({ data: { code: `EVT-${unique()}`, name: `${name} ${unique()}`, kind } });
}

function outcomes(values: Record<string, string>, handouts: Array<[string, string]>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  for (const [materialId, qty] of handouts) {
    form.append("handoutMaterial", materialId);
    form.append("handoutQty", qty);
  }
  const parsed = parseOutcomesForm(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

/** A far-future month of this test's own, so monthly figures hold only its events. */
function ownMonth() {
  const year = 2100 + Math.floor(Math.random() * 90);
  const month = 1 + Math.floor(Math.random() * 12);
  return { year, month, key: `${year}-${String(month).padStart(2, "0")}` };
}

describe("an event's life", () => {
  it("creates an event with partners, audits an edit, and keeps times in UTC with the event's zone", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const partner = await db.partner.create({ data: { name: `Consulado ${unique()}`, kind: "FOREIGN_SERVICE_POST", country: "US" } });
    const event = await createEvent(actorOf(user), eventInput({ partnerIds: [partner.id], name: "Día del Músico " + unique() }));
    expect(event.startsAt.toISOString()).toBe("2017-11-19T16:00:00.000Z");
    expect(event.timeZone).toBe("America/Chicago");
    expect(event.signupSlug).toBeNull();

    const input = eventInput({ name: event.name, partnerIds: [], status: "CONFIRMED", kioskEnabled: "on", signupOpensLocal: "2017-11-19T09:00", signupClosesLocal: "2017-11-19T21:00" });
    expect(await updateEvent(actorOf(user), event.id, input)).toEqual({ changed: true });
    expect(await updateEvent(actorOf(user), event.id, input)).toEqual({ changed: false });
    const view = await getEvent(event.id);
    expect(view?.partners).toEqual([]);
    expect(view?.event.status).toBe("CONFIRMED");
    expect(view?.event.signupSlug).toMatch(/^dia-del-musico-[a-z0-9]+-[a-z0-9]{6}$/);
    expect(view?.event.signupOpensAt?.toISOString()).toBe("2017-11-19T15:00:00.000Z");
    const entries = await db.auditLog.findMany({ where: { entity: "event", entityId: event.id }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["event.create", "event.update"]);
    expect(entries[1]?.before).toMatchObject({ status: "PLANNED", partnerIds: [partner.id] });
    expect(entries[1]?.after).toMatchObject({ status: "CONFIRMED", partnerIds: [] });

    await expect(updateEvent(actorOf(user), event.id, eventInput({ partnerIds: ["no-such-partner"] }))).rejects.toBeInstanceOf(EventError);
  });

  it("assigns staff, confirms them, and the checklist follows; outcomes give the figures and ratios", async () => {
    const coordinator = await createUser({ role: "COORDINATOR" });
    const helper = await createUser({ role: "COMMUNICATIONS", name: `Citlali ${unique()}` });
    const juror = await createUser({ role: "JUROR" });
    const event = await createEvent(actorOf(coordinator), eventInput({ status: "HELD" }));
    const now = new Date("2026-01-01T00:00:00Z");

    let view = await getEvent(event.id, { now });
    expect(view?.checklist.map((c) => [c.key, c.done, c.due])).toEqual([
      ["materialsRequested", false, true],
      ["staffConfirmed", false, true],
      ["outcomesRecorded", false, true],
    ]);

    expect(await addStaff(actorOf(coordinator), event.id, helper.id)).toEqual({ changed: true });
    expect(await addStaff(actorOf(coordinator), event.id, helper.id)).toEqual({ changed: false });
    await expect(addStaff(actorOf(coordinator), event.id, juror.id)).rejects.toMatchObject({ code: "userNotFound" });
    expect((await getEvent(event.id, { now }))?.checklist[1]?.done).toBe(false);
    await setStaffConfirmed(actorOf(coordinator), event.id, helper.id, true);
    const mine = await listMyEvents(helper.id, { now });
    expect(mine.past.map((e) => [e.id, e.confirmed])).toEqual([[event.id, true]]);

    await updateEvent(actorOf(coordinator), event.id, eventInput({ name: event.name, status: "HELD", materialsRequest: "2,000 dípticos" }));
    const [leaflets, buttons, pencils] = [await material("Dípticos"), await material("Botones", "BUTTON"), await material("Lápices", "PENCIL")];
    await recordOutcomes(
      actorOf(coordinator),
      event.id,
      outcomes({ estimatedAttendance: "23,000", credentialAppointments: "65", registrationRequests: "12", outcomeNotes: "Aforo de más de 23,000 personas" }, [
        [leaflets.id, "2000"],
        [buttons.id, "500"],
        [pencils.id, "500"],
      ]),
    );
    view = await getEvent(event.id, { now });
    expect(view?.checklist.every((c) => c.done)).toBe(true);
    expect(view?.outcomesRecordedBy?.id).toBe(coordinator.id);
    expect(view?.figures).toMatchObject({
      attendance: 23000,
      appointments: 65,
      registrationRequests: 12,
      handedOut: 3000,
      appointmentsPer1000: 21.7,
      registrationRequestsPer1000: 4,
      signupsPer1000: 0,
    });
    // The hand-outs are in the materials ledger, their only source.
    expect(view?.handouts.map((h) => [h.materialId, h.quantity])).toEqual([
      [buttons.id, 500],
      [leaflets.id, 2000],
      [pencils.id, 500],
    ]);
    expect(await db.stockMovement.count({ where: { eventId: event.id, kind: "HANDOUT" } })).toBe(3);
    const audit = await db.auditLog.findFirst({ where: { entity: "event", entityId: event.id, action: "event.outcomes" } });
    expect(audit?.after).toMatchObject({ credentialAppointments: 65 });
    expect((audit?.after as { handouts: Array<{ materialId: string; quantity: number }> }).handouts).toEqual(
      expect.arrayContaining([{ materialId: leaflets.id, quantity: 2000 }, { materialId: buttons.id, quantity: 500 }, { materialId: pencils.id, quantity: 500 }]),
    );

    await removeStaff(actorOf(coordinator), event.id, helper.id);
    expect((await getEvent(event.id, { now }))?.checklist[1]?.done).toBe(false);
  });
});

describe("lists, calendar and monthly figures", () => {
  it("filters by kind, status, place, dates, staff and partner, newest first, paged by key", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const token = `tok${unique()}`;
    const partner = await db.partner.create({ data: { name: `UNIVA ${token}`, kind: "UNIVERSITY", country: "MX" } });
    const a = await createEvent(actorOf(user), eventInput({ name: `Foro ${token} a`, kind: "FORUM", country: "MX", state: "Jalisco", timeZone: "America/Mexico_City", startsLocal: "2017-11-02T11:00", endsLocal: "2017-11-02T13:00", partnerIds: [partner.id] }));
    const b = await createEvent(actorOf(user), eventInput({ name: `Feria ${token} b`, startsLocal: "2017-11-19T10:00", endsLocal: "2017-11-19T20:00" }));
    const c = await createEvent(actorOf(user), eventInput({ name: `Pavos ${token} c`, timeZone: "America/Los_Angeles", state: "California", startsLocal: "2017-11-21T09:00", endsLocal: "2017-11-21T15:00", status: "HELD" }));
    await addStaff(actorOf(user), b.id, user.id);
    const zone = "America/Mexico_City";
    const ids = async (filter: Record<string, string>) => (await listEvents({ q: token, ...filter }, null, zone)).rows.map((r) => r.id);

    expect(await ids({})).toEqual([c.id, b.id, a.id]);
    expect(await ids({ kind: "FORUM" })).toEqual([a.id]);
    expect(await ids({ status: "HELD" })).toEqual([c.id]);
    expect(await ids({ country: "US" })).toEqual([c.id, b.id]);
    expect(await ids({ country: "US", state: "US-CA" })).toEqual([c.id]);
    expect(await ids({ from: "2017-11-19", to: "2017-11-20" })).toEqual([b.id]);
    expect(await ids({ staff: user.id })).toEqual([b.id]);
    expect(await ids({ partner: partner.id })).toEqual([a.id]);

    const first = await listEvents({ q: token }, null, zone, 2);
    expect(first.rows.map((r) => r.id)).toEqual([c.id, b.id]);
    expect(first.count).toEqual({ value: 3, exact: true });
    const second = await listEvents({ q: token }, first.nextCursor, zone, 2);
    expect(second.rows.map((r) => r.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    expect(first.rows[0]?.partners).toBeNull();
    expect((await listEvents({ q: token, kind: "FORUM" }, null, zone)).rows[0]?.partners).toBe(partner.name);
  });

  it("exports the filtered list as CSV with formula cells neutralised", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const token = `csv${unique()}`;
    await createEvent(actorOf(user), eventInput({ name: `=HYPERLINK("http://x") ${token}`, city: "+Fort Worth" }));
    let text = "";
    for await (const chunk of eventsCsv({ q: token }, "America/Mexico_City", { delimiter: ";" })) text += chunk;
    const lines = text.split("\r\n");
    expect(lines[0]?.startsWith("\uFEFFnombre;tipo;estado_evento;inicio_local")).toBe(true);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"") ${token}"`);
    expect(lines[1]).toContain(";'+Fort Worth;");
    expect(lines[1]).toContain("2017-11-19 10:00;2017-11-19 20:00;America/Chicago;2017-11-19T16:00:00.000Z");
  });

  it("puts events on their local days in the calendar and sums a month's figures per country", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const { year, month, key } = ownMonth();
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    // 20:00 in Los Angeles on the last day is already the next month in UTC: it counts in this month.
    const la = await createEvent(actorOf(user), eventInput({ timeZone: "America/Los_Angeles", startsLocal: `${key}-${lastDay}T20:00`, endsLocal: `${key}-${lastDay}T22:00`, state: "California", status: "HELD" }));
    const tx = await createEvent(actorOf(user), eventInput({ startsLocal: `${key}-10T10:00`, endsLocal: `${key}-11T18:00`, status: "HELD" }));
    const mx = await createEvent(actorOf(user), eventInput({ country: "MX", state: "Jalisco", timeZone: "America/Mexico_City", startsLocal: `${key}-05T11:00`, endsLocal: `${key}-05T13:00`, status: "HELD" }));
    const cancelled = await createEvent(actorOf(user), eventInput({ startsLocal: `${key}-12T10:00`, endsLocal: `${key}-12T11:00`, status: "CANCELLED" }));
    const [leaflets, buttons, postcards, cards] = [await material("Dípticos"), await material("Botones", "BUTTON"), await material("Postales", "POSTCARD"), await material("Credenciales de muestra", "SAMPLE_ID_CARD")];
    // The month is in the future: outcomes and figures are taken as of the year after it.
    const after = new Date(Date.UTC(year + 1, 0, 15));
    await recordOutcomes(actorOf(user), tx.id, outcomes({ estimatedAttendance: "23000", credentialAppointments: "65", registrationRequests: "12" }, [[leaflets.id, "2000"], [buttons.id, "1000"]]), after);
    await recordOutcomes(actorOf(user), la.id, outcomes({ credentialAppointments: "30", registrationRequests: "10" }, [[leaflets.id, "1500"], [postcards.id, "1000"], [cards.id, "500"]]), after);
    await recordOutcomes(actorOf(user), mx.id, outcomes({ estimatedAttendance: "70" }, []), after);
    await expect(recordOutcomes(actorOf(user), cancelled.id, outcomes({ credentialAppointments: "999" }, [[leaflets.id, "1"]]), after)).rejects.toMatchObject({ code: "cancelled" });

    const calendar = await calendarMonth(key);
    expect(calendar.days[`${key}-${lastDay}`]?.map((e) => e.id)).toContain(la.id);
    expect(calendar.days[`${key}-10`]?.map((e) => e.id)).toEqual([tx.id]);
    expect(calendar.days[`${key}-11`]?.map((e) => e.id)).toEqual([tx.id]);
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
    expect((await calendarMonth(next)).days[`${next}-01`] ?? []).not.toContainEqual(expect.objectContaining({ id: la.id }));

    const figures = await eventFiguresForMonth(year, month, after);
    expect(figures.events.map((e) => e.id).sort()).toEqual([la.id, tx.id, mx.id].sort());
    const us = figures.byCountry.find((c) => c.country === "US")!.figures;
    expect(us).toMatchObject({ events: 2, attendance: 23000, appointments: 95, registrationRequests: 22, handedOut: 6000, appointmentsPer1000: 15.8, registrationRequestsPer1000: 3.7 });
    const mexico = figures.byCountry.find((c) => c.country === "MX")!.figures;
    expect(mexico).toMatchObject({ events: 1, attendance: 70, handedOut: 0, appointmentsPer1000: null });
    expect(figures.totals).toMatchObject({ events: 3, attendance: 23070, appointments: 95 });
  });
});

describe("the pages over HTTP, by role", () => {
  async function signedIn(role: "ADMIN" | "COORDINATOR" | "COMMUNICATIONS" | "JUROR") {
    const user = await createUser({ role });
    if (role === "ADMIN") await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
    const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const base = new TestClient().baseUrl;
    const ip = uniqueIp();
    const headers = { cookie, "x-forwarded-for": ip, origin: new URL(base).origin };
    return {
      user,
      get: (path: string) => fetch(new URL(path, base), { headers, redirect: "manual" }),
      post: (path: string, form: Record<string, string>) =>
        fetch(new URL(path, base), { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form), redirect: "manual" }),
      postMultipart: (path: string, body: FormData) => fetch(new URL(path, base), { method: "POST", headers, body, redirect: "manual" }),
    };
  }
  const form = (name: string) => ({
    name,
    kind: "INFO_BOOTH",
    status: "PLANNED",
    timeZone: "America/Chicago",
    startsLocal: "2017-11-19T10:00",
    endsLocal: "2017-11-19T20:00",
    country: "US",
  });

  for (const role of ["ADMIN", "COORDINATOR"] as const) {
    it(`lets ${role} create, edit and record outcomes`, async () => {
      const c = await signedIn(role);
      expect((await c.get("/events/new")).status).toBe(200);
      const name = `Módulo ${role} ${unique()}`;
      const created = await c.post("/events/new", form(name));
      expect(created.status).toBe(302);
      const event = await db.event.findFirstOrThrow({ where: { name } });
      expect(created.headers.get("location")).toBe(`/events/${event.id}`);
      const page = await c.get(`/events/${event.id}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(name);
      expect(html).toContain("America/Chicago");
      const leaflets = await material("Dípticos");
      expect((await c.post(`/events/${event.id}/outcomes`, { credentialAppointments: "65", handoutMaterial: leaflets.id, handoutQty: "2000" })).status).toBe(302);
      expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).credentialAppointments).toBe(65);
      expect((await db.stockMovement.findFirstOrThrow({ where: { eventId: event.id, kind: "HANDOUT" } })).quantity).toBe(2000);
      expect((await c.post(`/events/${event.id}`, { intent: "addStaff", userId: c.user.id })).status).toBe(302);
      expect(await db.eventStaff.count({ where: { eventId: event.id, userId: c.user.id } })).toBe(1);
    });
  }

  it("uploads a photo checked by its content, and removes it", async () => {
    const c = await signedIn("COORDINATOR");
    const event = await createEvent(actorOf(c.user), eventInput());
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const upload = (bytes: Buffer, name: string, type: string) => {
      const body = new FormData();
      body.set("photo", new Blob([new Uint8Array(bytes)], { type }), name);
      body.set("caption", "Módulo en la Gran Plaza");
      return c.postMultipart(`/events/${event.id}`, body);
    };
    expect((await upload(png, "modulo.png", "image/png")).status).toBe(302);
    const photo = await db.eventPhoto.findFirstOrThrow({ where: { eventId: event.id } });
    expect(photo).toMatchObject({ fileName: "modulo.png", caption: "Módulo en la Gran Plaza", uploadedById: c.user.id });
    expect(await (await c.get(`/events/${event.id}`)).text()).toContain(`/files/${photo.fileSha256}`);

    // An HTML file named .png is refused by its content.
    const fake = await upload(Buffer.from("<script>alert(1)</script>"), "foto.png", "image/png");
    expect(fake.status).toBe(400);
    expect(await fake.text()).toContain("Solo se aceptan imágenes PNG, JPEG, GIF o WebP.");
    expect(await db.eventPhoto.count({ where: { eventId: event.id } })).toBe(1);

    expect((await c.post(`/events/${event.id}`, { intent: "deletePhoto", photoId: photo.id })).status).toBe(302);
    expect(await db.eventPhoto.count({ where: { eventId: event.id } })).toBe(0);
    const actions = (await db.auditLog.findMany({ where: { entity: "event", entityId: event.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["event.create", "event.photo.add", "event.photo.delete"]);
  });

  it("keeps what was typed and says what is wrong", async () => {
    const c = await signedIn("COORDINATOR");
    const name = `Foro ${unique()}`;
    const res = await c.post("/events/new", { ...form(name), timeZone: "Texas/Fort_Worth", endsLocal: "2017-11-19T09:00" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(name);
    expect(html).toContain("Escribe una zona horaria IANA válida");
    expect(await db.event.count({ where: { name } })).toBe(0);
  });

  it("lets COMMUNICATIONS read every view but change nothing, and refuses JUROR", async () => {
    const coordinator = await createUser({ role: "COORDINATOR" });
    const event = await createEvent(actorOf(coordinator), eventInput());
    const comms = await signedIn("COMMUNICATIONS");
    for (const path of ["/events", `/events?q=${encodeURIComponent(event.name)}`, "/events/calendar?month=2017-11", "/events/by-country?year=2017", "/events/mine", `/events/${event.id}`, "/events/export.csv"]) {
      expect((await comms.get(path)).status, path).toBe(200);
    }
    expect((await comms.get("/events/new")).status).toBe(403);
    expect((await comms.get(`/events/${event.id}/edit`)).status).toBe(403);
    expect((await comms.post(`/events/${event.id}`, { intent: "addStaff", userId: comms.user.id })).status).toBe(403);
    expect((await comms.post(`/events/${event.id}/outcomes`, { credentialAppointments: "1" })).status).toBe(403);
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).credentialAppointments).toBeNull();

    const juror = await signedIn("JUROR");
    for (const path of ["/events", `/events/${event.id}`, "/events/calendar", "/events/export.csv"]) expect((await juror.get(path)).status, path).toBe(403);
    expect(await db.auditLog.count({ where: { actorId: juror.user.id, action: "permission.denied" } })).toBeGreaterThanOrEqual(4);
  });
});
