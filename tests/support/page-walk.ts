/**
 * Every page of the app, per role, with real records behind each dynamic segment: what the
 * every-page browser test (tests/e2e/every-page.e2e.test.ts) visits at a phone's and a laptop's
 * width. The page list is read from app/routes (flat-routes naming), so a new page is visited
 * without editing this file; resource routes (exports, documents, files) are left out.
 *
 * The records carry long names, long unbroken strings (e-mails, URLs) and a wide table, the
 * content that widens a phone screen when a page does not wrap it.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { IneArea, Role } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { createSession } from "~/modules/auth/session.server";
import { navFor, type RoleName } from "~/modules/auth/permissions";
import { contributableSections } from "~/modules/reports/access.server";
import { liveOutline } from "~/modules/reports/outline.server";
import { createJuryContest } from "../integration/jury-fixtures";
import { createUser, fakeRequest } from "./factories";
import { applicantSessionCookie } from "~/lib/applicant-session.server";
import { createContest, saveRequirements } from "~/modules/contest/contest.server";
import { requestCorrection } from "~/modules/contest/corrections.server";
import { saveChecks } from "~/modules/contest/submissions.server";
import { appHmac } from "~/lib/crypto.server";
import { applicantForToken, inviteMember, startApplicantSession } from "~/modules/portal/accounts.server";
import { createOrganisation, saveDraft, submitDraft } from "~/modules/portal/applications.server";
import { publishPortal } from "~/modules/portal/staff.server";

const ROUTES_DIR = path.resolve("app/routes");

export type PageRoute = { file: string; pattern: string[] };
export type WalkPage = { slug: string; url: string };
/** APPLICANT: an organisation signed in on the applicant portal (decision 029), not a staff role. */
export type WalkRole = RoleName | "ANONYMOUS" | "APPLICANT";

/** app/routes/<file> → URL segments; only files that render a page (a default export or a loader, no file extension in the URL). */
export function pageRoutes(): PageRoute[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => /\.tsx$/.test(file) && !/\[\.\w+\]/.test(file))
    .filter((file) => {
      const source = readFileSync(path.join(ROUTES_DIR, file), "utf8");
      return /export default function/.test(source) || /export (async )?function loader\b/.test(source);
    })
    .map((file) => {
      const parts = file.replace(/\.tsx$/, "").match(/(\[[^\]]*\]|[^.[]+)+/g) ?? [];
      const pattern = parts.map((raw) => raw.replace(/\[([^\]]*)\]/g, "$1").replace(/_$/, "")).filter((s) => s !== "_index" && s !== "");
      return { file, pattern };
    })
    // Actions only (logout, the language switch), and the catch-all 404 (the walk visits an unknown path itself).
    .filter((r) => !["logout.tsx", "locale.tsx", "$.tsx"].includes(r.file));
}

/** Pages nobody signed in is meant to see (they redirect a signed-in user or need a token). */
const PUBLIC_PREFIXES = ["login", "forgot-password", "reset-password", "invite", "k", "u", "convocatoria"];

export type WalkFixture = Awaited<ReturnType<typeof createWalkFixture>>;

const LONG_NAME = "Federación de Clubes Zacatecanos del Sur de California y Organizaciones Hermanas del Medio Oeste";
const LONG_EMAIL = (tag: string) => `coordinacion.general.de.asuntos.internacionales.${tag}@organizacion-muy-larga.example.test`;
const LONG_URL = "https://www.ejemplo-de-organizacion-comunitaria.example.org/programas/voto-desde-el-extranjero/2017/noviembre/registro-de-actividades?utm_source=boletin&utm_campaign=credencializacion";

/** The records every dynamic segment points at, and one signed-in session per role. */
export async function createWalkFixture() {
  const tag = randomUUID().slice(0, 8);
  const month = "2017-11";
  const jury = await createJuryContest({ projects: 2, jurors: 1 });
  const juror = jury.jurors[0]!;
  const submission = jury.submissions[0]!;
  // The juror has declared no conflict, so the project page shows the project and the rubric.
  await db.assignment.updateMany({ where: { userId: juror.id }, data: { noConflictAt: new Date() } });
  await db.submission.update({
    where: { id: submission.id },
    data: { summary: `${LONG_NAME}. Talleres de credencialización en consulados y ferias comunitarias: ${LONG_URL}. Contacto: ${LONG_EMAIL(tag)}.` },
  });

  const bytes = Buffer.from(`%PDF-1.4 walk ${tag}`);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.storedFile.create({ data: { sha256, size: bytes.length, mimeType: "application/pdf", data: bytes } });
  const partner = await db.partner.create({
    data: { name: `${LONG_NAME} ${tag}`, acronym: "FCZSC", kind: "CIVIL_SOCIETY", country: "US", state: "California", city: "Los Ángeles", website: LONG_URL, notes: `Enlace: ${LONG_EMAIL(tag)}` },
  });
  const event = await db.event.create({
    data: {
      name: `Feria binacional de credencialización y registro para votar desde el extranjero ${tag}`,
      kind: "INFO_BOOTH",
      status: "PLANNED",
      timeZone: "America/Los_Angeles",
      startsAt: new Date("2017-11-19T16:00:00Z"),
      endsAt: new Date("2017-11-19T20:00:00Z"),
      country: "US",
      state: "California",
      city: "Los Ángeles",
      venue: `Plaza Olvera, ${LONG_NAME}`,
      onlineUrl: LONG_URL,
      description: `Informes: ${LONG_EMAIL(tag)} · ${LONG_URL}`,
      signupSlug: `walk-${tag}`,
      signupOpensAt: new Date(Date.now() - 86_400_000),
      signupClosesAt: new Date(Date.now() + 86_400_000),
      partners: { create: [{ partnerId: partner.id }] },
    },
  });
  const contact = await db.contact.create({
    data: { email: LONG_EMAIL(tag), givenName: "María Guadalupe de los Ángeles", familyName: "Hernández Villaseñor", country: "US", state: "Illinois", city: "Chicago", source: "MANUAL", tags: ["feria-binacional-chicago-2017", "voluntaria"], notes: LONG_URL, partnerId: partner.id },
  });
  const material = await db.material.create({ data: { code: `WALK-${tag}`, name: `Díptico «¿Cómo tramitar tu credencial para votar desde el extranjero?» ${tag}`, kind: "LEAFLET" } });
  const from = await db.location.create({ data: { name: `Bodega central de materiales de promoción ${tag}`, kind: "WAREHOUSE" } });
  const to = await db.location.create({ data: { name: `Consulado General de México en Los Ángeles ${tag}`, kind: "FOREIGN_SERVICE_POST", country: "US", state: "California", city: "Los Ángeles" } });
  const shipment = await db.shipment.create({ data: { fromLocationId: from.id, toLocationId: to.id } });
  const bulletin = await db.bulletin.create({
    data: {
      name: `Boletín VMRE noviembre 2017 ${tag}`,
      subject: "Tramita tu credencial para votar desde el extranjero antes del 31 de marzo",
      fromName: "Voto desde el Extranjero",
      fromEmail: "boletin@alcance.test",
      bodyMarkdown: `# Tramita tu credencial\n\nConsulta ${LONG_URL} o escribe a ${LONG_EMAIL(tag)}.\n\n| Consulado | Ciudad | Horario | Teléfono | Citas |\n| --- | --- | --- | --- | --- |\n| Consulado General de México | Los Ángeles | 8:00 a 14:00 | +1 213 351 6800 | mexitel.sre.gob.mx |\n`,
    },
  });
  const arco = await db.arcoRequest.create({ data: { kind: "ACCESS", requesterName: "María Guadalupe de los Ángeles Hernández Villaseñor", receivedAt: new Date(), dueAt: new Date(Date.now() + 86_400_000), contactId: contact.id } });
  const batch = await db.importBatch.create({ data: { fileName: `contactos-feria-binacional-chicago-noviembre-2017-${tag}.csv`, fileSize: 1, fileSha256: sha256, sourceText: "email\n" } });
  const outbox = await db.outboxMessage.create({ data: { from: "a@alcance.test", subject: "Hola", raw: `Subject: Hola\r\n\r\n${LONG_URL}` } });
  const notice = (await db.privacyNotice.findFirst({ orderBy: { version: "desc" } })) ??
    (await db.privacyNotice.upsert({ where: { version: 1 }, create: { version: 1, text: "Aviso de privacidad", language: "es" }, update: {} }));
  const meeting = await db.meeting.create({
    data: { kind: "COMMISSION_SESSION", heldOn: new Date("2017-11-15T00:00:00Z"), subject: `Sesión ordinaria de la Comisión Temporal del Voto de los Mexicanos Residentes en el Extranjero ${tag}`, reportPart: "SECRETARIAT", participants: { create: [{ partnerId: partner.id }, { ineArea: "DERFE" }] } },
  });
  const agreement = await db.commissionAgreement.create({ data: { number: `INE/CVMRE-04SO/${tag}`, adoptedOn: new Date("2017-11-15T00:00:00Z"), title: "Acuerdo por el que se designa a las personas que integran el jurado calificador del concurso", meetingId: meeting.id } });
  const socialAccount = await db.socialAccount.create({ data: { network: "FACEBOOK", ownerArea: "CNCS", handle: `votodesdeelextranjero-${tag}` } });
  const mediaNote = await db.mediaNote.create({ data: { publishedOn: new Date("2017-11-15T00:00:00Z"), outlet: `La Opinión de Los Ángeles ${tag}`, medium: "PRINT", tone: "NEUTRAL" } });
  // A wide table: the kind of annex a contributing area pastes in.
  const columns = ["Entidad", "Solicitudes", "Credenciales", "Entregadas", "Activadas", "Pendientes", "Rechazadas", "Porcentaje"].map((name, i) => ({ name, type: i === 0 ? "text" : "integer" }));
  const reportTable = await db.reportTable.create({
    data: { month, sectionKey: "registration", title: `Solicitudes de credencial por entidad ${tag}`, columns, rows: [["Ciudad de México", 12_345, 11_000, 10_500, 9_800, 700, 45, 88]], source: "PASTE" },
  });

  // A contributor of the first area that writes a section, with a round open on that section.
  const section = contributableSections(await liveOutline()).find((n) => n.ownerArea)!;
  const area = section.ownerArea as IneArea;
  const roundMonth = "2016-12";
  await db.reportContribution.createMany({
    data: [{ month: roundMonth, sectionKey: section.key, ownerArea: area, dueOn: new Date("2017-01-08T00:00:00Z") }],
    skipDuplicates: true,
  });

  const users: Partial<Record<RoleName, { id: string }>> = { JUROR: juror };
  for (const role of ["ADMIN", "COORDINATOR", "COMMUNICATIONS", "CONTRIBUTOR"] as const satisfies readonly Role[]) {
    // A contributor is made as a coordinator first: the database wants role and INE area set together.
    const user = await createUser({ role: role === "CONTRIBUTOR" ? "COORDINATOR" : role, name: `Persona ${role.toLowerCase()} ${tag}` });
    if (role === "ADMIN") await db.user.update({ where: { id: user.id }, data: { totpEnabled: true } });
    if (role === "CONTRIBUTOR") await db.user.update({ where: { id: user.id }, data: { role, ineArea: area } });
    users[role] = user;
  }
  const sessions = {} as Record<RoleName, string>;
  for (const [role, user] of Object.entries(users) as Array<[RoleName, { id: string }]>) {
    sessions[role] = (await createSession(user.id, fakeRequest(), { mfaPending: false })).split(";")[0]!;
  }

  const portal = await createPortalFixture(tag, users.COORDINATOR!.id);

  const values: Record<string, string> = {
    "convocatoria/slug": portal.slug,
    "estado/submissionId": portal.submissionId,
    "invitacion/token": portal.invitationToken,
    contestId: jury.contest.id,
    "notice/version": String(notice.version),
    submissionId: submission.id,
    slug: event.signupSlug!,
    month,
    sha256,
    batchId: batch.id,
    "events/id": event.id,
    "contacts/id": String(contact.id),
    "partners/id": partner.id,
    "materials/id": material.id,
    "locations/id": to.id,
    "shipments/id": shipment.id,
    "bulletins/id": bulletin.id,
    "arco/id": arco.id,
    "outbox/id": String(outbox.id),
    "users/id": users.COORDINATOR!.id,
    "meetings/id": meeting.id,
    "agreements/id": agreement.id,
    "accounts/id": socialAccount.id,
    "media/id": mediaNote.id,
    "sections/key": "registration",
    section: section.key,
    tableId: reportTable.id,
  };
  return { tag, values, sessions, applicantSession: portal.session, roundMonth, section: section.key, juror, submission };
}

/**
 * An open call on the applicant portal with an organisation of a long name: one project submitted
 * and awaiting a correction (its status page shows the answer form), and a draft with a document
 * of a long file name on the application page; a pending invitation whose link is a real one.
 */
async function createPortalFixture(tag: string, coordinatorId: string) {
  const staff = { userId: coordinatorId, ip: null, role: "COORDINATOR" as const };
  const now = Date.now();
  const contest = await createContest(staff, {
    name: `Convocatoria 2018 para la promoción del voto de las y los mexicanos residentes en el extranjero ${tag}`,
    description: `${LONG_NAME}. ${LONG_URL}`,
    submissionsOpenAt: new Date(now - 10 * 86_400_000),
    submissionsCloseAt: new Date(now + 20 * 86_400_000),
    reviewEndsAt: new Date(now + 30 * 86_400_000),
    evaluationStartsAt: new Date(now + 31 * 86_400_000),
    evaluationEndsAt: new Date(now + 40 * 86_400_000),
    resultsAt: new Date(now + 50 * 86_400_000),
    correctionDays: 5,
  });
  const [acta, carta] = await saveRequirements(staff, contest.id, [
    { id: null, name: "Documento de constitución legal de la organización (Articles of Incorporation) vigente", description: LONG_URL, required: true, remove: false },
    { id: null, name: "Carta compromiso firmada por la representación legal", description: null, required: true, remove: false },
  ]);
  const slug = `walk-${tag}`;
  await publishPortal(staff, contest.id, slug);
  await db.portalCall.update({ where: { contestId: contest.id }, data: { faq: [{ q: `¿Dónde consulto las bases? ${LONG_URL}`, a: `Escriba a ${LONG_EMAIL(tag)}.` }] } });
  const account = await db.applicantAccount.create({ data: { email: LONG_EMAIL(`portal-${tag}`), passwordHash: "x", emailVerifiedAt: new Date() } });
  const first = (await applicantForToken(await startApplicantSession(account.id, null)))!;
  await createOrganisation(first, { name: `${LONG_NAME} portal ${tag}`, taxId: "74-1234567", state: "California", city: "Los Ángeles", contactName: "María Guadalupe de los Ángeles Hernández Villaseñor", phone: null }, { ip: null });
  const applicant = (await applicantForToken(await startApplicantSession(account.id, null)))!;
  const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
  const longFile = `acta-constitutiva-federacion-de-clubes-zacatecanos-del-sur-de-california-${tag}.pdf`;
  await saveDraft(applicant, slug, { title: `Proyecto binacional de credencialización ${tag}`, summary: LONG_URL, targetCommunities: null, targetCities: null, requestedBudget: "24500", requirementId: acta!.id }, [{ fileName: longFile, bytes: pdf(`walk ${tag}`) }], { ip: null });
  const submitted = await submitDraft(applicant, slug, { ip: null }, new Date(), { mail: false });
  await saveChecks(staff, contest.id, submitted.id, [{ requirementId: carta!.id, result: "NEEDS_CORRECTION", note: `Falta la firma. ${LONG_URL}` }]);
  await requestCorrection(staff, contest.id, submitted.id, { items: [carta!.id], message: `Suba la carta firmada. ${LONG_EMAIL(tag)}`, deadline: new Date(now + 3 * 86_400_000) }, { sendMail: false });
  // A pending invitation of a long address: listed on the organisation's page, and its link (the
  // secret derived as the portal derives it) shows the form that sets the member's password.
  const invited = LONG_EMAIL(`miembro-${tag}`);
  await inviteMember(applicant, { email: invited }, slug, { ip: null }, { mail: false });
  const invitation = await db.applicantToken.findFirstOrThrow({ where: { kind: "INVITE", email: invited } });
  const cookie = await applicantSessionCookie(account.id, fakeRequest());
  return { slug, submissionId: submitted.id, session: cookie.split(";")[0]!, invitationToken: appHmac("applicant-token", invitation.id) };
}

function urlFor(route: PageRoute, fx: WalkFixture): string {
  const segments = route.pattern.map((segment, i) => {
    if (!segment.startsWith("$")) return segment;
    const name = segment.slice(1);
    // Tokens are secrets nobody has: the page shown is the «link not valid» one, which must fit too.
    const value = fx.values[`${route.pattern[i - 1]}/${name}`] ?? fx.values[name] ?? (name === "token" ? `walk-${fx.tag}` : undefined);
    if (value === undefined) throw new Error(`no record for ${segment} in ${route.file}`);
    return encodeURIComponent(value);
  });
  return `/${segments.join("/")}`;
}

const slugOf = (file: string) => file.replace(/\.tsx$/, "").replace(/[^a-zA-Z0-9]+/g, "-").replace(/^-|-$/g, "") || "index";

/** The pages one role visits: its areas (the navigation's), its account, and the pages it is sent to by a link or an error. */
export function pagesFor(role: WalkRole, fx: WalkFixture): WalkPage[] {
  const routes = pageRoutes();
  const isPublic = (r: PageRoute) => PUBLIC_PREFIXES.includes(r.pattern[0] ?? "");
  let chosen: PageRoute[];
  if (role === "ANONYMOUS") chosen = routes.filter(isPublic);
  else if (role === "APPLICANT") chosen = routes.filter((r) => r.pattern[0] === "convocatoria");
  else {
    const areas = navFor(role).map((a) => a.to.split("/")[1] ?? "");
    chosen = routes.filter((r) => !isPublic(r) && (role === "ADMIN" || r.pattern[0] === "account" || areas.includes(r.pattern[0] ?? "")));
  }
  const seen = new Set<string>();
  const pages: WalkPage[] = [];
  const add = (slug: string, url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    pages.push({ slug, url });
  };
  for (const route of chosen) add(slugOf(route.file), urlFor(route, fx));

  const missing = randomUUID();
  if (role === "ANONYMOUS") {
    add("contacts-missing-signed-out", "/contacts/999999");
    return pages;
  }
  if (role === "APPLICANT") {
    // A staff page asks for the staff sign-in; another organisation's submission is a 404.
    add("applicant-staff-page", "/contest");
    add("applicant-status-missing", `/convocatoria/${fx.values["convocatoria/slug"]}/estado/${missing.replace(/-/g, "").slice(0, 25)}`);
    return pages;
  }
  add("not-found", `/no-such-page-${fx.tag}`);
  if (role === "JUROR") add("jury-project-missing", `/jury/${fx.values.contestId}/p/${missing}`);
  if (role === "CONTRIBUTOR") {
    add("contribute-round", `/contribute/${fx.roundMonth}/${fx.section}`);
    add("communications-month-contributor", `/communications/months/${fx.roundMonth}`);
    add("reports-forbidden", `/reports/${fx.values.month}`);
  }
  if (role === "ADMIN" || role === "COORDINATOR" || role === "COMMUNICATIONS") {
    add("contacts-missing", "/contacts/999999");
    add("events-missing", `/events/${missing}`);
    add("events-calendar-month", `/events/calendar?month=${fx.values.month}`);
    add("reports-round-month", `/reports/${fx.roundMonth}/round`);
  }
  return pages;
}
