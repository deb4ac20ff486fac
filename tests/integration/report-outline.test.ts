/**
 * The report outline's editor: an ADMIN renames, moves, adds and deletes (only what was added here,
 * and not while a draft has text for it) sections; numbers follow; every change is audited; an
 * approved report keeps its frozen outline. Others are refused.
 *
 * Other test files read the live outline (the shared test database), so every change here runs in
 * a transaction that is rolled back: the module functions take the transaction client. The HTTP
 * tests only make requests that change nothing (refusals, invalid input, the first delete post).
 */
import { describe, expect, it } from "vitest";
import { db, type Prisma } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import {
  addSchema,
  addSection,
  COMPUTED_KEYS,
  deleteSection,
  deletionImpact,
  moveSection,
  OutlineError,
  outlineEditorView,
  renameSection,
  slugKey,
  type AddSectionInput,
} from "~/modules/reports/outline-admin.server";
import { numberOutline, outlineFor, type OutlineKind } from "~/modules/reports/outline.server";
import { createUser, fakeRequest } from "../support/factories";
import { TestClient } from "../support/http";

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back. */
async function isolated(fn: (tx: Prisma.TransactionClient) => Promise<void>): Promise<void> {
  await db
    .$transaction(
      async (tx) => {
        await fn(tx);
        throw new Rollback();
      },
      { timeout: 30_000, maxWait: 30_000 },
    )
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
}

async function admin() {
  const user = await createUser({ role: "ADMIN" });
  return db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
}

const actorOf = (user: { id: string }) => ({ userId: user.id, ip: "127.0.0.1" });

const numbers = async (tx: Prisma.TransactionClient) => Object.fromEntries((await outlineEditorView(tx)).nodes.map((n) => [n.key, n.number]));

const input = (over: Partial<AddSectionInput>): AddSectionInput => ({ title: "Sección nueva", kind: "NARRATIVE", computed: "", parent: "", numbered: true, ...over });

async function signIn(userId: string): Promise<string> {
  const setCookie = await createSession(userId, fakeRequest(), { mfaPending: false });
  return setCookie.split(";")[0]!;
}

describe("the outline as the editor shows it", () => {
  it("lists the source's sections with derived numbers, none of them deletable", async () => {
    const { nodes } = await outlineEditorView();
    const byKey = new Map(nodes.map((n) => [n.key, n]));
    expect(byKey.get("presentation")?.number).toBe("1");
    expect(byKey.get("liaison")?.number).toBe("2.1.4");
    expect(byKey.get("cncs")?.number).toBe("2.5");
    expect(byKey.get("annex_enquiries")?.number).toBe("Anexo 2");
    expect(byKey.get("institutional")?.number).toBeNull();
    expect(byKey.get("presentation")).toMatchObject({ first: true, last: false, added: false });
    expect(nodes.filter((n) => n.key.startsWith("outline_") || n.added)).toEqual([]);
  });
});

describe("editing the outline", () => {
  it("renames a section (its key stays) and audits the change", async () => {
    const user = await admin();
    await isolated(async (tx) => {
      expect(await renameSection(actorOf(user), "secretariat", "Secretaría Técnica de la Comisión", tx)).toEqual({ changed: true });
      const row = await tx.reportOutlineSection.findUniqueOrThrow({ where: { key: "secretariat" } });
      expect(row.title).toBe("Secretaría Técnica de la Comisión");
      expect((await numbers(tx)).secretariat).toBe("2.1.1");
      const entry = await tx.auditLog.findFirstOrThrow({ where: { action: "report.outline.rename", actorId: user.id } });
      expect(entry).toMatchObject({ entity: "ReportOutlineSection", entityId: row.id, before: { key: "secretariat", title: "Secretaría Técnica de la CVMRE" }, after: { title: "Secretaría Técnica de la Comisión" } });
      expect(await renameSection(actorOf(user), "secretariat", "Secretaría Técnica de la Comisión", tx)).toEqual({ changed: false });
      await expect(renameSection(actorOf(user), "no_such_section", "X y", tx)).rejects.toMatchObject({ code: "notFound" });
    });
  });

  it("moves a section among its siblings and the numbers follow", async () => {
    const user = await admin();
    await isolated(async (tx) => {
      await moveSection(actorOf(user), "deoe", "up", tx);
      const after = await numbers(tx);
      expect(after.deoe).toBe("2.1");
      expect(after.derfe).toBe("2.2");
      expect(after.secretariat).toBe("2.2.1");
      expect(after.liaison).toBe("2.2.4");
      await moveSection(actorOf(user), "deoe", "down", tx);
      expect((await numbers(tx)).deoe).toBe("2.2");
      expect((await numbers(tx)).derfe).toBe("2.1");
      // Annexes renumber too.
      await moveSection(actorOf(user), "annex_deoe", "up", tx);
      expect((await numbers(tx)).annex_deoe).toBe("Anexo 2");
      expect((await numbers(tx)).annex_enquiries).toBe("Anexo 3");
      await expect(moveSection(actorOf(user), "presentation", "up", tx)).rejects.toMatchObject({ code: "edge" });
      await expect(moveSection(actorOf(user), "annexes", "down", tx)).rejects.toMatchObject({ code: "edge" });
      const moves = await tx.auditLog.findMany({ where: { action: "report.outline.move", actorId: user.id }, orderBy: { id: "asc" } });
      expect(moves).toHaveLength(3);
      expect(moves[0]).toMatchObject({ before: { key: "deoe", position: 2, number: "2.2" }, after: { key: "deoe", position: 1, number: "2.1", direction: "up" } });
    });
  });

  it("adds sections with stable unique keys, a computed key from the list, numbered or not, at most six deep", async () => {
    const user = await admin();
    await isolated(async (tx) => {
      const a = await addSection(actorOf(user), input({ title: "Eventos en Canadá", kind: "COMPUTED", computed: "community_abroad", parent: "liaison" }), tx);
      expect(a).toEqual({ key: "eventos_en_canada", number: "2.1.4.1" });
      const b = await addSection(actorOf(user), input({ title: "Eventos en Canadá", parent: "liaison", numbered: false }), tx);
      expect(b).toEqual({ key: "eventos_en_canada_2", number: null });
      const top = await addSection(actorOf(user), input({ title: "Conclusiones" }), tx);
      expect(top.number).toBe("3"); // after 1 and 2; the annexes are unnumbered
      const annex = await addSection(actorOf(user), input({ title: "Anexo de reuniones", parent: "annexes" }), tx);
      expect(annex.number).toBe("Anexo 8");

      const row = await tx.reportOutlineSection.findUniqueOrThrow({ where: { key: "eventos_en_canada" } });
      expect(row).toMatchObject({ kind: "COMPUTED", computed: "community_abroad", ownerArea: "VMRE_OFFICE", numbered: true });
      const view = await outlineEditorView(tx);
      expect(view.nodes.find((n) => n.key === "eventos_en_canada")).toMatchObject({ added: true, depth: 4 });
      expect(view.nodes.find((n) => n.key === "liaison")?.added).toBe(false);
      // Renaming keeps the key.
      await renameSection(actorOf(user), "eventos_en_canada", "Eventos en Canadá y Europa", tx);
      expect(await tx.reportOutlineSection.count({ where: { key: "eventos_en_canada" } })).toBe(1);

      const added = await tx.auditLog.findFirstOrThrow({ where: { action: "report.outline.add", actorId: user.id, entityId: row.id } });
      expect(added.after).toMatchObject({ key: "eventos_en_canada", kind: "COMPUTED", computed: "community_abroad", parent: "liaison", number: "2.1.4.1" });

      // Depth: liaison is 3 deep, eventos 4; two more reach 6, a seventh is refused.
      const five = await addSection(actorOf(user), input({ title: "Quinto nivel", parent: "eventos_en_canada" }), tx);
      const six = await addSection(actorOf(user), input({ title: "Sexto nivel", parent: five.key }), tx);
      expect(six.number).toBe("2.1.4.1.1.1");
      await expect(addSection(actorOf(user), input({ title: "Séptimo nivel", parent: six.key }), tx)).rejects.toMatchObject({ code: "tooDeep" });
      await expect(addSection(actorOf(user), input({ title: "Huérfana", parent: "no_such_parent" }), tx)).rejects.toMatchObject({ code: "parentNotFound" });
    });
  });

  it("validates what is added: a computed section names its figures from the list, others none", () => {
    const errors = (form: Record<string, string>) => {
      const parsed = addSchema.safeParse(form);
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(COMPUTED_KEYS).toContain("annex_enquiries");
    expect(errors({ title: "Cifras", kind: "COMPUTED" })).toEqual({ computed: "admin.reportOutline.errors.computed" });
    expect(errors({ title: "Cifras", kind: "COMPUTED", computed: "bogus" })).toEqual({ computed: "admin.reportOutline.errors.computed" });
    expect(errors({ title: "Texto", kind: "NARRATIVE", computed: "media" })).toEqual({ computed: "admin.reportOutline.errors.computedNotAllowed" });
    expect(errors({ title: " ", kind: "SECRET" })).toEqual({ title: "admin.reportOutline.errors.title", kind: "admin.reportOutline.errors.kind" });
    expect(errors({ title: "x".repeat(301), kind: "NARRATIVE" })).toEqual({ title: "admin.reportOutline.errors.titleLong" });
    expect(addSchema.parse({ title: "  Dos   espacios ", kind: "NARRATIVE", numbered: "on" })).toMatchObject({ title: "Dos espacios", numbered: true, computed: "", parent: "" });
    expect(slugKey("¿Órganos Desconcentrados? 2018")).toBe("organos_desconcentrados_2018");
    expect(slugKey("2018")).toBe("section_2018");
    expect(slugKey("!!!")).toBe("section");
  });

  it("deletes only a section added here, with its subsections, after saying how many go and while no draft has text for it", async () => {
    const user = await admin();
    await isolated(async (tx) => {
      // The source's sections cannot be deleted.
      await expect(deleteSection(actorOf(user), "media", 1, tx)).rejects.toMatchObject({ code: "notAdded" });
      expect((await deletionImpact("media", tx)).added).toBe(false);

      const parent = await addSection(actorOf(user), input({ title: "Giras de trabajo", parent: "liaison" }), tx);
      await addSection(actorOf(user), input({ title: "Gira a Nueva York", parent: parent.key }), tx);
      const impact = await deletionImpact(parent.key, tx);
      expect(impact).toMatchObject({ sections: 2, subsections: ["Gira a Nueva York"], draftReports: 0, added: true, number: "2.1.4.1" });

      // A draft with text for the subsection: refused, and the page says how many drafts.
      const draft = await tx.monthlyReport.create({ data: { month: "2096-01", version: 1, narratives: { gira_a_nueva_york: "El consejero visitó Nueva York." } } });
      // An approved report's text does not block it.
      await tx.monthlyReport.create({ data: { month: "2096-02", version: 1, state: "APPROVED", narratives: { giras_de_trabajo: "Texto aprobado." } } });
      expect((await deletionImpact(parent.key, tx)).draftReports).toBe(1);
      await expect(deleteSection(actorOf(user), parent.key, 2, tx)).rejects.toMatchObject({ code: "inUse", params: { count: 1 } });

      await tx.monthlyReport.update({ where: { id: draft.id }, data: { narratives: {} } });
      // A confirmation for a different number of sections is stale.
      await expect(deleteSection(actorOf(user), parent.key, 1, tx)).rejects.toMatchObject({ code: "stale" });
      expect(await deleteSection(actorOf(user), parent.key, 2, tx)).toEqual({ sections: 2 });
      expect(await tx.reportOutlineSection.count({ where: { key: { in: [parent.key, "gira_a_nueva_york"] } } })).toBe(0);
      const entry = await tx.auditLog.findFirstOrThrow({ where: { action: "report.outline.delete", actorId: user.id } });
      expect(entry.before).toMatchObject({ key: parent.key, title: "Giras de trabajo", number: "2.1.4.1", subsections: ["Gira a Nueva York"] });
      await expect(deletionImpact(parent.key, tx)).rejects.toBeInstanceOf(OutlineError);
    });
  });

  it("leaves approved reports as they were approved: they keep their frozen outline", async () => {
    const user = await admin();
    await isolated(async (tx) => {
      const rows = await tx.reportOutlineSection.findMany();
      const frozen = numberOutline(rows.map((r) => ({ ...r, kind: r.kind as OutlineKind, ownerArea: r.ownerArea as string | null })));
      const approved = await tx.monthlyReport.create({
        data: { month: "2096-03", version: 1, state: "APPROVED", approvedAt: new Date(), frozenOutline: frozen as unknown as Prisma.InputJsonValue },
      });
      await renameSection(actorOf(user), "media", "Monitoreo de medios y redes", tx);
      await moveSection(actorOf(user), "cncs", "up", tx);
      await addSection(actorOf(user), input({ title: "Sección posterior", parent: "advances" }), tx);

      const live = (await outlineEditorView(tx)).nodes;
      expect(live.find((n) => n.key === "cncs")?.number).toBe("2.4");
      expect(live.some((n) => n.key === "seccion_posterior")).toBe(true);

      const after = await tx.monthlyReport.findUniqueOrThrow({ where: { id: approved.id } });
      expect(after.updatedAt).toEqual(approved.updatedAt);
      const outline = await outlineFor(after);
      expect(outline).toEqual(frozen);
      expect(outline.find((n) => n.key === "cncs")?.number).toBe("2.5");
      expect(outline.find((n) => n.key === "media")?.title).toBe("Monitoreo de medios");
      expect(outline.some((n) => n.key === "seccion_posterior")).toBe(false);
    });
  });
});

describe("the page", () => {
  it("is for administrators only: a juror or a coordinator is refused, reading or writing", async () => {
    const { loader, action } = await import("~/routes/admin.report-outline");
    for (const role of ["JUROR", "COORDINATOR", "COMMUNICATIONS"] as const) {
      const user = await createUser({ role });
      const cookie = await signIn(user.id);
      const get = await Promise.resolve(loader({ request: new Request("http://localhost:3000/admin/report-outline", { headers: { cookie } }), params: {}, context: {} })).catch((e: unknown) => e);
      expect((get as Response).status, role).toBe(403);
      const post = await Promise.resolve(
        action({
          request: new Request("http://localhost:3000/admin/report-outline", {
            method: "POST",
            headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ intent: "rename", key: "media", title: "Hackeo" }),
          }),
          params: {},
          context: {},
        }),
      ).catch((e: unknown) => e);
      expect((post as Response).status, role).toBe(403);
    }
    expect((await db.reportOutlineSection.findUniqueOrThrow({ where: { key: "media" } })).title).toBe("Monitoreo de medios");
    // Over HTTP too.
    const juror = await createUser({ role: "JUROR" });
    const res = await new TestClient().request("/admin/report-outline", { headers: { cookie: await signIn(juror.id) } });
    expect(res.status).toBe(403);
  });

  it("shows an administrator the numbered tree and the forms, in plain HTML", async () => {
    const user = await admin();
    const res = await new TestClient().request("/admin/report-outline", { headers: { cookie: await signIn(user.id) } });
    expect(res.status).toBe(200);
    const html = (await res.text()).replace(/<!-- -->/g, "");
    expect(html).toContain("Estructura del informe mensual");
    expect(html).toContain('<span class="nowrap">2.1.4. </span>Oficina de Vinculación Electoral');
    expect(html).toContain("Anexo 7. ");
    expect(html).toContain('name="intent" value="move"');
    expect(html).toContain('name="intent" value="add"');
    expect(html).toContain('<option value="annex_enquiries">');
    expect(html).not.toContain('value="delete"'); // nothing added here yet: nothing to delete

    const index = await new TestClient().request("/admin", { headers: { cookie: await signIn(user.id) } });
    expect(await index.text()).toContain('href="/admin/report-outline"');
  });

  it("answers invalid input with the form's errors in Spanish, and a refused delete with a message, changing nothing", async () => {
    const { action } = await import("~/routes/admin.report-outline");
    const user = await admin();
    const cookie = await signIn(user.id);
    const post = (form: Record<string, string>) =>
      action({
        request: new Request("http://localhost:3000/admin/report-outline", { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form) }),
        params: {},
        context: {},
      });
    const before = await db.reportOutlineSection.count();
    const invalid = (await post({ intent: "add", title: "Cifras nuevas", kind: "COMPUTED", computed: "", parent: "liaison", numbered: "on" })) as unknown as {
      data: { intent: string; errors: Record<string, string>; values: Record<string, unknown> };
      init: ResponseInit | null;
    };
    expect(invalid.init?.status).toBe(400);
    expect(invalid.data).toMatchObject({ intent: "add", errors: { computed: "admin.reportOutline.errors.computed" }, values: { title: "Cifras nuevas", parent: "liaison", numbered: true } });
    const rename = (await post({ intent: "rename", key: "media", title: "" })) as unknown as { data: { errors: Record<string, string> }; init: ResponseInit | null };
    expect(rename.init?.status).toBe(400);
    expect(rename.data.errors).toEqual({ title: "admin.reportOutline.errors.title" });

    const refused = (await post({ intent: "delete", key: "media" })) as Response;
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toBe("/admin/report-outline#s-media");
    const bogus = (await post({ intent: "move", key: "media", direction: "sideways" })) as Response;
    expect(bogus.status).toBe(302);
    expect(await db.reportOutlineSection.count()).toBe(before);
    expect(await db.auditLog.count({ where: { actorId: user.id, action: { startsWith: "report.outline." } } })).toBe(0);
  });
});
