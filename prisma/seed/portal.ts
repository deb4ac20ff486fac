/**
 * Demo data for the applicant portal (decision 029): the 2018 call, open from two weeks before the
 * day the seed first runs until some weeks after, published at /convocatoria/osc-2018 with its
 * FAQ; and two organisations mid-way — one with a draft (a title and one document), one that
 * submitted and is awaiting a correction the office asked for. Both sign in with the seed password;
 * the second has a second member (DEMO_MEMBER, same password) and one pending invitation.
 *
 * Idempotent: once the call is published it is left alone. Everything goes through the contest
 * and portal modules, so each step is audited like real work; no mail is queued.
 */
import { db } from "../../app/lib/db.server.ts";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { saveRequirements, saveRubric, setContestDocument, type Actor } from "../../app/modules/contest/contest.server.ts";
import { requestCorrection } from "../../app/modules/contest/corrections.server.ts";
import { saveChecks } from "../../app/modules/contest/submissions.server.ts";
import { storeUpload } from "../../app/modules/files/storage.server.ts";
import { applicantForToken, inviteMember, startApplicantSession } from "../../app/modules/portal/accounts.server.ts";
import { createOrganisation, saveDraft, submitDraft } from "../../app/modules/portal/applications.server.ts";
import type { Role } from "../../app/generated/prisma/enums.ts";

export const PORTAL_SLUG = "osc-2018";
export const PORTAL_CONTEST_NAME = "Convocatoria 2018: Concurso para la Promoción del Voto de las y los Mexicanos Residentes en el Extranjero";
export const DEMO_APPLICANTS = ["casa.hidalguense@portal.example", "mujeres.migrantes@portal.example"];
export const DEMO_MEMBER = "coordinacion.mujeres@portal.example";
const DEMO_INVITED = "voluntaria.pilsen@portal.example";

const DAY = 86_400_000;
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const REQUIREMENTS = [
  { name: "Documento de constitución legal de la organización", description: "Acta constitutiva o certificado de incorporación vigente." },
  { name: "Descripción del proyecto en el formato de la convocatoria", description: "Objetivos, población, actividades, calendario y metas." },
  { name: "Presupuesto desglosado", description: "Conceptos y montos en dólares." },
  { name: "Carta compromiso firmada", description: "Firmada por la representación legal." },
];
const RUBRIC = [
  { name: "Pertinencia con los objetivos de la convocatoria", weight: 30 },
  { name: "Alcance e impacto en la comunidad", weight: 30 },
  { name: "Viabilidad técnica y financiera", weight: 25 },
  { name: "Experiencia de la organización", weight: 15 },
];
const FAQ = [
  { q: "¿Puede participar una organización sin registro fiscal en los Estados Unidos?", a: "Sí, si acredita su constitución legal; el número de identificación fiscal (EIN) es opcional en el registro." },
  { q: "¿Puedo enviar mi proyecto en inglés?", a: "Sí. Los formatos anexos pueden llenarse en español o en inglés." },
  { q: "¿Qué pasa si me piden una corrección?", a: "La verás en el portal con sus puntos, notas y plazo; sube los documentos corregidos antes de que venza." },
];

async function actorFor(email: string, role: Role): Promise<Actor> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  return { userId: user?.id ?? null, ip: "seed", role };
}

/** A verified account signed in through the module (the session row is removed right after). */
async function applicant(email: string, passwordHash: string) {
  const account = await db.applicantAccount.upsert({ where: { email }, create: { email, passwordHash, emailVerifiedAt: new Date(), locale: "es" }, update: {} });
  const token = await startApplicantSession(account.id, "seed");
  const found = await applicantForToken(token);
  await db.applicantSession.deleteMany({ where: { accountId: account.id } });
  return found!;
}

export async function seedPortal(password: string): Promise<string> {
  if (await db.portalCall.findUnique({ where: { slug: PORTAL_SLUG } })) return "portal: already present";
  const admin = await actorFor("admin@alcance.test", "ADMIN");
  const staff = await actorFor("coordinacion@alcance.test", "COORDINATOR");
  const now = Date.now();
  const stale = await db.contest.findFirst({ where: { name: PORTAL_CONTEST_NAME }, select: { id: true } });
  // An interrupted run: start the call again (the organisations' accounts are reused).
  if (stale) {
    await db.submission.deleteMany({ where: { contestId: stale.id } });
    await db.contest.delete({ where: { id: stale.id } });
    await db.applicantAccount.updateMany({ where: { email: { in: [...DEMO_APPLICANTS, DEMO_MEMBER] } }, data: { organisationId: null } });
  }
  const contest = await db.contest.create({
    data: {
      name: PORTAL_CONTEST_NAME,
      description: "Segunda edición del concurso para organizaciones de la sociedad civil en los Estados Unidos que promueven la credencialización y el voto desde el extranjero. Las organizaciones registran y envían sus proyectos en este portal.",
      submissionsOpenAt: new Date(now - 14 * DAY),
      submissionsCloseAt: new Date(now + 45 * DAY),
      reviewEndsAt: new Date(now + 60 * DAY),
      correctionDays: 5,
      evaluationStartsAt: new Date(now + 61 * DAY),
      evaluationEndsAt: new Date(now + 90 * DAY),
      resultsAt: new Date(now + 100 * DAY),
      createdById: admin.userId,
    },
  });
  for (const [kind, fileName] of [["call", "convocatoria-concurso-osc-2018.pdf"], ["rules", "reglas-de-operacion-concurso-osc-2018.pdf"]] as const) {
    const stored = await storeUpload(pdf(`${PORTAL_CONTEST_NAME} — ${fileName}`));
    await setContestDocument(admin, contest.id, kind, { fileName, sha256: stored.sha256 });
  }
  const requirements = await saveRequirements(staff, contest.id, REQUIREMENTS.map((r) => ({ id: null, name: r.name, description: r.description, required: true, remove: false })));
  await saveRubric(staff, contest.id, RUBRIC.map((c, i) => ({ id: null, name: c.name, description: null, weight: c.weight, scaleMin: 1, scaleMax: 5, levels: "Insuficiente\nRegular\nAceptable\nBueno\nExcelente", tieBreakRank: i + 1, remove: false })));
  await db.portalCall.create({
    data: { contestId: contest.id, slug: PORTAL_SLUG, faq: FAQ, lateRule: "Los proyectos recibidos después del cierre solo se aceptan en la oficina, por escrito, y quedan en espera hasta que la Dirección los admita." },
  });

  const passwordHash = await hashPassword(password);
  const ctx = { ip: "seed" };
  const slug = PORTAL_SLUG;

  // 1. A draft: the organisation, a title and one document; not submitted.
  const casa = await applicant(DEMO_APPLICANTS[0]!, passwordHash);
  if (!casa.organisationId) {
    await createOrganisation(casa, { name: "Casa Hidalguense de Houston", taxId: "74-1234567", state: "Texas", city: "Houston", contactName: "Rosa Hernández Olvera", phone: "+1 713 555 0131" }, ctx);
  }
  const casaNow = await applicant(DEMO_APPLICANTS[0]!, passwordHash);
  await saveDraft(
    casaNow,
    slug,
    { title: "Hidalguenses en Houston: credencial y voto 2018", summary: "Jornadas de credencialización en clubes de oriundos.", targetCommunities: "Comunidad hidalguense del área de Houston", targetCities: "Houston, Pasadena", requestedBudget: "18500.00", requirementId: requirements[0]!.id },
    [{ fileName: "acta-constitutiva-casa-hidalguense.pdf", bytes: pdf("Acta constitutiva — Casa Hidalguense de Houston") }],
    ctx,
  );

  // 2. Submitted with two documents; the office reviewed it and asked for a correction.
  const red = await applicant(DEMO_APPLICANTS[1]!, passwordHash);
  if (!red.organisationId) {
    await createOrganisation(red, { name: "Red de Mujeres Migrantes de Chicago", taxId: "36-7654321", state: "Illinois", city: "Chicago", contactName: "Lucía Ramírez Cruz", phone: "+1 312 555 0142" }, ctx);
  }
  const redNow = await applicant(DEMO_APPLICANTS[1]!, passwordHash);
  await saveDraft(
    redNow,
    slug,
    { title: "Mujeres que votan: Chicago 2018", summary: "Talleres de registro para mujeres migrantes en Pilsen y La Villita.", targetCommunities: "Mujeres mexicanas de Pilsen y La Villita", targetCities: "Chicago, Cicero", requestedBudget: "21000.00", requirementId: requirements[1]!.id },
    [{ fileName: "proyecto-mujeres-que-votan.pdf", bytes: pdf("Proyecto — Red de Mujeres Migrantes") }],
    ctx,
  );
  await saveDraft(redNow, slug, { title: "Mujeres que votan: Chicago 2018", summary: "Talleres de registro para mujeres migrantes en Pilsen y La Villita.", targetCommunities: "Mujeres mexicanas de Pilsen y La Villita", targetCities: "Chicago, Cicero", requestedBudget: "21000.00", requirementId: requirements[2]!.id }, [{ fileName: "presupuesto-mujeres-que-votan.pdf", bytes: pdf("Presupuesto — Red de Mujeres Migrantes") }], ctx);
  const submission = await submitDraft(redNow, slug, ctx, new Date(now - 3 * DAY), { mail: false });
  await saveChecks(
    staff,
    contest.id,
    submission.id,
    requirements.map((r, i) => ({ requirementId: r.id, result: i === 0 || i === 3 ? "NEEDS_CORRECTION" : "MET", note: i === 0 ? "Falta el acta constitutiva." : i === 3 ? "Falta la carta compromiso firmada." : null })),
    new Date(now - 2 * DAY),
  );
  await requestCorrection(staff, contest.id, submission.id, { items: [requirements[0]!.id, requirements[3]!.id], message: "Por favor suban el acta constitutiva y la carta compromiso firmada.", deadline: new Date(now + 4 * DAY) }, { now: new Date(now - DAY), sendMail: false });

  // 3. The second organisation's members: one who accepted (she signs in too) and one invitation pending.
  await db.applicantAccount.upsert({
    where: { email: DEMO_MEMBER },
    create: { email: DEMO_MEMBER, passwordHash, emailVerifiedAt: new Date(), locale: "es", organisationId: redNow.organisationId },
    update: { organisationId: redNow.organisationId },
  });
  await inviteMember(redNow, { email: DEMO_INVITED }, slug, ctx, { mail: false });
  return `portal: the 2018 call at /convocatoria/${PORTAL_SLUG}, one draft, one awaiting a correction (two members, one invitation pending)`;
}
