/**
 * Issue 20: the figures pages send the first rows of their long tables and «Ver las N filas»
 * (?all=<table>) for the rest. The module stays the one definition: the loader's rows are the
 * module's first rows (only the columns the page renders), the count is the module's, and the
 * totals are the module's over ALL rows — cutting the table never changes them. March 2198 is this
 * file's own month.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { fullTableHref, sliceRows, TABLE_HEAD_ROWS, tablesShownInFull } from "~/lib/table-slice";
import { createSession } from "~/modules/auth/session.server";
import { materialFiguresForMonth } from "~/modules/materials/figures.server";
import { partnerFiguresForMonth } from "~/modules/partners/figures.server";
import { createUser, fakeRequest } from "../support/factories";

async function signIn(userId: string): Promise<string> {
  const setCookie = await createSession(userId, fakeRequest(), { mfaPending: false });
  return setCookie.split(";")[0]!;
}

describe("table slices", () => {
  it("cuts to the first rows, keeps the count, and names tables in ?all=", () => {
    const rows = Array.from({ length: 60 }, (_, i) => i);
    expect(sliceRows(rows, false)).toEqual({ rows: rows.slice(0, TABLE_HEAD_ROWS), count: 60 });
    expect(sliceRows(rows, true)).toEqual({ rows, count: 60 });
    expect([...tablesShownInFull(new URLSearchParams("all=byMaterial,byDestination&all=partnerReported"))]).toEqual(["byMaterial", "byDestination", "partnerReported"]);
    expect(fullTableHref("?month=2198-03", "byMaterial", true)).toBe("?month=2198-03&all=byMaterial#byMaterial");
    expect(fullTableHref("?month=2198-03&all=byMaterial", "byMaterial", false)).toBe("?month=2198-03#byMaterial");
  });
});

describe("/partners/figures", () => {
  it("sends the first 25 institutions in the module's order, all of them with ?all=byPartner, the totals unchanged", async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const partners = await Promise.all(Array.from({ length: 30 }, (_, i) => db.partner.create({ data: { name: `Slice ${tag} ${String(i).padStart(2, "0")}`, kind: "CIVIL_SOCIETY", country: "MX" } })));
    for (const [i, p] of partners.entries()) {
      await db.partnerActivity.create({ data: { partnerId: p.id, occurredOn: new Date("2198-03-10T00:00:00Z"), kind: "JOINT_EVENT", summary: `Reunión ${i}`, peopleReached: i + 1, itemsDistributed: 2, bulletinRecipients: 0 } });
    }
    const module = await partnerFiguresForMonth(2198, 3);
    expect(module.byPartner.length).toBeGreaterThanOrEqual(30);
    const { loader } = await import("~/routes/partners.figures");
    const cookie = await signIn((await createUser({ role: "COORDINATOR" })).id);
    const load = async (query: string) => loader({ request: new Request(`http://localhost:3000/partners/figures?${query}`, { headers: { cookie } }), params: {}, context: {} });
    const head = await load("month=2198-03");
    expect(head.byPartner.rows).toEqual(module.byPartner.slice(0, TABLE_HEAD_ROWS));
    expect(head.byPartner.count).toBe(module.byPartner.length);
    expect(head.totals).toEqual(module.totals);
    expect(head.byKind).toEqual(module.byKind);
    const full = await load("month=2198-03&all=byPartner");
    expect(full.byPartner.rows).toEqual(module.byPartner);
    expect(full.totals).toEqual(head.totals);
  });
});

describe("/materials/figures", () => {
  it("sends the module's first rows and rendered columns, the module's counts and totals; ?all= sends a table whole", async () => {
    const module = await materialFiguresForMonth(2198, 3);
    const { loader } = await import("~/routes/materials.figures");
    const cookie = await signIn((await createUser({ role: "COORDINATOR" })).id);
    const load = async (query: string) => (await loader({ request: new Request(`http://localhost:3000/materials/figures?${query}`, { headers: { cookie } }), params: {}, context: {} })).figures;
    for (const query of ["month=2198-03", "month=2198-03&all=byMaterial,byDestination,partnerReported"]) {
      const page = await load(query);
      const all = query.includes("all=");
      const cut = <T,>(rows: T[]) => (all ? rows : rows.slice(0, TABLE_HEAD_ROWS));
      expect(page.totals).toEqual(module.totals);
      expect(page.handedOutAtEvents).toBe(module.handedOutAtEvents);
      expect(page.partnerReported.total).toBe(module.partnerReported.total);
      expect(page.byMaterial.count).toBe(module.byMaterial.length);
      expect(page.byMaterial.rows).toEqual(cut(module.byMaterial).map(({ code: _c, kind: _k, ...rest }) => rest));
      expect(page.byDestination).toEqual({ count: module.byDestination.length, rows: cut(module.byDestination) });
      expect(page.partnerReported.count).toBe(module.partnerReported.byActivity.length);
      expect(page.partnerReported.byActivity).toEqual(cut(module.partnerReported.byActivity).map(({ kind: _k, ...rest }) => rest));
    }
  });
});
