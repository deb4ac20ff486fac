/**
 * The SearchPicker's resource routes (/partners/options, /events/options, /materials/options,
 * /materials/locations/options): who may ask, the search (every word, accent- and case-blind),
 * the limit (20 by default, at most 50), paging by key without repeats, and the modules' own
 * refusal of an id that names nothing (the picker posts what was typed when nothing was chosen).
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createEvent } from "~/modules/events/event.server";
import { eventFormSchema } from "~/modules/events/schema";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createPartner } from "~/modules/partners/partner.server";
import { partnerFormSchema } from "~/modules/partners/schema";
import { closeQueues } from "../../jobs/queues";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

afterAll(async () => {
  await closeQueues();
});

type Page = { items: Array<{ id: string; label: string; detail?: string | null }>; next: string | null };

// Letters only: a hex tag could hold the digits a search below looks for («07» matched every row once).
const tag = () => Array.from(randomBytes(8), (b) => "ghijklmnopqrstuvwxyz"[b % 20]).join("");
const origin = () => ({ origin: new URL(new TestClient().baseUrl).origin });

async function signedIn(role: "COORDINATOR" | "JUROR") {
  const user = await createUser({ role });
  const client = new TestClient();
  expect((await client.login(user.email)).status).toBe(302);
  const json = async (path: string): Promise<Page> => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("cache-control")).toContain("no-store");
    return (await res.json()) as Page;
  };
  return { user, client, json, actor: { userId: user.id, ip: "127.0.0.1" } };
}

const ROUTES = ["/partners/options", "/events/options", "/materials/options", "/materials/locations/options"];

describe("search picker option routes", () => {
  it("answer only a signed-in user with the area's permission", async () => {
    const anonymous = new TestClient();
    for (const path of ROUTES) {
      const res = await anonymous.get(`${path}?q=a`);
      expect(res.status).toBe(302);
      expect(res.headers.get("location")).toContain("/login");
    }
    const juror = await signedIn("JUROR");
    for (const path of ROUTES) expect((await juror.client.get(`${path}?q=a`)).status).toBe(403);
  });

  it("search institutions by every word, 20 at a time, paged by key without repeats, the limit capped at 50", async () => {
    const coord = await signedIn("COORDINATOR");
    const t = tag();
    const created = [];
    for (let i = 0; i < 23; i++)
      created.push(await createPartner(coord.actor, partnerFormSchema.parse({ name: `Casa Picker ${t} ${String(i).padStart(2, "0")}`, kind: "FEDERAL_AGENCY", ...(i === 7 ? { acronym: `CP${t}` } : {}) })));

    const first = await coord.json(`/partners/options?q=${t}`);
    expect(first.items).toHaveLength(20);
    expect(first.next).toBeTruthy();
    expect(first.items.map((i) => i.label.slice(0, `Casa Picker ${t} 00`.length))).toEqual(created.slice(0, 20).map((p) => p.name));
    const second = await coord.json(`/partners/options?q=${t}&after=${encodeURIComponent(first.next!)}`);
    expect(second.items.map((i) => i.id)).toEqual(created.slice(20).map((p) => p.id));
    expect(second.next).toBeNull();

    expect((await coord.json(`/partners/options?q=${t}&limit=5`)).items).toHaveLength(5);
    expect((await coord.json(`/partners/options?q=${t}&limit=1000`)).items).toHaveLength(23);
    expect((await coord.json(`/partners/options?limit=1000`)).items.length).toBeLessThanOrEqual(50);
    // Accent- and case-blind, every word; the acronym is searched and shown.
    expect((await coord.json(`/partners/options?q=${encodeURIComponent(`CÁSA ${t} 07`)}`)).items.map((i) => i.id)).toEqual([created[7]!.id]);
    expect((await coord.json(`/partners/options?q=cp${t}`)).items.map((i) => i.label)).toEqual([`${created[7]!.name} (CP${t})`]);
    // The page's own institution is left out when asked.
    expect((await coord.json(`/partners/options?q=${t}&limit=50&exclude=${created[0]!.id}`)).items.map((i) => i.id)).not.toContain(created[0]!.id);
    // Hostile input is an empty or ordinary answer, never an error.
    expect((await coord.json(`/partners/options?q=%00&after=garbage&limit=-1`)).items.length).toBeLessThanOrEqual(1);
  });

  it("search events (newest first), active materials and locations of the asked kinds", async () => {
    const coord = await signedIn("COORDINATOR");
    const t = tag();
    const older = await createEvent(coord.actor, eventFormSchema.parse({ name: `Feria ${t}`, kind: "COMMUNITY_FESTIVAL", status: "HELD", timeZone: "America/Chicago", startsLocal: "2017-11-19T10:00", endsLocal: "2017-11-19T20:00", country: "US", state: "Texas", city: "Fort Worth" }));
    const newer = await createEvent(coord.actor, eventFormSchema.parse({ name: `Feria ${t}`, kind: "COMMUNITY_FESTIVAL", status: "HELD", timeZone: "America/Chicago", startsLocal: "2018-11-19T10:00", endsLocal: "2018-11-19T20:00", country: "US", state: "Texas", city: "Dallas" }));
    const events = await coord.json(`/events/options?q=feria+${t}`);
    expect(events.items.map((i) => i.id)).toEqual([newer.id, older.id]);
    expect(events.items[0]!.label).toContain("2018-11-19");

    const active = await createMaterial(coord.actor, materialFormSchema.parse({ code: `PK-${t}`, name: `Díptico ${t}`, kind: "LEAFLET", audience: "USA", active: "on" }));
    await createMaterial(coord.actor, materialFormSchema.parse({ code: `PX-${t}`, name: `Díptico viejo ${t}`, kind: "LEAFLET", audience: "USA" }));
    expect((await coord.json(`/materials/options?q=diptico+${t}`)).items.map((i) => i.label)).toEqual([`${active.name} (${active.code})`]);
    expect((await coord.json(`/materials/options?q=pk-${t}`)).items.map((i) => i.id)).toEqual([active.id]);

    const warehouse = await createLocation(coord.actor, { name: `Bodega ${t}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: "Puebla", active: true });
    const post = await createLocation(coord.actor, { name: `Consulado ${t}`, kind: "FOREIGN_SERVICE_POST", partnerId: null, country: "US", state: null, city: "Houston", active: true });
    expect((await coord.json(`/materials/locations/options?q=${t}`)).items.map((i) => i.id).sort()).toEqual([warehouse.id, post.id].sort());
    const warehouses = await coord.json(`/materials/locations/options?q=${t}&kind=WAREHOUSE`);
    expect(warehouses.items.map((i) => i.id)).toEqual([warehouse.id]);
    expect(warehouses.items[0]!.detail).toContain("Puebla");
    expect((await coord.json(`/materials/locations/options?q=${t}&kind=HANDED_OUT`)).items).toEqual([]);
  });

  it("a chosen id that names nothing is the module's clear refusal; a chosen institution's id links it", async () => {
    const coord = await signedIn("COORDINATOR");
    const t = tag();
    const post = (path: string, form: Record<string, string>) => coord.client.post(path, form, { headers: origin() });
    const missing = await post("/partners/new", { name: `Casa ${t}`, kind: "FEDERAL_AGENCY", parentId: "cnosuchpartner0000000000" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("La institución superior no existe.");
    // Text typed without choosing (the picker posts it as is).
    const typed = await post("/partners/new", { name: `Casa ${t}`, kind: "FEDERAL_AGENCY", parentId: "Casa que no existe" });
    expect(typed.status).toBe(400);
    expect(await typed.text()).toContain("La institución superior no existe.");

    const page = await createPartner(coord.actor, partnerFormSchema.parse({ name: `Consulado ${t}`, kind: "FEDERAL_AGENCY" }));
    const other = await createPartner(coord.actor, partnerFormSchema.parse({ name: `Club ${t}`, kind: "CIVIL_SOCIETY" }));
    const activity = { intent: "activity", occurredOn: "2017-11-10", kind: "OTHER", summary: `Reunión ${t}` };
    const noEvent = await post(`/partners/${page.id}`, { ...activity, eventId: "cnosuchevent000000000000" });
    expect(noEvent.status).toBe(400);
    expect(await noEvent.text()).toContain("El evento elegido no existe.");
    const badInstitution = await post(`/partners/${page.id}`, { ...activity, partnerNames: "cnosuchpartner0000000000" });
    expect(badInstitution.status).toBe(400);
    expect(await badInstitution.text()).toContain("Una de las instituciones escritas no existe");

    expect((await post(`/partners/${page.id}`, { ...activity, partnerNames: other.id })).status).toBe(302);
    const saved = await db.partnerActivity.findFirstOrThrow({ where: { summary: `Reunión ${t}` }, include: { institutions: true } });
    expect(saved.institutions.map((i) => i.partnerId).sort()).toEqual([page.id, other.id].sort());
  });
});
