/**
 * Demo data for the jury area (called by prisma/seed.ts after the contest). Idempotent: every row
 * is found by its unique key first, and an evaluation a juror has already touched is left alone.
 *
 * The report's jury: three specialists designated by the commission on 15 Nov 2017 (agreement
 * INE/CVMRE-04SO, linked) and installed
 * on 27 Nov 2017, when they received the 15 registered projects and the rubric. The seed leaves
 * the evaluation open with some drafts (and one submitted), so a juror logging in sees real work.
 */
import { db } from "../../app/lib/db.server.ts";
import { AGREEMENT_JURY } from "./meetings.ts";

const JURORS = [
  { email: "jurado1@alcance.test", expertise: ["Participación política", "Migración"] },
  { email: "jurado2@alcance.test", expertise: ["Sociedad civil", "Evaluación de proyectos"] },
  { email: "jurado3@alcance.test", expertise: ["Comunicación", "Comunidades mexicanas en EUA"] },
];
const DESIGNATION_REF = AGREEMENT_JURY;
const DESIGNATED_ON = new Date("2017-11-15T12:00:00Z");
const INSTALLED_AT = new Date("2017-11-27T16:00:00Z");

/** Deterministic demo scores on each criterion's scale. */
function demoValue(seed: number, min: number, max: number): number {
  const span = max - min;
  return min + Math.max(1, Math.min(span, Math.round(span * (0.55 + 0.1 * ((seed % 5) - 2)))));
}

export async function seedJury(): Promise<string> {
  const contest = await db.contest.findFirst({
    where: { submissions: { some: { status: "REGISTERED" } } },
    orderBy: [{ submissionsOpenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, evaluationStartsAt: true, evaluationEndsAt: true },
  });
  if (!contest) return "jury: no contest to seed";
  const users = await db.user.findMany({ where: { email: { in: JURORS.map((j) => j.email) }, role: "JUROR" }, select: { id: true, email: true } });
  if (users.length < JURORS.length) return "jury: the demo jurors are missing (seed the users first)";
  const userId = new Map(users.map((u) => [u.email, u.id]));
  const submissions = await db.submission.findMany({ where: { contestId: contest.id, status: "REGISTERED" }, select: { id: true }, orderBy: { folio: "asc" } });
  const criteria = await db.criterion.findMany({ where: { contestId: contest.id }, orderBy: { position: "asc" } });

  // The commission agreement that designated them (prisma/seed/meetings.ts), when it is there.
  const agreement = await db.commissionAgreement.findUnique({ where: { number: AGREEMENT_JURY }, select: { id: true } });
  for (const j of JURORS) {
    await db.juryMember.upsert({
      where: { contestId_userId: { contestId: contest.id, userId: userId.get(j.email)! } },
      create: { contestId: contest.id, userId: userId.get(j.email)!, designationRef: DESIGNATION_REF, designatedOn: DESIGNATED_ON, agreementId: agreement?.id ?? null, expertise: j.expertise },
      update: {},
    });
  }
  if (agreement) await db.juryMember.updateMany({ where: { contestId: contest.id, userId: { in: [...userId.values()] }, agreementId: null }, data: { agreementId: agreement.id } });
  const installation = await db.jurySession.findFirst({ where: { contestId: contest.id, kind: "INSTALLATION" }, select: { id: true } });
  if (!installation) {
    await db.jurySession.create({
      data: {
        contestId: contest.id,
        kind: "INSTALLATION",
        heldAt: INSTALLED_AT,
        attendees: "Dra. Julia Jurado, Mtro. Jorge Jurado, Lic. Josefina Jurado; por la oficina de vinculación: Carlos Coordinador.",
        minutes: `Se instala el jurado dictaminador designado mediante el Acuerdo ${DESIGNATION_REF} del 15 de noviembre de 2017. Se entregan a las y los integrantes los ${submissions.length} proyectos registrados y la rúbrica de evaluación. Las y los jurados declaran conocer las reglas de conflicto de interés.`,
      },
    });
  }
  const pairs = submissions.flatMap((s) => users.map((u) => ({ contestId: contest.id, submissionId: s.id, userId: u.id })));
  // Conflicts recorded earlier stay respected: never re-assign a conflicted pair.
  const conflicts = new Set((await db.conflict.findMany({ where: { contestId: contest.id }, select: { submissionId: true, userId: true } })).map((c) => `${c.submissionId}:${c.userId}`));
  await db.assignment.createMany({ data: pairs.filter((p) => !conflicts.has(`${p.submissionId}:${p.userId}`)), skipDuplicates: true });

  // Some work in progress: jurado1 submitted one project and has two drafts; jurado2 has one draft.
  const plan: Array<{ email: string; index: number; submitted: boolean; complete: boolean }> = [
    { email: "jurado1@alcance.test", index: 0, submitted: true, complete: true },
    { email: "jurado1@alcance.test", index: 1, submitted: false, complete: true },
    { email: "jurado1@alcance.test", index: 2, submitted: false, complete: false },
    { email: "jurado2@alcance.test", index: 0, submitted: false, complete: false },
  ];
  let evaluations = 0;
  for (const p of plan) {
    const submission = submissions[p.index];
    const uid = userId.get(p.email)!;
    if (!submission || criteria.length === 0 || conflicts.has(`${submission.id}:${uid}`)) continue;
    const exists = await db.evaluation.findUnique({ where: { submissionId_userId: { submissionId: submission.id, userId: uid } }, select: { id: true } });
    if (exists) continue;
    const chosen = p.complete ? criteria : criteria.slice(0, Math.ceil(criteria.length / 2));
    await db.$transaction(async (tx) => {
      await tx.assignment.updateMany({ where: { submissionId: submission.id, userId: uid, noConflictAt: null }, data: { noConflictAt: INSTALLED_AT } });
      await tx.evaluation.create({
        data: {
          contestId: contest.id,
          submissionId: submission.id,
          userId: uid,
          state: p.submitted ? "SUBMITTED" : "DRAFT",
          submittedAt: p.submitted ? new Date("2017-11-29T18:00:00Z") : null,
          overallComment: p.complete ? "Proyecto sólido, con metas medibles y buena cobertura de la comunidad." : null,
          scores: {
            create: chosen.map((c, i) => ({
              criterionId: c.id,
              value: demoValue(p.index * 7 + i + p.email.length, c.scaleMin, c.scaleMax),
              comment: i === 0 ? "Metas claras y alcance verificable." : null,
            })),
          },
        },
      });
    });
    evaluations++;
  }
  const past = contest.evaluationEndsAt.getTime() <= Date.now() ? ` (WARNING: its evaluation deadline ${contest.evaluationEndsAt.toISOString()} has passed; left unchanged)` : "";
  return `jury: 3 jurors, ${submissions.length} projects assigned, ${evaluations} evaluations created${past}`;
}
