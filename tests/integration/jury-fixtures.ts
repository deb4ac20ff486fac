/** Jury test data, made directly with Prisma: a contest with a rubric, registered projects and jurors. */
import { randomUUID } from "node:crypto";
import { db } from "~/lib/db.server";
import { createUser } from "../support/factories";

const DAY = 86_400_000;

export type JuryFixture = Awaited<ReturnType<typeof createJuryContest>>;

/**
 * The hand-computed rubric (weights 40/30/20/10; scales 1–5, 0–10, 1–5, 0–10; tie-break A then B),
 * `projects` registered submissions (each with its own Partner), `jurors` JUROR users designated
 * and assigned to every project. The evaluation window is open unless told otherwise.
 */
export async function createJuryContest(opts: { projects?: number; jurors?: number; endsInMs?: number; startedMsAgo?: number } = {}) {
  const tag = randomUUID().slice(0, 8);
  const now = Date.now();
  const endsAt = new Date(now + (opts.endsInMs ?? 10 * DAY));
  const contest = await db.contest.create({
    data: {
      name: `Concurso jurado ${tag}`,
      submissionsOpenAt: new Date(now - 60 * DAY),
      submissionsCloseAt: new Date(now - 40 * DAY),
      reviewEndsAt: new Date(now - 30 * DAY),
      evaluationStartsAt: new Date(now - (opts.startedMsAgo ?? 20 * DAY)),
      evaluationEndsAt: endsAt,
      resultsAt: new Date(endsAt.getTime() + 7 * DAY),
      dispersionThreshold: 15,
    },
  });
  const spec = [
    { key: "A", name: `Impacto ${tag}`, weight: 40, scaleMin: 1, scaleMax: 5, tieBreakRank: 1 },
    { key: "B", name: `Viabilidad ${tag}`, weight: 30, scaleMin: 0, scaleMax: 10, tieBreakRank: 2 },
    { key: "C", name: `Cobertura ${tag}`, weight: 20, scaleMin: 1, scaleMax: 5, tieBreakRank: null },
    { key: "D", name: `Presupuesto ${tag}`, weight: 10, scaleMin: 0, scaleMax: 10, tieBreakRank: null },
  ];
  const criteria: Record<string, string> = {};
  for (const [i, c] of spec.entries()) {
    const levels = Object.fromEntries(Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, k) => [String(c.scaleMin + k), `Nivel ${c.scaleMin + k} de ${c.key}`]));
    const row = await db.criterion.create({
      data: { contestId: contest.id, position: i + 1, name: c.name, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax, levels, tieBreakRank: c.tieBreakRank },
    });
    criteria[c.key] = row.id;
  }
  const submissions: Array<{ id: string; folio: string; title: string; partnerName: string }> = [];
  for (let i = 0; i < (opts.projects ?? 4); i++) {
    const partnerName = `Organización ${tag}-${i + 1}`;
    const partner = await db.partner.create({ data: { name: partnerName, kind: "CIVIL_SOCIETY", country: "US", state: "Texas", city: "Dallas" } });
    const folio = `P${String(i + 1).padStart(2, "0")}`;
    const title = `Proyecto ${tag} ${folio}`;
    const s = await db.submission.create({
      data: { contestId: contest.id, folio, partnerId: partner.id, title, summary: `Resumen ${folio}`, receivedAt: new Date(now - 50 * DAY), channel: "EMAIL", status: "REGISTERED", registeredAt: new Date(now - 35 * DAY) },
    });
    submissions.push({ id: s.id, folio, title, partnerName });
  }
  const jurors = [];
  for (let i = 0; i < (opts.jurors ?? 3); i++) {
    const user = await createUser({ role: "JUROR", name: `Jurado ${tag} ${i + 1}` });
    await db.juryMember.create({ data: { contestId: contest.id, userId: user.id, designationRef: "Acuerdo de prueba", designatedOn: new Date("2017-11-15T12:00:00Z"), expertise: ["Pruebas"] } });
    await db.assignment.createMany({ data: submissions.map((s) => ({ contestId: contest.id, submissionId: s.id, userId: user.id })) });
    jurors.push(user);
  }
  return { contest, criteria, submissions, jurors, tag };
}

/** The form a juror posts: score.<criterionId> per key. */
export function draftOf(fx: { criteria: Record<string, string> }, values: Partial<Record<"A" | "B" | "C" | "D", number | null>>, overall: string | null = null) {
  const scores: Record<string, { value: number | null; comment: string | null }> = {};
  for (const key of ["A", "B", "C", "D"] as const) scores[fx.criteria[key]!] = { value: values[key] ?? null, comment: null };
  return { scores, overallComment: overall };
}

export function formOf(fx: { criteria: Record<string, string> }, values: Partial<Record<"A" | "B" | "C" | "D", number>>, intent: string): Record<string, string> {
  const form: Record<string, string> = { intent };
  for (const [key, value] of Object.entries(values)) form[`score.${fx.criteria[key]}`] = String(value);
  return form;
}
