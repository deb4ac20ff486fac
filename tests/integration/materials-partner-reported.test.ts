/**
 * Materials figures (issue 16): one ledger figure per destination line — events abroad, events in
 * Mexico, online events (neither: the events module's definition), partners, foreign-service posts
 * — and, beside them, what partners report handing out themselves (PartnerActivity.
 * itemsDistributed), labelled and never added to the ledger's total. May 2199 is this file's own.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { createEvent } from "~/modules/events/event.server";
import { eventFormSchema } from "~/modules/events/schema";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { materialFiguresForMonth, materialsCsv } from "~/modules/materials/figures.server";
import { recordMovement } from "~/modules/materials/ledger.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createShipment, receiveShipment, shipShipment } from "~/modules/materials/shipments.server";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

const unique = () => randomUUID().slice(0, 8);

const eventInput = (overrides: Record<string, string>) =>
  eventFormSchema.parse({
    name: `Evento ${unique()}`,
    kind: "COMMUNITY_FESTIVAL",
    status: "HELD",
    timeZone: "America/Chicago",
    startsLocal: "2199-05-19T10:00",
    endsLocal: "2199-05-19T20:00",
    country: "US",
    state: "Texas",
    city: "Fort Worth",
    venue: "Gran Plaza",
    ...overrides,
  });

describe("materials figures: the ledger, and what partners report apart", () => {
  it("gives one figure per destination line; partner-reported quantities are listed and never change the total", async () => {
    const user = await createUser({ role: "COORDINATOR" });
    const actor = { userId: user.id, ip: "127.0.0.1" };
    const tag = unique();
    const material = await createMaterial(actor, materialFormSchema.parse({ code: `PR-${tag}`, name: `Folleto ${tag}`, kind: "LEAFLET", audience: "USA", language: "es", lowStockThreshold: "0", active: "on" }));
    const warehouse = await createLocation(actor, { name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: "Ciudad de México", active: true });
    const post = await createLocation(actor, { name: `Consulado ${tag}`, kind: "FOREIGN_SERVICE_POST", partnerId: null, country: "US", state: null, city: "Dallas", active: true });
    await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 100_000, supplier: "Talleres Gráficos de México", orderRef: `OC-${tag}` });
    const paisano = await db.partner.create({ data: { name: `Programa Paisano ${tag}`, kind: "FEDERAL_AGENCY", country: "MX" } });
    const imumi = await db.partner.create({ data: { name: `IMUMI ${tag}`, kind: "CIVIL_SOCIETY", country: "MX" } });

    const abroad = await createEvent(actor, eventInput({}));
    const mexico = await createEvent(actor, eventInput({ country: "MX", state: "Jalisco", city: "Zapopan", timeZone: "America/Mexico_City" }));
    // Run from the US, but online: neither abroad nor in Mexico.
    const virtual = await createEvent(actor, eventInput({ kind: "VIRTUAL_WORKSHOP", venue: "", onlineUrl: "https://meet.example/taller" }));
    const linkOnly = await createEvent(actor, eventInput({ kind: "FORUM", country: "CA", state: "", city: "", venue: "", onlineUrl: "https://meet.example/foro" }));
    const ship = async (destination: Parameters<typeof createShipment>[1]["destination"], quantity: number) => {
      const s = await createShipment(actor, { fromLocationId: warehouse.id, destination, lines: [{ materialId: material.id, quantity }] });
      await shipShipment(actor, s.id, {}, new Date("2199-05-05T18:00:00Z"));
      await receiveShipment(actor, s.id, { received: { [material.id]: quantity }, note: null }, new Date("2199-05-10T18:00:00Z"));
    };
    await ship({ kind: "event", eventId: abroad.id }, 3000);
    await ship({ kind: "event", eventId: mexico.id }, 700);
    await ship({ kind: "event", eventId: virtual.id }, 150);
    await ship({ kind: "event", eventId: linkOnly.id }, 50);
    await ship({ kind: "partner", partnerId: paisano.id }, 20_000);
    await ship({ kind: "location", locationId: post.id }, 4000);

    const mine = (f: Awaited<ReturnType<typeof materialFiguresForMonth>>) => f.byMaterial.find((m) => m.materialId === material.id);
    const before = await materialFiguresForMonth(2199, 5);
    // Hand-worked: 3,000 abroad; 700 in Mexico; 150 + 50 online; 20,000 to the partner; 4,000 to the post.
    expect(mine(before)).toMatchObject({ eventsAbroad: 3000, eventsMexico: 700, eventsOnline: 200, partners: 20_000, foreignServicePosts: 4000, total: 27_900 });
    const line = (id: string) => before.byDestination.find((d) => d.id === id)?.line;
    expect([line(abroad.id), line(mexico.id), line(virtual.id), line(linkOnly.id)]).toEqual(["eventsAbroad", "eventsMexico", "eventsOnline", "eventsOnline"]);
    // The lines add up to the total (one figure per destination, each movement once).
    const t = before.totals;
    expect(t.eventsAbroad + t.eventsMexico + t.eventsOnline + t.partners + t.foreignServicePosts).toBe(t.total);
    expect(t.eventsNoCountry).toBe(t.eventsOnline);

    // What partners say they handed out themselves: one shared activity (two institutions), one without a quantity, one in June.
    const shared = await db.partnerActivity.create({
      data: { partnerId: paisano.id, occurredOn: new Date("2199-05-12"), kind: "MATERIALS_DELIVERED", summary: `Entrega Operativo ${tag}`, itemsDistributed: 244_900 },
    });
    await db.partnerActivityPartner.createMany({ data: [{ activityId: shared.id, partnerId: paisano.id }, { activityId: shared.id, partnerId: imumi.id }] });
    await db.partnerActivity.create({ data: { partnerId: imumi.id, occurredOn: new Date("2199-05-20"), kind: "OTHER", summary: `Plática ${tag}` } });
    await db.partnerActivity.create({ data: { partnerId: imumi.id, occurredOn: new Date("2199-06-01"), kind: "MATERIALS_DELIVERED", summary: `Junio ${tag}`, itemsDistributed: 500 } });

    const after = await materialFiguresForMonth(2199, 5);
    // The ledger's figures do not move by a single item.
    expect(after.totals).toEqual(before.totals);
    expect(mine(after)).toEqual(mine(before));
    expect(after.byDestination).toEqual(before.byDestination);
    // They are returned beside it, each activity once with all its institutions (the lead one first).
    const reported = after.partnerReported.byActivity.filter((a) => a.summary.includes(tag));
    expect(reported).toEqual([
      { activityId: shared.id, date: "2199-05-12", kind: "MATERIALS_DELIVERED", institutions: [{ id: paisano.id, name: paisano.name }, { id: imumi.id, name: imumi.name }], summary: `Entrega Operativo ${tag}`, quantity: 244_900 },
    ]);
    expect(after.partnerReported.total - before.partnerReported.total).toBe(244_900);

    // The figures page shows both, the partner-reported one labelled and apart from the totals.
    const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const base = new TestClient().baseUrl;
    const res = await fetch(new URL("/materials/figures?month=2199-05", base), { headers: { cookie, "x-forwarded-for": uniqueIp() }, redirect: "manual" });
    expect(res.status).toBe(200);
    const html = (await res.text()).replace(/&#x27;|&#39;/g, "'");
    const totals = html.slice(html.indexOf('data-testid="material-totals"'), html.indexOf("</dl>", html.indexOf('data-testid="material-totals"')));
    expect(totals).toContain('data-figure="eventsOnline"');
    expect(totals).not.toContain("244,900");
    const section = html.slice(html.indexOf('data-testid="partner-reported"'));
    expect(section).toContain("Reportado por la institución");
    expect(section).toContain(`Entrega Operativo ${tag}`);
    expect(section).toContain("244,900");
    expect(section).toContain(imumi.name);

    let csv = "";
    for await (const chunk of materialsCsv("figures", { year: 2199, month: 5, lang: "en" })) csv += chunk;
    expect(csv).toContain("events_abroad,events_mexico,events_online,partners,foreign_service_posts,total");
    expect(csv).toContain(`2199-05,PR-${tag.toUpperCase()},Folleto ${tag},LEAFLET,3000,700,200,20000,4000,27900`);
  });
});
