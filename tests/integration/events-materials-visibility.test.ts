/**
 * An event's materials (hand-outs, stock per material, shipments) come from the materials ledger:
 * COMMUNICATIONS reads events but has no read:material, so neither the event's page, nor its
 * loader data, nor the events CSV carries them; COORDINATOR sees all three.
 */
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { createEvent, recordOutcomes } from "~/modules/events/event.server";
import { eventFormSchema, parseOutcomesForm } from "~/modules/events/schema";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { recordMovement } from "~/modules/materials/ledger.server";
import { createShipment, prepareShipment, receiveShipment, shipShipment } from "~/modules/materials/shipments.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";
import { markup } from "../support/markup";

const unique = () => randomUUID().slice(0, 8);

/** An event that received a shipment of a material and handed out 300 of them. */
async function eventWithMaterials() {
  const coordinator = await createUser({ role: "COORDINATOR" });
  const actor = { userId: coordinator.id, ip: "127.0.0.1" };
  const tag = unique();
  const material = await createMaterial(actor, materialFormSchema.parse({ code: `VIS-${tag}`, name: `Tríptico visible ${tag}`, kind: "LEAFLET", active: "on" }));
  const warehouse = await createLocation(actor, { name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: "Ciudad de México", active: true });
  await recordMovement(actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 1000, supplier: "Talleres Gráficos", orderRef: null });
  const token = `visible${tag}`;
  const event = await createEvent(
    actor,
    eventFormSchema.parse({ name: `Feria ${token}`, kind: "COMMUNITY_FESTIVAL", status: "HELD", timeZone: "America/Chicago", startsLocal: "2017-11-19T10:00", endsLocal: "2017-11-19T20:00", country: "US" }),
  );
  const shipment = await createShipment(actor, { fromLocationId: warehouse.id, destination: { kind: "event", eventId: event.id }, lines: [{ materialId: material.id, quantity: 500 }] });
  await prepareShipment(actor, shipment.id);
  await shipShipment(actor, shipment.id, { carrier: "Estafeta", trackingRef: `TRK${tag}` });
  await receiveShipment(actor, shipment.id, { received: { [material.id]: 500 } });
  const form = new FormData();
  form.set("credentialAppointments", "65");
  form.append("handoutMaterial", material.id);
  form.append("handoutQty", "300");
  const outcomes = parseOutcomesForm(form);
  if (!outcomes.success) throw new Error(JSON.stringify(outcomes.errors));
  await recordOutcomes(actor, event.id, outcomes.data);
  return { event, material, shipment, token, tag };
}

async function signedIn(role: "COORDINATOR" | "COMMUNICATIONS") {
  const user = await createUser({ role });
  const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  const base = new TestClient().baseUrl;
  const headers = { cookie, "x-forwarded-for": uniqueIp() };
  return async (path: string) => {
    const res = await fetch(new URL(path, base), { headers, redirect: "manual" });
    expect(res.status, path).toBe(200);
    return res.text();
  };
}

describe("an event's materials, by role", () => {
  it("are left out of the page, its loader data and the CSV for COMMUNICATIONS, and shown to COORDINATOR", async () => {
    const { event, material, shipment, token, tag } = await eventWithMaterials();
    // Anything that names the material, the shipment or the hand-outs.
    const traces = [material.id, material.name, material.code, shipment.id, `TRK${tag}`, "/materials/", "event-materials", "handedOut", "handouts", "materiales_entregados"];
    const csvPath = `/events/export.csv?q=${token}`;

    const comms = await signedIn("COMMUNICATIONS");
    const page = await comms(`/events/${event.id}`);
    // The event route's own loader data (the root's carries the area's translations, decision 028).
    const data = await comms(`/events/${event.id}.data?_routes=${encodeURIComponent("routes/events.$id")}`);
    const csv = await comms(csvPath);
    expect(page).toContain(event.name);
    expect(data).toContain(event.name);
    for (const trace of traces) {
      expect(markup(page), `page: ${trace}`).not.toContain(trace);
      expect(data, `loader data: ${trace}`).not.toContain(trace);
      expect(csv, `csv: ${trace}`).not.toContain(trace);
    }
    const commsRows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, "").trim()).data;
    expect(commsRows).toHaveLength(2);
    expect(commsRows[0]).not.toContain("materiales_entregados");
    expect(commsRows[1]).toHaveLength(commsRows[0]!.length);

    const coordinator = await signedIn("COORDINATOR");
    const coordinatorPage = await coordinator(`/events/${event.id}`);
    const coordinatorData = await coordinator(`/events/${event.id}.data`);
    for (const trace of [material.name, material.code, `/materials/shipments/${shipment.id}`, 'data-figure="handedOut"', "event-materials"]) {
      expect(coordinatorPage, `page: ${trace}`).toContain(trace);
    }
    for (const trace of [material.id, shipment.id, "handouts", "handedOut"]) expect(coordinatorData, `loader data: ${trace}`).toContain(trace);
    const rows = Papa.parse<string[]>((await coordinator(csvPath)).replace(/^\uFEFF/, "").trim()).data;
    const column = rows[0]!.indexOf("materiales_entregados");
    expect(column).toBeGreaterThan(-1);
    expect(rows[1]![column]).toBe("300");
    expect(await db.stockMovement.count({ where: { eventId: event.id, kind: "HANDOUT" } })).toBe(1);
  });
});
