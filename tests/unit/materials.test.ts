import { describe, expect, it } from "vitest";
import { materialFormSchema, movementFormSchema, parseLines, parseMonth, quantitySchema, shipmentFormSchema } from "~/modules/materials/schema";
import { canMove, linesEditable, TRANSITIONS } from "~/modules/materials/status";

function form(entries: Array<[string, string]>) {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("materials inputs", () => {
  it("accepts quantities as people type them and refuses the rest", () => {
    expect(quantitySchema.parse("2,000")).toBe(2000);
    expect(quantitySchema.parse(" 52 174 ")).toBe(52174);
    for (const bad of ["0", "-5", "1.5", "muchos", "", "99999999999"]) expect(quantitySchema.safeParse(bad).success, bad).toBe(false);
  });

  it("normalises a material and says what is wrong in translation keys", () => {
    const ok = materialFormSchema.parse({ code: " dip-eua-2017 ", name: "  Díptico   EUA ", kind: "LEAFLET", audience: "", language: "ES", lowStockThreshold: "1,000", active: "on" });
    expect(ok).toMatchObject({ code: "DIP-EUA-2017", name: "Díptico EUA", audience: null, language: "es", unit: "pieza", lowStockThreshold: 1000, active: true });
    const bad = materialFormSchema.safeParse({ code: "con espacio", name: "", kind: "FLYER", language: "esp" });
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({ code: "materials.errors.code", name: "materials.errors.name", kind: "materials.errors.kind", language: "materials.errors.language" });
  });

  it("requires a reason for adjustments, losses and reversals", () => {
    expect(movementFormSchema.safeParse({ intent: "ADJUSTMENT", locationId: "loc", direction: "out", quantity: "5", reason: " " }).error?.issues[0]?.message).toBe("materials.errors.reason");
    expect(movementFormSchema.parse({ intent: "LOSS", fromLocationId: "loc", quantity: "3", reason: "Humedad" })).toMatchObject({ quantity: 3, reason: "Humedad" });
    expect(movementFormSchema.safeParse({ intent: "REVERSAL", movementId: "12; DROP", reason: "x" }).success).toBe(false);
    expect(movementFormSchema.safeParse({ intent: "RECEIPT", toLocationId: "loc", quantity: "10" }).error?.issues[0]?.message).toBe("materials.errors.supplier");
  });

  it("parses shipment lines, skipping blank rows and pointing at the bad one", () => {
    const ok = parseLines(form([["lineMaterial", "m1"], ["lineQty", "2,000"], ["lineMaterial", ""], ["lineQty", ""], ["lineMaterial", "m2"], ["lineQty", "500"]]));
    expect(ok).toEqual({ success: true, lines: [{ materialId: "m1", quantity: 2000 }, { materialId: "m2", quantity: 500 }] });
    const bad = parseLines(form([["lineMaterial", ""], ["lineQty", "5"], ["lineMaterial", "m2"], ["lineQty", "0"]]));
    expect(bad).toEqual({ success: false, errors: { "lineMaterial.0": "materials.errors.material", "lineQty.1": "materials.errors.quantity" } });
    expect(parseLines(form([]))).toEqual({ success: false, errors: { lines: "materials.errors.noLines" } });
  });

  it("needs the destination that matches its kind", () => {
    expect(shipmentFormSchema.parse({ fromLocationId: "w", destinationKind: "event", eventId: "e1", toLocationId: "x" }).destination).toEqual({ kind: "event", eventId: "e1" });
    expect(shipmentFormSchema.safeParse({ fromLocationId: "w", destinationKind: "partner", eventId: "e1" }).error?.issues[0]?.message).toBe("materials.errors.destination");
  });

  it("reads a month", () => {
    expect(parseMonth("2017-11")).toEqual({ year: 2017, month: 11 });
    for (const bad of ["2017-13", "17-11", "", null, "2017-11-01"]) expect(parseMonth(bad)).toBeUndefined();
  });
});

describe("the shipment state machine", () => {
  it("goes forward only, cancels only before shipping, and locks lines once shipped", () => {
    expect(canMove("REQUESTED", "PREPARED")).toBe(true);
    expect(canMove("PREPARED", "SHIPPED")).toBe(true);
    expect(canMove("SHIPPED", "RECEIVED")).toBe(true);
    expect(canMove("SHIPPED", "CANCELLED")).toBe(false);
    expect(canMove("RECEIVED", "SHIPPED")).toBe(false);
    expect(canMove("PREPARED", "REQUESTED")).toBe(false);
    expect(TRANSITIONS.CANCELLED).toEqual([]);
    expect(["REQUESTED", "PREPARED", "SHIPPED", "RECEIVED", "CANCELLED"].filter((s) => linesEditable(s as never))).toEqual(["REQUESTED", "PREPARED"]);
  });
});
