/**
 * The materials pages over HTTP against the real server, by role: coordinators and
 * administrators read and change; communications staff and jurors are refused. Forms keep what
 * was typed and say what is wrong in Spanish; the CSV export is neutralised; the packing list
 * renders. Every test works on materials and locations of its own.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { createLocation, createMaterial } from "~/modules/materials/catalogue.server";
import { recordMovement, stockAt } from "~/modules/materials/ledger.server";
import { materialFormSchema } from "~/modules/materials/schema";
import { createShipment } from "~/modules/materials/shipments.server";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";

const unique = () => randomUUID().slice(0, 8);

async function signedIn(role: "ADMIN" | "COORDINATOR" | "COMMUNICATIONS" | "JUROR") {
  const user = await createUser({ role });
  if (role === "ADMIN") await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
  const cookie = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  const base = new TestClient().baseUrl;
  const headers = { cookie, "x-forwarded-for": uniqueIp(), origin: new URL(base).origin };
  return {
    user,
    actor: { userId: user.id, ip: "127.0.0.1" },
    get: (path: string) => fetch(new URL(path, base), { headers, redirect: "manual" }),
    post: (path: string, form: Record<string, string> | URLSearchParams) =>
      fetch(new URL(path, base), { method: "POST", headers: { ...headers, "content-type": "application/x-www-form-urlencoded" }, body: form instanceof URLSearchParams ? form : new URLSearchParams(form), redirect: "manual" }),
  };
}

async function fixture(actor: { userId: string; ip: string }) {
  const tag = unique();
  const material = await createMaterial(actor, materialFormSchema.parse({ code: `P-${tag}`, name: `Postal ${tag}`, kind: "POSTCARD", active: "on" }));
  const warehouse = await createLocation(actor, { name: `Bodega ${tag}`, kind: "WAREHOUSE", partnerId: null, country: "MX", state: null, city: null, active: true });
  const post = await createLocation(actor, { name: `Consulado ${tag}`, kind: "FOREIGN_SERVICE_POST", partnerId: null, country: "US", state: null, city: "Houston", active: true });
  return { tag, material, warehouse, post };
}

describe("materials pages by role", () => {
  for (const role of ["ADMIN", "COORDINATOR"] as const) {
    it(`lets ${role} create a material, receive stock, ship it and read every page`, async () => {
      const c = await signedIn(role);
      const { tag, warehouse, post } = await fixture(c.actor);
      const created = await c.post("/materials/new", { code: `d-${tag}`, name: `Díptico EUA ${tag}`, kind: "LEAFLET", audience: "USA", language: "es", unit: "pieza", lowStockThreshold: "1,000", active: "on" });
      expect(created.status).toBe(302);
      const material = await db.material.findUniqueOrThrow({ where: { code: `D-${tag.toUpperCase()}` } });
      expect(material).toMatchObject({ lowStockThreshold: 1000, audience: "USA" });
      expect((await c.post(`/materials/${material.id}`, { intent: "RECEIPT", toLocationId: warehouse.id, quantity: "2,500", supplier: "Talleres Gráficos", orderRef: "OC-1" })).status).toBe(302);
      expect(await stockAt(db, material.id, warehouse.id)).toBe(2500);

      const lines = new URLSearchParams({ fromLocationId: warehouse.id, destinationKind: "location", toLocationId: post.id, carrier: "Estafeta" });
      lines.append("lineMaterial", material.id);
      lines.append("lineQty", "2000");
      const shipped = await c.post("/materials/shipments/new", lines);
      expect(shipped.status).toBe(302);
      const shipment = await db.shipment.findFirstOrThrow({ where: { fromLocationId: warehouse.id } });
      expect((await c.post(`/materials/shipments/${shipment.id}`, { intent: "ship", carrier: "Estafeta", trackingRef: "EST-1" })).status).toBe(302);
      expect(await stockAt(db, material.id, warehouse.id)).toBe(500);
      expect((await c.post(`/materials/shipments/${shipment.id}`, { intent: "receive", [`received.${material.id}`]: "1990", note: "" })).status).toBe(400);
      expect((await c.post(`/materials/shipments/${shipment.id}`, { intent: "receive", [`received.${material.id}`]: "1990", note: "Faltó un paquete" })).status).toBe(302);
      expect(await stockAt(db, material.id, post.id)).toBe(1990);

      for (const path of ["/materials", `/materials?q=${tag}`, `/materials/${material.id}`, `/materials/${material.id}/edit`, "/materials/locations", `/materials/locations/${warehouse.id}`, "/materials/shipments", `/materials/shipments/${shipment.id}`, `/materials/shipments/${shipment.id}/packing`, "/materials/figures?month=2017-11", "/materials/shipments/new"]) {
        expect((await c.get(path)).status, path).toBe(200);
      }
      const page = await (await c.get(`/materials/${material.id}`)).text();
      expect(page).toContain(`Bodega ${tag}`);
      expect(page).toContain("Existencia por ubicación");
      const packing = await (await c.get(`/materials/shipments/${shipment.id}/packing`)).text();
      expect(packing).toContain(`Lista de empaque — envío n.º ${shipment.number}`);
      expect(packing).toContain("2,000");
      // Below its threshold (500 < 1,000): the catalogue shows the alert.
      expect(await (await c.get("/materials")).text()).toContain("Existencias bajas");
    });
  }

  it("refuses to take more than there is, keeps what was typed and says why", async () => {
    const c = await signedIn("COORDINATOR");
    const { tag, material, warehouse, post } = await fixture(c.actor);
    await recordMovement(c.actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 10, supplier: "Imprenta", orderRef: null });
    const res = await c.post(`/materials/${material.id}`, { intent: "TRANSFER", fromLocationId: warehouse.id, toLocationId: post.id, quantity: "11" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("No hay existencia suficiente en el origen (hay 10)");
    expect(await stockAt(db, material.id, warehouse.id)).toBe(10);
    const bad = await c.post("/materials/new", { code: "con espacios", name: `Cartel ${tag}`, kind: "POSTER" });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain(`Cartel ${tag}`);
    expect(html).toContain("Escribe una clave de hasta 40 letras");
    const taken = await c.post("/materials/new", { code: material.code, name: "Otro", kind: "POSTER" });
    expect(await taken.text()).toContain("Ya hay un material con esa clave.");
    const noLines = await c.post("/materials/shipments/new", { fromLocationId: warehouse.id, destinationKind: "location", toLocationId: post.id });
    expect(noLines.status).toBe(400);
    expect(await noLines.text()).toContain("Agrega al menos un renglón");
  });

  it("exports CSV with formulas neutralised, and audits the export", async () => {
    const c = await signedIn("COORDINATOR");
    const { tag, warehouse } = await fixture(c.actor);
    const material = await createMaterial(c.actor, materialFormSchema.parse({ code: `X-${tag}`, name: `@SUM(A1) ${tag}`, kind: "OTHER", active: "on" }));
    await recordMovement(c.actor, { kind: "RECEIPT", materialId: material.id, toLocationId: warehouse.id, quantity: 3, supplier: "-Imprenta", orderRef: null });
    const res = await c.get("/materials/export.csv?kind=stock");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith("clave,material,")).toBe(true);
    expect(text).toContain(`'@SUM(A1) ${tag}`);
    expect((await c.get("/materials/export.csv?kind=movements")).status).toBe(400);
    expect(await db.auditLog.count({ where: { actorId: c.user.id, action: "materials.export" } })).toBe(1);
  });

  it("refuses COMMUNICATIONS and JUROR", async () => {
    const owner = await signedIn("COORDINATOR");
    const { material, warehouse, post } = await fixture(owner.actor);
    const shipment = await createShipment(owner.actor, { fromLocationId: warehouse.id, destination: { kind: "location", locationId: post.id }, lines: [{ materialId: material.id, quantity: 1 }] });
    for (const role of ["COMMUNICATIONS", "JUROR"] as const) {
      const c = await signedIn(role);
      for (const path of ["/materials", `/materials/${material.id}`, "/materials/locations", "/materials/shipments", `/materials/shipments/${shipment.id}/packing`, "/materials/figures", "/materials/export.csv"]) {
        expect((await c.get(path)).status, `${role} ${path}`).toBe(403);
      }
      expect((await c.post(`/materials/${material.id}`, { intent: "RECEIPT", toLocationId: warehouse.id, quantity: "5", supplier: "x" })).status).toBe(403);
      expect((await c.post(`/materials/shipments/${shipment.id}`, { intent: "cancel" })).status).toBe(403);
    }
    expect(await stockAt(db, material.id, warehouse.id)).toBe(0);
    expect((await db.shipment.findUniqueOrThrow({ where: { id: shipment.id } })).status).toBe("REQUESTED");
  });
});
