/**
 * The coordinator home reads its months as ranges (issue 20): the materials chart's six months in
 * one read of the materials module (materialFiguresForMonths), the month and the one before of the
 * events (eventFiguresForMonths) and the partners (partnerTotalsForMonths) in one read each. Each
 * month of a range must be exactly that month's own figures — the ones the month page and the
 * report show — with hand-worked values on rows at the months' edges (an event whose local date is
 * a month before its UTC date, a receipt in the office's zone, a year's end). July 2200 to January
 * 2201 are this file's own (the event form takes years up to 2200).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createEvent, recordOutcomes } from "~/modules/events/event.server";
import { eventFiguresForMonth, eventFiguresForMonths } from "~/modules/events/query.server";
import { eventFormSchema, parseOutcomesForm } from "~/modules/events/schema";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { materialFiguresForMonth, materialFiguresForMonths, materialTotalsForMonths } from "~/modules/materials/figures.server";
import { recordMovement } from "~/modules/materials/ledger.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createShipment, receiveShipment, shipShipment } from "~/modules/materials/shipments.server";
import { partnerTotalsForMonth, partnerTotalsForMonths } from "~/modules/partners/index.server";
import { homeDashboard } from "~/modules/reports/home.server";
import { getSettings } from "~/modules/settings/settings.server";
import { createUser } from "../support/factories";

const unique = () => randomUUID().slice(0, 8);
const MONTHS = ["2200-07", "2200-08", "2200-09", "2200-10", "2200-11", "2200-12"];
const NOW = new Date("2201-06-01T00:00:00Z");

const eventInput = (overrides: Record<string, string>) =>
  eventFormSchema.parse({
    name: `Feria ${unique()}`,
    kind: "COMMUNITY_FESTIVAL",
    status: "HELD",
    timeZone: "America/Chicago",
    startsLocal: "2200-07-19T10:00",
    endsLocal: "2200-07-19T20:00",
    country: "US",
    state: "Texas",
    city: "Fort Worth",
    ...overrides,
  });

function handouts(materialId: string, quantity: number) {
  const form = new FormData();
  form.append("handoutMaterial", materialId);
  form.append("handoutQty", String(quantity));
  const parsed = parseOutcomesForm(form);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.errors));
  return parsed.data;
}

describe("the home's months, read as ranges", () => {
  it("gives each month of a range exactly the month's own figures (materials, events, partners) and the home shows them", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const actor = { userId: user.id, ip: "127.0.0.1" };
    const tag = unique();
    const { timeZone } = await getSettings();
    const material = await createMaterial(actor, materialFormSchema.parse({ code: `HM-${tag}`, name: `Cartel ${tag}`, kind: "POSTER", audience: "USA", language: "es", lowStockThreshold: "0", active: "on" }));
    const warehouse = await createLocation(actor, { name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: "Ciudad de México", active: true });
    await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 100_000, supplier: "Talleres Gráficos de México", orderRef: `OC-${tag}` });
    const partner = await db.partner.create({ data: { name: `Programa ${tag}`, kind: "INTERNATIONAL_PROGRAMME", country: "CA" } });
    const other = await db.partner.create({ data: { name: `Otra ${tag}`, kind: "CIVIL_SOCIETY", country: "MX" } });
    const ship = async (destination: Parameters<typeof createShipment>[1]["destination"], quantity: number, receivedAt: Date) => {
      const s = await createShipment(actor, { fromLocationId: warehouse.id, destination, lines: [{ materialId: material.id, quantity }] });
      await shipShipment(actor, s.id, {}, new Date(receivedAt.getTime() - 86_400_000));
      await receiveShipment(actor, s.id, { received: { [material.id]: quantity }, note: null }, receivedAt);
    };

    // July: an event in Texas.
    const jul = await createEvent(actor, eventInput({}));
    await ship({ kind: "event", eventId: jul.id }, 100, new Date("2200-07-10T18:00:00Z"));
    // August: 31 August 20:00 in Los Angeles is already September in UTC; 150 of its 200 handed out.
    const aug = await createEvent(actor, eventInput({ timeZone: "America/Los_Angeles", state: "California", city: "Los Ángeles", startsLocal: "2200-08-31T20:00", endsLocal: "2200-08-31T23:00" }));
    await ship({ kind: "event", eventId: aug.id }, 200, new Date("2200-08-20T18:00:00Z"));
    await recordOutcomes(actor, aug.id, handouts(material.id, 150), NOW);
    // October: an event in Mexico just after midnight of the first; and the partner's office
    // receives on 1 November at 03:00 UTC, still 31 October in the office's zone (America/Mexico_City by default).
    const oct = await createEvent(actor, eventInput({ country: "MX", state: "Jalisco", city: "Zapopan", timeZone: "America/Mexico_City", startsLocal: "2200-10-01T00:30", endsLocal: "2200-10-01T02:00" }));
    await ship({ kind: "event", eventId: oct.id }, 300, new Date("2200-09-25T18:00:00Z"));
    await ship({ kind: "partner", partnerId: partner.id }, 1000, new Date("2200-11-01T03:00:00Z"));
    // November: the office again; a cancelled event counts for nothing.
    await ship({ kind: "partner", partnerId: partner.id }, 2000, new Date("2200-11-15T18:00:00Z"));
    const cancelled = await createEvent(actor, eventInput({ status: "CANCELLED", startsLocal: "2200-11-20T10:00", endsLocal: "2200-11-20T11:00" }));
    await ship({ kind: "event", eventId: cancelled.id }, 50, new Date("2200-11-10T18:00:00Z"));
    // December: 700 to an event in Mexico, 36 of them returned; 10 to one on New Year's Eve in Los
    // Angeles, which is January 2201 in UTC (a month past the range's end).
    const dec = await createEvent(actor, eventInput({ country: "MX", state: "Jalisco", city: "Zapopan", timeZone: "America/Mexico_City", startsLocal: "2200-12-02T10:00", endsLocal: "2200-12-02T12:00" }));
    await ship({ kind: "event", eventId: dec.id }, 700, new Date("2200-11-28T18:00:00Z"));
    const decLoc = await db.location.findUniqueOrThrow({ where: { eventId: dec.id } });
    await recordMovement(actor, { kind: "RETURN", materialId: material.id, fromLocationId: decLoc.id, toLocationId: warehouse.id, quantity: 36 });
    const newYear = await createEvent(actor, eventInput({ timeZone: "America/Los_Angeles", state: "California", city: "Los Ángeles", startsLocal: "2200-12-31T20:00", endsLocal: "2200-12-31T23:00" }));
    await ship({ kind: "event", eventId: newYear.id }, 10, new Date("2200-12-20T18:00:00Z"));
    // Partners' own activities: one shared by two institutions in November (40 handed out), one in December.
    const shared = await db.partnerActivity.create({ data: { partnerId: partner.id, occurredOn: new Date("2200-11-10"), kind: "MATERIALS_DELIVERED", summary: `Entrega ${tag}`, itemsDistributed: 40, peopleReached: 12 } });
    await db.partnerActivityPartner.createMany({ data: [{ activityId: shared.id, partnerId: partner.id }, { activityId: shared.id, partnerId: other.id }] });
    await db.partnerActivity.create({ data: { partnerId: other.id, occurredOn: new Date("2200-12-31"), kind: "OTHER", summary: `Plática ${tag}`, peopleReached: 10 } });

    const officeMonth = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).format(new Date("2200-11-01T03:00:00Z")).slice(0, 7);
    const expected: Record<string, number> = { "2200-07": 100, "2200-08": 200, "2200-09": 0, "2200-10": 300, "2200-11": 2000, "2200-12": 674 };
    expected[officeMonth] = (expected[officeMonth] ?? 0) + 1000;

    // Materials: the range is the six single months, key by key.
    const singles = await Promise.all(MONTHS.map((k) => materialFiguresForMonth(Number(k.slice(0, 4)), Number(k.slice(5, 7)))));
    const range = await materialFiguresForMonths(2200, 7, 6);
    expect(range).toEqual(singles);
    expect(range.map((f) => f.month)).toEqual(MONTHS);
    const mine = (f: (typeof range)[number]) => f.byMaterial.find((m) => m.materialId === material.id)?.total ?? 0;
    expect(Object.fromEntries(range.map((f) => [f.month, mine(f)]))).toEqual(expected);
    expect(range.map((f) => f.handedOutAtEvents)).toEqual([0, 150, 0, 0, 0, 0]);
    expect(range.map((f) => f.partnerReported.total)).toEqual([0, 0, 0, 0, 40, 0]);
    expect(range[4]!.partnerReported.byActivity.map((a) => a.institutions.map((i) => i.id))).toEqual([[partner.id, other.id]]);
    // The home's totals: the months' own totals and totals by kind (the same rows, added up in the database).
    const totals = await materialTotalsForMonths(2200, 7, 6);
    expect(totals.map((t) => ({ month: t.month, totals: t.totals, byKind: [...t.byKind].sort((a, b) => a.kind.localeCompare(b.kind)) }))).toEqual(
      singles.map((f) => ({ month: f.month, totals: f.totals, byKind: [...f.byKind].sort((a, b) => a.kind.localeCompare(b.kind)) })),
    );
    expect(totals.map((t) => t.totals.total)).toEqual(MONTHS.map((k) => expected[k]));
    expect(totals[3]!.totals).toMatchObject({ eventsMexico: 300, partners: officeMonth === "2200-10" ? 1000 : 0 });
    // A range across the year's end gives the same months.
    expect(await materialFiguresForMonths(2200, 11, 3)).toEqual([...singles.slice(4), await materialFiguresForMonth(2201, 1)]);

    // Events and partners: the same, and the hand-worked counts.
    const eventSingles = await Promise.all(MONTHS.map((k) => eventFiguresForMonth(Number(k.slice(0, 4)), Number(k.slice(5, 7)), NOW)));
    const eventRange = await eventFiguresForMonths(2200, 7, 6, NOW);
    expect(eventRange).toEqual(eventSingles);
    expect(eventRange.map((f) => f.totals.events)).toEqual([1, 1, 0, 1, 0, 2]);
    expect(eventRange[1]!.events.map((e) => e.id)).toEqual([aug.id]);
    expect(eventRange[5]!.events.map((e) => e.id)).toEqual([dec.id, newYear.id]);
    expect(await eventFiguresForMonths(2200, 12, 2, NOW)).toEqual([eventSingles[5], await eventFiguresForMonth(2201, 1, NOW)]);
    const partnerSingles = await Promise.all(MONTHS.map((k) => partnerTotalsForMonth(Number(k.slice(0, 4)), Number(k.slice(5, 7)))));
    const partnerRange = await partnerTotalsForMonths(2200, 7, 6);
    expect(partnerRange).toEqual(partnerSingles);
    expect(partnerRange.map((f) => [f.activities, f.peopleReached, f.itemsDistributed])).toEqual([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [1, 12, 40], [1, 10, 0]]);

    // The coordinator home on November (its month range ends before 2201): November against
    // October, and the chart's six months, June to November.
    const home = await homeDashboard({ id: user.id, role: "COORDINATOR" }, "2200-11", NOW);
    const figure = (key: string) => home.coordinator!.figures.find((f) => f.key === key);
    expect(figure("materialsDistributed")).toEqual({ key: "materialsDistributed", current: singles[4]!.totals.total, previous: singles[3]!.totals.total });
    expect(figure("materialsDistributed")?.current).toBe(expected["2200-11"]);
    expect(figure("eventsHeld")).toEqual({ key: "eventsHeld", current: 0, previous: 1 });
    expect(figure("partnerActivities")).toEqual({ key: "partnerActivities", current: 1, previous: 0 });
    const chart = home.coordinator!.charts.materialsByKind;
    const chartMonths = ["2200-06", ...MONTHS.slice(0, 5)];
    expect(chart.labels).toEqual(chartMonths);
    expect(chart.series).toEqual([{ key: "POSTER", values: chartMonths.map((k) => expected[k] ?? 0) }]);
  });
});
