/**
 * One definition per figure (issue 15, decision 018): the home page, the monthly report (page and
 * CSV annex) and the events figures ("by country") count the same events held — started by now and
 * not cancelled — and sum the same outcomes. And outcomes are refused before an event starts;
 * recording them moves the event to HELD. Months are this file's own (1987 and 2161).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { getEvent, recordOutcomes } from "~/modules/events/event.server";
import { eventFiguresForMonth, figuresByCountry } from "~/modules/events/query.server";
import { parseOutcomesForm } from "~/modules/events/schema";
import { computeReportFigures } from "~/modules/reports/figures.server";
import { homeDashboard } from "~/modules/reports/home.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

type Status = "PLANNED" | "CONFIRMED" | "HELD" | "CANCELLED";

async function makeEvent(startsAt: string, status: Status, outcomes: { attendance?: number; appointments?: number; requests?: number } = {}, country = "US") {
  const start = new Date(startsAt);
  return db.event.create({
    data: {
      name: `Evento ${randomUUID().slice(0, 8)}`,
      kind: "COMMUNITY_FESTIVAL",
      status,
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * 3_600_000),
      timeZone: "America/Chicago",
      country,
      reportPart: country === "MX" ? "INSTITUTIONAL" : "COMMUNITY_ABROAD",
      estimatedAttendance: outcomes.attendance ?? null,
      credentialAppointments: outcomes.appointments ?? null,
      registrationRequests: outcomes.requests ?? null,
    },
  });
}

const htmlText = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");

function homeFigure(html: string, key: string): number {
  const m = html.match(new RegExp(`data-figure="${key}"[\\s\\S]*?dash-card__value">([\\d,]+)<`));
  expect(m, key).toBeTruthy();
  return Number(m![1]!.replace(/,/g, ""));
}

describe("events held: one definition", () => {
  it("agrees in a month with a cancelled and a future event (home, report, by country)", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const now = new Date("2161-06-20T12:00:00Z");
    await makeEvent("2161-06-03T17:00:00Z", "HELD", { attendance: 100, appointments: 10, requests: 3 });
    // Past but never marked held: it was held all the same.
    await makeEvent("2161-06-10T17:00:00Z", "PLANNED", { attendance: 50, appointments: 5, requests: 1 }, "MX");
    await makeEvent("2161-06-12T17:00:00Z", "CANCELLED", { attendance: 999, appointments: 99 });
    // Not started yet (outcomes typed in early, as the old form allowed): neither held nor summed.
    await makeEvent("2161-06-25T17:00:00Z", "PLANNED", { attendance: 280, appointments: 28 });

    const events = await eventFiguresForMonth(2161, 6, now);
    expect(events.totals).toMatchObject({ events: 2, attendance: 150, appointments: 15, registrationRequests: 4 });

    const home = await homeDashboard({ id: user.id, role: "COORDINATOR" }, "2161-06", now);
    const figure = (key: string) => home.coordinator!.figures.find((f) => f.key === key)!.current;
    expect([figure("eventsHeld"), figure("attendance"), figure("appointments"), figure("registrationRequests")]).toEqual([2, 150, 15, 4]);

    const report = await computeReportFigures("2161-06", now);
    expect(report.all.eventTotals).toMatchObject({ events: 2, attendance: 150, appointments: 15, registrationRequests: 4 });
    // Each event counts in exactly one part of the report.
    expect(report.community_abroad.totals.events + report.institutional.events.length).toBe(2);

    const byCountry = await figuresByCountry(2161, now);
    const june = byCountry.months.filter((m) => m.month === "2161-06");
    expect(june.reduce((s, m) => s + m.figures.events, 0)).toBe(2);
    expect(june.reduce((s, m) => s + m.figures.attendance, 0)).toBe(150);
  });

  it("shows the same numbers on the home page, the report page and its CSV annex", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    await makeEvent("1987-02-05T18:00:00Z", "HELD", { attendance: 120, appointments: 12, requests: 2 });
    await makeEvent("1987-02-12T18:00:00Z", "CONFIRMED", { attendance: 80, appointments: 8, requests: 1 });
    await makeEvent("1987-02-14T18:00:00Z", "CANCELLED", { attendance: 500, appointments: 50 });

    const home = await (await client.get("/?month=1987-02")).text();
    expect(homeFigure(home, "eventsHeld")).toBe(2);
    expect(homeFigure(home, "attendance")).toBe(200);
    expect(homeFigure(home, "appointments")).toBe(20);

    const figures = (await (await client.get("/reports/1987-02/figures.json")).json()) as { community_abroad: Record<string, number> };
    expect(figures.community_abroad).toMatchObject({ events: 2, attendance: 200, appointments: 20, registration_requests: 3 });
    const report = htmlText(await (await client.get("/reports/1987-02")).text());
    expect(report).toContain("200");

    const csv = await (await client.get("/reports/1987-02/annex/events.csv")).text();
    expect(csv.trim().split("\r\n").slice(1)).toHaveLength(2);
  });
});

function outcomesForm(values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  const parsed = parseOutcomesForm(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

describe("outcomes and the event's status", () => {
  it("refuses outcomes before the event starts, over HTTP keeping what was typed", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const event = await makeEvent(soon, "CONFIRMED");
    await expect(recordOutcomes({ userId: user.id, ip: "test" }, event.id, outcomesForm({ estimatedAttendance: "280" }))).rejects.toMatchObject({ code: "notStarted" });

    const client = new TestClient();
    expect((await client.login(user.email)).status).toBe(302);
    const res = await client.post(`/events/${event.id}/outcomes`, { estimatedAttendance: "280", credentialAppointments: "12", outcomeNotes: "Anotado antes de tiempo" });
    expect(res.status).toBe(409);
    const html = htmlText(await res.text());
    expect(html).toContain("Este evento aún no empieza");
    expect(html).toContain("Anotado antes de tiempo");
    const row = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ status: "CONFIRMED", estimatedAttendance: null, outcomesRecordedAt: null });
  });

  it("moves a started PLANNED or CONFIRMED event to HELD when its outcomes are recorded, and the checklist agrees", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    for (const status of ["PLANNED", "CONFIRMED"] as const) {
      const event = await makeEvent(new Date(Date.now() - 3 * 86_400_000).toISOString(), status);
      expect(await recordOutcomes({ userId: user.id, ip: "test" }, event.id, outcomesForm({ estimatedAttendance: "280" }))).toEqual({ changed: true });
      const view = await getEvent(event.id);
      expect(view?.event.status).toBe("HELD");
      expect(view?.checklist.find((c) => c.key === "outcomesRecorded")).toMatchObject({ done: true });
      expect(view?.figures.events).toBe(1);
      const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "event", entityId: event.id, action: "event.outcomes" } });
      expect(audit.before).toMatchObject({ status });
      expect(audit.after).toMatchObject({ status: "HELD" });
    }
  });
});
