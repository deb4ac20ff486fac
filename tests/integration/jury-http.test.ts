import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";
import { createJuryContest, formOf } from "./jury-fixtures";

/** URL probing against the real server: every refusal is a 403/404 and changes nothing. */

async function loggedIn(email: string) {
  const client = new TestClient();
  const res = await client.login(email);
  expect(res.status).toBe(302);
  return client;
}

const post = (client: TestClient, path: string, form: Record<string, string>) => client.post(path, form, { headers: { origin: new URL(client.baseUrl).origin } });

describe("jury pages over HTTP", () => {
  it("lets a juror reach only their own contest and projects", async () => {
    const fx = await createJuryContest({ projects: 2, jurors: 2 });
    const other = await createJuryContest({ projects: 1, jurors: 1 });
    const [juror, colleague] = fx.jurors as [typeof fx.jurors[0], typeof fx.jurors[0]];
    const client = await loggedIn(juror.email);

    const workspace = await client.get("/jury");
    expect(workspace.status).toBe(200);
    const html = await workspace.text();
    expect(html).toContain(fx.contest.name);
    expect(html).not.toContain(other.contest.name);
    expect(html).toContain("0 de 2 evaluados");

    expect((await client.get(`/jury/${fx.contest.id}`)).status).toBe(200);
    expect((await client.get(`/jury/${other.contest.id}`)).status).toBe(404);
    expect((await client.get(`/jury/${other.contest.id}/p/${other.submissions[0]!.id}`)).status).toBe(404);
    expect((await client.get(`/jury/${fx.contest.id}/p/${other.submissions[0]!.id}`)).status).toBe(404);
    expect((await client.get(`/jury/${fx.contest.id}/setup`)).status).toBe(403);
    expect((await client.get(`/jury/${fx.contest.id}/results`)).status).toBe(403);
    expect((await client.get(`/jury/${fx.contest.id}/results.csv`)).status).toBe(403);

    // Writing into another contest's project, or confirming it: refused, nothing recorded.
    expect((await post(client, `/jury/${other.contest.id}/p/${other.submissions[0]!.id}`, { intent: "confirm" })).status).toBe(404);
    expect((await post(client, `/jury/${fx.contest.id}/p/${other.submissions[0]!.id}`, formOf(other, { A: 5 }, "draft"))).status).toBe(404);
    expect(await db.evaluation.count({ where: { userId: juror.id } })).toBe(0);
    expect(await db.assignment.count({ where: { userId: juror.id, noConflictAt: { not: null } } })).toBe(0);

    // The colleague's submitted scores stay invisible to the juror (who has not submitted).
    await db.assignment.updateMany({ where: { userId: colleague.id }, data: { noConflictAt: new Date() } });
    const colleagueClient = await loggedIn(colleague.email);
    const s = fx.submissions[0]!.id;
    expect((await post(colleagueClient, `/jury/${fx.contest.id}/p/${s}`, { ...formOf(fx, { A: 5, B: 10, C: 5, D: 10 }, "submit"), confirmed: "1", overallComment: "Comentario-secreto-del-colega" })).status).toBe(302);
    await db.contest.update({ where: { id: fx.contest.id }, data: { discussionOpen: true } });
    expect((await post(client, `/jury/${fx.contest.id}/p/${s}`, { intent: "confirm" })).status).toBe(302);
    const page = await (await client.get(`/jury/${fx.contest.id}/p/${s}`)).text();
    expect(page).toContain(fx.submissions[0]!.title);
    expect(page).not.toContain("Comentario-secreto-del-colega");
  });

  it.each([
    ["after the deadline", { evaluationEndsAt: new Date(Date.now() - 1000) }],
    ["once the jury is closed", { juryClosed: true }],
  ])("answers 409 to confirming or declaring a conflict %s, changing nothing", async (_when, closing) => {
    const fx = await createJuryContest({ projects: 2, jurors: 1 });
    const juror = fx.jurors[0]!;
    const client = await loggedIn(juror.email);
    const [unconfirmed, drafted] = fx.submissions.map((s) => s.id) as [string, string];
    expect((await post(client, `/jury/${fx.contest.id}/p/${drafted}`, { intent: "confirm" })).status).toBe(302);
    expect((await post(client, `/jury/${fx.contest.id}/p/${drafted}`, formOf(fx, { A: 3 }, "draft"))).status).toBe(200);
    await db.contest.update({ where: { id: fx.contest.id }, data: closing });
    const state = async () => ({
      assignments: await db.assignment.findMany({ where: { userId: juror.id }, select: { submissionId: true, noConflictAt: true }, orderBy: { submissionId: "asc" } }),
      evaluations: await db.evaluation.findMany({ where: { userId: juror.id }, select: { submissionId: true, state: true, scores: { select: { criterionId: true, value: true } } } }),
      conflicts: await db.conflict.count({ where: { userId: juror.id } }),
      audits: await db.auditLog.count({ where: { actorId: juror.id, action: { startsWith: "jury." } } }),
    });
    const before = await state();
    expect(before.assignments).toHaveLength(2);
    expect(before.evaluations).toHaveLength(1);

    for (const submissionId of [unconfirmed, drafted]) {
      const confirmed = await post(client, `/jury/${fx.contest.id}/p/${submissionId}`, { intent: "confirm" });
      expect(confirmed.status).toBe(409);
      const declared = await post(client, `/jury/${fx.contest.id}/p/${submissionId}`, { intent: "conflict", reason: "Colaboré con la organización" });
      expect(declared.status).toBe(409);
    }
    expect(await state()).toEqual(before);
  });

  it("answers 403 for a conflicted project and 409 for a save after the deadline, changing nothing", async () => {
    const fx = await createJuryContest({ projects: 2, jurors: 1 });
    const juror = fx.jurors[0]!;
    const client = await loggedIn(juror.email);
    const [s1, s2] = fx.submissions.map((s) => s.id) as [string, string];

    const declared = await post(client, `/jury/${fx.contest.id}/p/${s1}`, { intent: "conflict", reason: "Trabajé en esta organización" });
    expect(declared.status).toBe(302);
    expect((await client.get(`/jury/${fx.contest.id}/p/${s1}`)).status).toBe(403);
    expect((await post(client, `/jury/${fx.contest.id}/p/${s1}`, formOf(fx, { A: 5 }, "draft"))).status).toBe(403);
    expect((await post(client, `/jury/${fx.contest.id}/p/${s1}`, { intent: "confirm" })).status).toBe(403);
    expect(await db.evaluation.count({ where: { submissionId: s1 } })).toBe(0);

    expect((await post(client, `/jury/${fx.contest.id}/p/${s2}`, { intent: "confirm" })).status).toBe(302);
    const saved = await post(client, `/jury/${fx.contest.id}/p/${s2}`, formOf(fx, { A: 2 }, "draft"));
    expect(saved.status).toBe(200);
    await db.contest.update({ where: { id: fx.contest.id }, data: { evaluationEndsAt: new Date(Date.now() - 1000) } });
    const late = await post(client, `/jury/${fx.contest.id}/p/${s2}`, { ...formOf(fx, { A: 5, B: 5, C: 5, D: 5 }, "submit"), confirmed: "1" });
    expect(late.status).toBe(409);
    const evaluation = await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: s2, userId: juror.id } }, include: { scores: true } });
    expect(evaluation.state).toBe("DRAFT");
    expect(evaluation.scores.find((x) => x.criterionId === fx.criteria.A)?.value).toBe(2);
  });

  it("asks before locking: a plain submit states the project and the criteria scored, keeps the draft, and only the confirmed post locks", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const juror = fx.jurors[0]!;
    const project = fx.submissions[0]!;
    const client = await loggedIn(juror.email);
    const path = `/jury/${fx.contest.id}/p/${project.id}`;
    expect((await post(client, path, { intent: "confirm" })).status).toBe(302);
    const state = async () => (await db.evaluation.findUnique({ where: { submissionId_userId: { submissionId: project.id, userId: juror.id } }, include: { scores: true } })) ?? null;

    const asked = await post(client, path, { ...formOf(fx, { A: 4, B: 7, C: 3, D: 9 }, "submit"), overallComment: "Buen alcance" });
    expect(asked.status).toBe(200);
    const html = await asked.text();
    expect(html).toContain(`Se enviará tu evaluación de ${project.folio} · ${project.title} con 4 de 4 criterios calificados; después no podrás modificarla.`);
    expect(html).toMatch(/<input type="hidden" name="confirmed" value="1"/);
    // Not locked, but nothing typed is lost: the draft holds every value.
    const draft = await state();
    expect(draft?.state).toBe("DRAFT");
    expect(draft?.overallComment).toBe("Buen alcance");
    expect(Object.fromEntries(draft!.scores.map((x) => [x.criterionId, x.value]))).toEqual({ [fx.criteria.A!]: 4, [fx.criteria.B!]: 7, [fx.criteria.C!]: 3, [fx.criteria.D!]: 9 });

    const locked = await post(client, path, { ...formOf(fx, { A: 4, B: 7, C: 3, D: 9 }, "submit"), overallComment: "Buen alcance", confirmed: "1" });
    expect(locked.status).toBe(302);
    expect((await state())?.state).toBe("SUBMITTED");
  });

  it("refuses an incomplete submit with a focused summary that links every missing criterion, marks each one and keeps the draft", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const juror = fx.jurors[0]!;
    const project = fx.submissions[0]!;
    const client = await loggedIn(juror.email);
    const path = `/jury/${fx.contest.id}/p/${project.id}`;
    expect((await post(client, path, { intent: "confirm" })).status).toBe(302);

    // Even a post that claims confirmation is refused while criteria are missing.
    for (const extra of [{}, { confirmed: "1" }] as Array<Record<string, string>>) {
      const res = await post(client, path, { ...formOf(fx, { A: 3, C: 2 }, "submit"), [`comment.${fx.criteria.B}`]: "Falta revisar el presupuesto", ...extra });
      expect(res.status).toBe(400);
      const html = await res.text();
      const summary = /<div[^>]*data-testid="error-summary"[^>]*>[\s\S]*?<\/div>/.exec(html)?.[0] ?? "";
      expect(summary).toMatch(/role="alert"/);
      expect(summary).toMatch(/tabindex="-1"/);
      expect(summary).toMatch(/autofocus=""/);
      expect(summary).toContain("faltan por calificar 2 criterios");
      const links = [...summary.matchAll(/href="#criterion-([^"]+)"/g)].map((m) => m[1]);
      expect(links).toEqual([fx.criteria.B, fx.criteria.D]);
      for (const key of ["A", "B", "C", "D"] as const) {
        const fieldset = new RegExp(`<fieldset[^>]*id="criterion-${fx.criteria[key]}"[^>]*>[\\s\\S]*?</fieldset>`).exec(html)?.[0] ?? "";
        expect(fieldset, key).not.toBe("");
        const marked = key === "B" || key === "D";
        expect(fieldset.includes('aria-invalid="true"'), key).toBe(marked);
        expect(fieldset.includes("Elige una calificación para este criterio."), key).toBe(marked);
      }
      // What was typed comes back on the page and stays as the draft.
      expect(html).toContain("Falta revisar el presupuesto");
      const draft = await db.evaluation.findUniqueOrThrow({ where: { submissionId_userId: { submissionId: project.id, userId: juror.id } }, include: { scores: true } });
      expect(draft.state).toBe("DRAFT");
      const byCriterion = Object.fromEntries(draft.scores.map((x) => [x.criterionId, x]));
      expect(byCriterion[fx.criteria.A!]?.value).toBe(3);
      expect(byCriterion[fx.criteria.C!]?.value).toBe(2);
      expect(byCriterion[fx.criteria.B!]?.comment).toBe("Falta revisar el presupuesto");
    }
  });

  it("keeps the area closed to other roles and the set-up to the ADMIN", async () => {
    const fx = await createJuryContest({ projects: 1, jurors: 1 });
    const comms = await createUser({ role: "COMMUNICATIONS" });
    const commsClient = await loggedIn(comms.email);
    expect((await commsClient.get("/jury")).status).toBe(403);
    expect((await commsClient.get(`/jury/${fx.contest.id}/results`)).status).toBe(403);

    const coordinator = await createUser({ role: "COORDINATOR" });
    const coord = await loggedIn(coordinator.email);
    expect((await coord.get(`/jury/${fx.contest.id}/results`)).status).toBe(200);
    const csv = await coord.get(`/jury/${fx.contest.id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("P01");
    expect((await coord.get(`/jury/${fx.contest.id}/setup`)).status).toBe(403);
    expect((await post(coord, `/jury/${fx.contest.id}/setup`, { intent: "discussion", open: "1" })).status).toBe(403);
    expect((await db.contest.findUniqueOrThrow({ where: { id: fx.contest.id } })).discussionOpen).toBe(false);
    // A COORDINATOR is not a juror: the evaluation pages are not theirs.
    expect((await coord.get(`/jury/${fx.contest.id}/p/${fx.submissions[0]!.id}`)).status).toBe(403);
  });
});
