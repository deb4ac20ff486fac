/**
 * The contribution round (decision 025): CONTRIBUTOR users with an INE area, the round opened by
 * the coordinator (two posts, counted mails, no duplicates on reopening), the states with who and
 * when, the return note, the worker's reminders in the organisation's zone, and the contributor
 * refused on every page but their own sections.
 *
 * Each test works on a month of its own far in the future, and mails go to UTVOPL contributors
 * (the demo seed, which another file may run on this database, creates none), so counts are exact.
 */
import { randomInt, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { contributableSections, sectionAccess } from "~/modules/reports/access.server";
import {
  ContributionError,
  contributionSection,
  mySections,
  openRound,
  previewRound,
  reminderKind,
  returnContribution,
  reviewContribution,
  roundPlan,
  roundStatus,
  saveContributionText,
  sendContributionReminders,
  submitContribution,
} from "~/modules/reports/contributions.server";
import { liveOutline } from "~/modules/reports/outline.server";
import { inviteUserSchema, userActionSchema } from "~/modules/users/schema";
import { changeUserRole, UserRuleError } from "~/modules/users/users.server";
import { closeQueues } from "../../jobs/queues";
import { createUser, fakeRequest, uniqueIp } from "../support/factories";
import { TestClient } from "../support/http";
import { waitForMail } from "../support/outbox";

afterAll(async () => {
  await closeQueues();
});

const usedMonths = new Set<string>();
/** A month nobody else uses: year 2101–2199. */
function freshMonth(): string {
  for (;;) {
    const m = `${randomInt(2101, 2200)}-${String(randomInt(1, 13)).padStart(2, "0")}`;
    if (!usedMonths.has(m)) {
      usedMonths.add(m);
      return m;
    }
  }
}

async function coordinator() {
  const user = await createUser({ role: "COORDINATOR", name: `Coordinación ${randomUUID().slice(0, 6)}` });
  return { user, actor: { userId: user.id, ip: "127.0.0.1", role: "COORDINATOR" as const } };
}

async function contributor(area: "UTVOPL" | "DEOE" | "UNICOM" | "DERFE", name = `Colaboradora ${area}`) {
  const user = await createUser({ role: "COORDINATOR", name });
  // Created as another role, then turned into a contributor: the trigger wants role and area together.
  await db.user.update({ where: { id: user.id }, data: { role: "CONTRIBUTOR", ineArea: area } });
  return { ...user, role: "CONTRIBUTOR" as const, ineArea: area };
}

const actorOf = (u: { id: string }) => ({ userId: u.id, ip: "127.0.0.1" });

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ContributionError) return error.code;
    throw error;
  }
  return "allowed";
}

/** Opens the round for these sections (area, due) through both posts, as the page does. */
async function open(actor: Awaited<ReturnType<typeof coordinator>>["actor"], month: string, sections: Array<{ key: string; area: "UTVOPL" | "DEOE" | "UNICOM" | "DERFE"; dueOn?: string }>, dueOn: string) {
  const input = { dueOn, sections: sections.map((s) => ({ ...s, dueOn: s.dueOn ?? dueOn })) };
  let preview = await previewRound(month, input);
  try {
    return { preview, opened: await openRound(actor, month, input, { sections: preview.added.length, mails: preview.mails }) };
  } catch (error) {
    // Another file's demo seed may add a contributor between the two posts: ask again, as the page does.
    if (!(error instanceof ContributionError && error.code === "stale")) throw error;
    preview = await previewRound(month, input);
    return { preview, opened: await openRound(actor, month, input, { sections: preview.added.length, mails: preview.mails }) };
  }
}

describe("a CONTRIBUTOR user", () => {
  it("must have an INE area: the forms refuse one without, and the rule keeps role and area together", async () => {
    const missing = inviteUserSchema.safeParse({ name: "Sin Área", email: "sin-area@example.org", role: "CONTRIBUTOR", locale: "es", ineArea: "" });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["ineArea", "admin.users.errors.ineAreaRequired"]]);
    const ok = inviteUserSchema.parse({ name: "Con Área", email: "con-area@example.org", role: "CONTRIBUTOR", locale: "es", ineArea: "DEOE" });
    expect(ok.ineArea).toBe("DEOE");
    // Any other role drops an area sent with it.
    expect(inviteUserSchema.parse({ name: "Coordina", email: "coordina@example.org", role: "COORDINATOR", locale: "es", ineArea: "DEOE" }).ineArea).toBeNull();
    expect(userActionSchema.safeParse({ intent: "role", role: "CONTRIBUTOR", ineArea: "" }).success).toBe(false);

    const admin = await createUser({ role: "ADMIN" });
    const person = await createUser({ role: "COORDINATOR" });
    await expect(changeUserRole(actorOf(admin), person.id, "CONTRIBUTOR", null)).rejects.toBeInstanceOf(UserRuleError);
    await changeUserRole(actorOf(admin), person.id, "CONTRIBUTOR", "UNICOM");
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { role: true, ineArea: true } })).toEqual({ role: "CONTRIBUTOR", ineArea: "UNICOM" });
    await changeUserRole(actorOf(admin), person.id, "CONTRIBUTOR", "DEOE");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).ineArea).toBe("DEOE");
    await changeUserRole(actorOf(admin), person.id, "COMMUNICATIONS", "DEOE");
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { role: true, ineArea: true } })).toEqual({ role: "COMMUNICATIONS", ineArea: null });
    const audits = await db.auditLog.findMany({ where: { action: "user.role", entityId: person.id }, orderBy: { id: "asc" }, select: { after: true } });
    expect(audits.map((a) => a.after)).toEqual([{ role: "CONTRIBUTOR", ineArea: "UNICOM" }, { role: "CONTRIBUTOR", ineArea: "DEOE" }, { role: "COMMUNICATIONS" }]);
  });

  it("the administration page refuses a contributor without an area with a clear message, and creates one with it", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await db.user.update({ where: { id: admin.id }, data: { totpEnabled: true } });
    const cookie = (await createSession(admin.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const client = new TestClient();
    const headers = { cookie, origin: new URL(client.baseUrl).origin };
    const email = `colabora-${randomUUID().slice(0, 8)}@example.org`;
    const refused = await client.request("/admin/users/new", { method: "POST", headers, form: { name: "Colabora Sin Área", email, role: "CONTRIBUTOR", locale: "es", ineArea: "" } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Un colaborador de área necesita un área del INE");
    expect(await db.user.count({ where: { email } })).toBe(0);
    const created = await client.request("/admin/users/new", { method: "POST", headers, form: { name: "Colabora DEOE", email, role: "CONTRIBUTOR", locale: "es", ineArea: "DEOE" } });
    expect(created.status).toBe(302);
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { role: true, ineArea: true } })).toEqual({ role: "CONTRIBUTOR", ineArea: "DEOE" });
  });
});

describe("the round", () => {
  it("covers the CONTRIBUTED sections (annexes too) and Atención Ciudadana's 2.1.3 and Anexo 2, not the office's or DERFE's chapter", async () => {
    const keys = contributableSections(await liveOutline()).map((n) => n.key);
    for (const key of ["registration", "deoe", "deceyec_training", "deceyec_outreach", "unicom", "cncs", "annex_registration", "annex_deoe", "annex_unicom", "annex_cncs", "enquiries", "annex_enquiries"]) expect(keys).toContain(key);
    for (const key of ["presentation", "advances", "derfe", "secretariat", "liaison", "institutional", "digital", "deceyec", "materials", "media", "annexes"]) expect(keys).not.toContain(key);
    expect(keys).toHaveLength(14);
    const plan = await roundPlan(freshMonth());
    expect(plan.defaultDueOn).toMatch(/^\d{4}-\d{2}-08$/);
    expect(plan.sections.find((s) => s.key === "annex_unicom")).toMatchObject({ number: "Anexo 6", defaultArea: "UNICOM", contribution: null });
  });

  it("opens in two posts that say how many mails, mails each contributor their sections, and never duplicates on reopening", async () => {
    const month = freshMonth();
    const { actor } = await coordinator();
    const [ana, beto] = [await contributor("UTVOPL", "Ana UTVOPL"), await contributor("UTVOPL", "Beto UTVOPL")];
    const since = new Date();
    const input = { dueOn: `${month}-20`, sections: [{ key: "deoe", area: "UTVOPL" as const, dueOn: `${month}-20` }, { key: "annex_deoe", area: "UTVOPL" as const, dueOn: `${month}-25` }] };
    const preview = await previewRound(month, input);
    expect(preview.added.map((a) => [a.key, a.area, a.dueOn])).toEqual([["deoe", "UTVOPL", `${month}-20`], ["annex_deoe", "UTVOPL", `${month}-25`]]);
    expect(preview.mails).toBeGreaterThanOrEqual(2);
    // The first post changed nothing.
    expect(await db.reportContribution.count({ where: { month } })).toBe(0);
    // A confirmation that does not match what would happen is refused and nothing is written.
    expect(await refusal(openRound(actor, month, input, { sections: 2, mails: preview.mails + 1 }))).toBe("stale");
    expect(await db.reportContribution.count({ where: { month } })).toBe(0);
    const opened = await openRound(actor, month, input, { sections: 2, mails: preview.mails });
    expect(opened).toMatchObject({ added: 2, mails: preview.mails, mailsQueued: preview.mails });
    const rows = await db.reportContribution.findMany({ where: { month }, orderBy: { sectionKey: "asc" } });
    expect(rows.map((r) => [r.sectionKey, r.ownerArea, r.state, r.stateChangedById])).toEqual([
      ["annex_deoe", "UTVOPL", "PENDING", actor.userId],
      ["deoe", "UTVOPL", "PENDING", actor.userId],
    ]);
    for (const person of [ana, beto]) {
      const mail = await waitForMail(person.email, { subject: /secciones de UTVOPL — Vinculación con los OPL por entregar/, after: since });
      expect(mail.text).toContain("2.2 Dirección Ejecutiva de Organización Electoral (DEOE)");
      expect(mail.text).toContain(`/contribute/${month}/deoe`);
      expect(mail.text).toContain(`/contribute/${month}/annex_deoe`);
      expect(mail.html).toContain("Anexo 3 Organización electoral");
    }
    expect(await db.auditLog.count({ where: { action: "report.contribution.open", entityId: month } })).toBe(1);

    // Reopening with everything adds only what is missing.
    const again = { dueOn: `${month}-21`, sections: [...input.sections, { key: "unicom", area: "UTVOPL" as const, dueOn: `${month}-21` }] };
    const second = await previewRound(month, again);
    expect(second.added.map((a) => a.key)).toEqual(["unicom"]);
    await openRound(actor, month, again, { sections: 1, mails: second.mails });
    expect(await db.reportContribution.count({ where: { month } })).toBe(3);
    expect((await db.reportContribution.findUniqueOrThrow({ where: { month_sectionKey: { month, sectionKey: "deoe" } } })).dueOn.toISOString().slice(0, 10)).toBe(`${month}-20`);
    expect(await refusal(openRound(actor, month, again, { sections: 0, mails: 0 }))).toBe("noSections");
  });

  it("moves PENDING → IN_PROGRESS → SUBMITTED → back with a note → SUBMITTED → REVIEWED, recording who and when", async () => {
    const month = freshMonth();
    const { user: coord, actor } = await coordinator();
    const ana = await contributor("UTVOPL", "Ana Estados");
    await open(actor, month, [{ key: "deoe", area: "UTVOPL" }, { key: "annex_deoe", area: "UTVOPL" }], `${month}-15`);
    const state = async () => (await db.reportContribution.findUniqueOrThrow({ where: { month_sectionKey: { month, sectionKey: "deoe" } } })).state;

    expect(await sectionAccess(ana, month, "deoe")).toBe("edit");
    await saveContributionText(ana, actorOf(ana), month, "deoe", "Se instalaron las mesas de escrutinio.");
    expect(await state()).toBe("IN_PROGRESS");
    // A second save does not change the state again.
    await saveContributionText(ana, actorOf(ana), month, "deoe", "Se instalaron las mesas de escrutinio y cómputo.");
    expect(await db.auditLog.count({ where: { action: "report.contribution.start", after: { path: ["month"], equals: month } } })).toBe(1);
    const narratives = (await db.monthlyReport.findFirstOrThrow({ where: { month } })).narratives as Record<string, { text: string }>;
    expect(narratives.deoe?.text).toBe("Se instalaron las mesas de escrutinio y cómputo.");

    // The coordinator cannot review what was not submitted.
    expect(await refusal(reviewContribution(actor, month, "deoe"))).toBe("state");
    expect(await submitContribution(ana, actorOf(ana), month, "deoe")).toEqual({ changed: true });
    expect(await state()).toBe("SUBMITTED");
    expect(await sectionAccess(ana, month, "deoe")).toBe("read");
    expect(await refusal(saveContributionText(ana, actorOf(ana), month, "deoe", "Cambio tardío"))).toBe("state");

    const since = new Date();
    const back = await returnContribution(actor, month, "deoe", "Falta el número de mesas por entidad.");
    expect(back.changed).toBe(true);
    expect(back.mails).toBeGreaterThanOrEqual(1);
    const row = await db.reportContribution.findUniqueOrThrow({ where: { month_sectionKey: { month, sectionKey: "deoe" } } });
    expect(row).toMatchObject({ state: "IN_PROGRESS", returnNote: "Falta el número de mesas por entidad.", stateChangedById: coord.id });
    const mail = await waitForMail(ana.email, { subject: /Te devolvieron la sección 2\.2/, after: since });
    expect(mail.text).toContain("Falta el número de mesas por entidad.");
    expect(mail.text).toContain(`/contribute/${month}/deoe`);
    expect(await sectionAccess(ana, month, "deoe")).toBe("edit");
    const view = await contributionSection(ana, month, "deoe");
    expect(view.contribution).toMatchObject({ state: "IN_PROGRESS", returnNote: "Falta el número de mesas por entidad." });

    await submitContribution(ana, actorOf(ana), month, "deoe");
    expect(await reviewContribution(actor, month, "deoe")).toEqual({ changed: true });
    expect(await reviewContribution(actor, month, "deoe")).toEqual({ changed: false });
    expect(await state()).toBe("REVIEWED");

    const status = await roundStatus(month, new Date(`${month}-28T18:00:00Z`));
    expect(status.rows.map((r) => [r.key, r.number, r.state, r.changedBy, r.overdue])).toEqual([
      ["deoe", "2.2", "REVIEWED", coord.name, false],
      // Past its due date and not submitted: overdue.
      ["annex_deoe", "Anexo 3", "PENDING", coord.name, true],
    ]);
    const trail = await db.auditLog.findMany({ where: { entity: "ReportContribution", entityId: row.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });
    expect(trail).toEqual([
      { action: "report.contribution.start", actorId: ana.id },
      { action: "report.contribution.submit", actorId: ana.id },
      { action: "report.contribution.return", actorId: coord.id },
      { action: "report.contribution.submit", actorId: ana.id },
      { action: "report.contribution.review", actorId: coord.id },
    ]);
  });

  it("gives a contributor their area's sections of the round only, and «Mis secciones» lists them", async () => {
    const month = freshMonth();
    const { actor } = await coordinator();
    const mine = await contributor("UTVOPL", "Ana Alcance");
    const other = await contributor("DEOE", "Otra Área");
    await open(actor, month, [{ key: "cncs", area: "UTVOPL" }, { key: "deoe", area: "DEOE" }], `${month}-15`);
    // The section, and the one under it that the outline gives to the same area (2.5's media monitoring).
    expect(await sectionAccess(mine, month, "cncs")).toBe("edit");
    expect(await sectionAccess(mine, month, "media")).toBe("edit");
    for (const key of ["deoe", "annex_cncs", "presentation", "secretariat", "digital", "nonexistent"]) expect(await sectionAccess(mine, month, key), key).toBeNull();
    expect(await sectionAccess(other, month, "cncs")).toBeNull();
    // Another month without a round: nothing.
    expect(await sectionAccess(mine, freshMonth(), "cncs")).toBeNull();
    expect(await refusal(contributionSection(mine, month, "deoe"))).toBe("forbidden");
    expect(await refusal(saveContributionText(mine, actorOf(mine), month, "deoe", "x"))).toBe("forbidden");
    expect(await refusal(submitContribution(mine, actorOf(mine), month, "deoe"))).toBe("forbidden");
    const list = await mySections(mine);
    const here = list.months.find((m) => m.month === month);
    expect(here?.sections.map((s) => [s.key, s.number, s.state])).toEqual([["cncs", "2.5", "PENDING"]]);
    const section = await contributionSection(mine, month, "cncs");
    expect(section).toMatchObject({ number: "2.5", title: "Coordinación Nacional de Comunicación Social (CNCS)", access: "edit" });
    expect(section.children.map((c) => c.key)).toEqual(["cncs_social", "media"]);
  });
});

describe("reminders", () => {
  it("mails 3 days and 1 day before the due date, each once, in the organisation's zone, for sections not yet submitted", async () => {
    const month = freshMonth();
    const { actor } = await coordinator();
    const ana = await contributor("UTVOPL", "Ana Recordatorios");
    const due = `${month}-20`;
    await open(actor, month, [{ key: "deoe", area: "UTVOPL" }, { key: "annex_deoe", area: "UTVOPL" }, { key: "unicom", area: "UTVOPL" }], due);
    await submitContribution(ana, actorOf(ana), month, "unicom");
    const row = (key: string) => db.reportContribution.findUniqueOrThrow({ where: { month_sectionKey: { month, sectionKey: key } } });
    expect(reminderKind(due, `${month}-17`)).toBe(3);
    expect(reminderKind(due, `${month}-19`)).toBe(1);
    expect(reminderKind(due, `${month}-16`)).toBeNull();
    expect(reminderKind(due, `${month}-21`)).toBeNull();

    // 23:30 on the 16th in Mexico City is already the 17th in UTC: four days left there, none sent.
    expect(await sendContributionReminders(new Date(`${month}-17T05:30:00Z`))).toBe(0);
    // 07:00 on the 17th in Mexico City: too early in the morning.
    expect(await sendContributionReminders(new Date(`${month}-17T13:00:00Z`))).toBe(0);
    const since = new Date();
    // 09:00 on the 17th: the 3-day reminder, once however often the job runs.
    expect(await sendContributionReminders(new Date(`${month}-17T15:00:00Z`))).toBeGreaterThanOrEqual(1);
    expect(await sendContributionReminders(new Date(`${month}-17T16:00:00Z`))).toBe(0);
    expect(await sendContributionReminders(new Date(`${month}-18T16:00:00Z`))).toBe(0);
    expect((await row("deoe")).reminded3At).not.toBeNull();
    expect((await row("unicom")).reminded3At).toBeNull();
    const mail = await waitForMail(ana.email, { subject: /Recordatorio: secciones del informe/, after: since });
    expect(mail.text).toContain("2.2 Dirección Ejecutiva de Organización Electoral (DEOE)");
    expect(mail.text).toContain("Anexo 3 Organización electoral");
    expect(mail.text).not.toContain("2.4 Unidad Técnica");

    // Submitted meanwhile: the 1-day reminder names only what is still open.
    await submitContribution(ana, actorOf(ana), month, "annex_deoe");
    expect(await sendContributionReminders(new Date(`${month}-19T15:00:00Z`))).toBeGreaterThanOrEqual(1);
    expect(await sendContributionReminders(new Date(`${month}-19T20:00:00Z`))).toBe(0);
    expect((await row("deoe")).reminded1At).not.toBeNull();
    expect((await row("annex_deoe")).reminded1At).toBeNull();
    // After the due date, nothing more.
    expect(await sendContributionReminders(new Date(`${month}-21T15:00:00Z`))).toBe(0);
    expect(await db.auditLog.count({ where: { action: "report.contribution.remind", entityId: month } })).toBe(2);
  });
});

// ── Every route, as a contributor ─────────────────────────────────────────────────────────────────

const ROUTES_DIR = path.resolve("app/routes");
/**
 * Pages anybody may open, signed in or not (sign-in, links mailed to people, the kiosk, health), and
 * the applicant portal, whose sign-in is not a staff one (decision 029: a staff session there counts
 * for nothing; tests/integration/portal.test.ts checks it), the provider webhooks (hooks.*: 401
 * without their own credentials) and the catch-all 404 ($.tsx).
 */
const PUBLIC = /^(login|login_\.two-factor|forgot-password|reset-password\.\$token|invite\.\$token|k\.|u\.\$token|healthz|convocatoria\.|hooks\.|\$\.tsx$)/;
/** What a contributor reaches besides their sections: their account, the language, signing out, the home that sends them on. */
const OWN = /^(contribute\.|account|locale|logout|_index)/;

function routeUrls(values: Record<string, string>): Array<{ file: string; url: string; hasAction: boolean }> {
  return readdirSync(ROUTES_DIR)
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((file) => {
      const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
      if (!/export (async )?function (loader|action)\b/.test(source)) return [];
      const parts = file.replace(/\.tsx?$/, "").match(/(\[[^\]]*\]|[^.[]+)+/g) ?? [];
      const segments = parts
        .map((raw) => raw.replace(/\[([^\]]*)\]/g, "$1").replace(/_$/, ""))
        .filter((s) => s !== "_index" && s !== "")
        .map((s) => {
          if (!s.startsWith("$")) return s;
          const name = s.slice(1).replace(/\..*$/, "");
          const suffix = s.includes(".") ? s.slice(s.indexOf(".")) : "";
          return (values[name] ?? randomUUID()) + suffix;
        });
      return [{ file, url: `/${segments.join("/")}`, hasAction: /export (async )?function action\b/.test(source) }];
    });
}

describe("a contributor everywhere else", () => {
  it("is refused (403) on every page but their own sections, including the report, its figures, and other areas' sections", { timeout: 120_000 }, async () => {
    const month = freshMonth();
    const { actor } = await coordinator();
    const me = await contributor("UTVOPL", "Ana Recorre");
    await open(actor, month, [{ key: "deoe", area: "UTVOPL" }, { key: "unicom", area: "UNICOM" }], `${month}-15`);
    const cookie = (await createSession(me.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
    const client = new TestClient();
    const base = client.baseUrl;
    const headers = { cookie, "x-forwarded-for": uniqueIp() };
    const status = async (url: string, method = "GET") =>
      (await fetch(base + url, { method, headers: { ...headers, origin: new URL(base).origin, ...(method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}) }, body: method === "POST" ? "intent=x" : undefined, redirect: "manual" })).status;

    const routes = routeUrls({ month, section: "unicom", key: "unicom" });
    expect(routes.length).toBeGreaterThan(50);
    const unexpected: string[] = [];
    for (const r of routes) {
      if (PUBLIC.test(r.file) || OWN.test(r.file)) continue;
      const got = await status(r.url);
      // A stored file answers 404 to anyone who may not read it (probing learns nothing).
      const refused = r.file.startsWith("files.") ? got === 404 : got === 403;
      if (!refused) unexpected.push(`GET ${r.url} (${r.file}) → ${got}`);
      if (r.hasAction) {
        const posted = await status(r.url, "POST");
        if (posted !== 403 && !(r.file.startsWith("files.") && posted === 404) && posted !== 405) unexpected.push(`POST ${r.url} (${r.file}) → ${posted}`);
      }
    }
    expect(unexpected).toEqual([]);

    // Named ones, to be explicit: the report, its figures, the round page, another area's section.
    for (const url of ["/reports", `/reports/${month}`, `/reports/${month}/figures.json`, `/reports/${month}/round`, `/reports/${month}/export.docx`, `/contribute/${month}/unicom`, `/contribute/${month}/presentation`, `/contribute/${freshMonth()}/deoe`, "/admin/users", "/events", "/jury"]) {
      expect(await status(url), url).toBe(403);
    }
    expect(await status(`/contribute/${month}/unicom`, "POST")).toBe(403);
    // Their own pages open; home sends them to «Mis secciones».
    expect(await status("/contribute")).toBe(200);
    expect(await status(`/contribute/${month}/deoe`)).toBe(200);
    expect(await status("/account")).toBe(200);
    const home = await fetch(`${base}/`, { headers, redirect: "manual" });
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/contribute");
    // Refusals are audited.
    expect(await db.auditLog.count({ where: { actorId: me.id, action: "permission.denied", entityId: `/contribute/${month}/unicom` } })).toBeGreaterThanOrEqual(1);
  });
});
