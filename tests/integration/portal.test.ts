/**
 * The applicant portal over HTTP against the real server, database, queue and SMTP sink
 * (decision 029): its isolation rules — an applicant never reaches a staff page, a staff session
 * is no applicant session, one organisation never sees another's submission (404) — and the
 * kiosk's abuse defences: sign-up and reset answer the same whatever the address, the honeypot,
 * rate limits per IP and per address. Every test makes a call of its own.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { listAudit } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createContest, saveRequirements, type Actor } from "~/modules/contest/contest.server";
import { requestCorrection } from "~/modules/contest/corrections.server";
import { createSubmission, saveChecks } from "~/modules/contest/submissions.server";
import { applicantForToken, MAX_MEMBERS, PORTAL_LIMITS, startApplicantSession } from "~/modules/portal/accounts.server";
import { createOrganisation, saveDraft, submitDraft } from "~/modules/portal/applications.server";
import { publishPortal } from "~/modules/portal/staff.server";
import { closeQueues } from "../../jobs/queues";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { TestClient } from "../support/http";
import { linkFrom, mailCount, waitForMail } from "../support/outbox";

afterAll(async () => {
  await closeQueues();
});

const DAY = 86_400_000;
const unique = () => randomUUID().slice(0, 8);
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const applicantEmail = (label: string) => `${label}-${unique()}@portal.example`;

let slug = "";
let contestId = "";
let requirementIds: string[] = [];
let staff: Actor;

beforeAll(async () => {
  const user = await createUser({ role: "COORDINATOR" });
  staff = { userId: user.id, ip: "127.0.0.1", role: "COORDINATOR" };
  const now = Date.now();
  const contest = await createContest(staff, {
    name: `Convocatoria portal ${unique()}`,
    description: null,
    submissionsOpenAt: new Date(now - 10 * DAY),
    submissionsCloseAt: new Date(now + 20 * DAY),
    reviewEndsAt: new Date(now + 30 * DAY),
    evaluationStartsAt: new Date(now + 31 * DAY),
    evaluationEndsAt: new Date(now + 40 * DAY),
    resultsAt: new Date(now + 50 * DAY),
    correctionDays: 5,
  });
  contestId = contest.id;
  const requirements = await saveRequirements(staff, contestId, [
    { id: null, name: "Acta constitutiva", description: null, required: true, remove: false },
    { id: null, name: "Carta compromiso", description: null, required: true, remove: false },
  ]);
  requirementIds = requirements.map((r) => r.id);
  slug = `portal-${unique()}`;
  await publishPortal(staff, contestId, slug);
});

/** A verified account with an organisation, made through the module (fast), and its module-side applicant. */
async function organisation(label: string) {
  const email = applicantEmail(label);
  await db.applicantAccount.create({ data: { email, passwordHash: await hashPassword(TEST_PASSWORD), emailVerifiedAt: new Date() } });
  const account = await db.applicantAccount.findUniqueOrThrow({ where: { email } });
  const first = (await applicantForToken(await startApplicantSession(account.id, null)))!;
  await createOrganisation(first, { name: `Organización ${label} ${unique()}`, taxId: null, state: "Texas", city: "Dallas", contactName: "Persona de contacto", phone: null }, { ip: null });
  const applicant = (await applicantForToken(await startApplicantSession(account.id, null)))!;
  return { email, applicant };
}

async function submitted(label: string) {
  const org = await organisation(label);
  await saveDraft(org.applicant, slug, { title: `Proyecto ${label}`, summary: null, targetCommunities: null, targetCities: null, requestedBudget: null, requirementId: requirementIds[0]! }, [{ fileName: "acta.pdf", bytes: pdf(`acta ${label} ${unique()}`) }], { ip: null });
  const submission = await submitDraft(org.applicant, slug, { ip: null }, new Date(), { mail: false });
  return { ...org, submission };
}

async function signedIn(email: string) {
  const client = new TestClient();
  const res = await client.post(`/convocatoria/${slug}/entrar`, { email, password: TEST_PASSWORD });
  expect(res.status).toBe(302);
  expect(client.hasSession()).toBe(false);
  return client;
}

/** The page's status line (role=status), the only thing a sign-up or reset answer says. */
const statusText = (html: string) => /role="status"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;

describe("the public call page", () => {
  it("shows the call to anyone and answers 404 for an unknown or malformed address", async () => {
    const client = new TestClient();
    const page = await client.get(`/convocatoria/${slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Acta constitutiva");
    expect(html).toContain("La recepción de proyectos está abierta.");
    expect((await client.get(`/convocatoria/no-such-${unique()}`)).status).toBe(404);
    expect((await client.get("/convocatoria/Con-Mayusculas")).status).toBe(404);
  });

  it("logs an enquiry from the portal in the contest's enquiry log; a robot's is dropped", async () => {
    const client = new TestClient();
    const topic = `Fechas ${unique()}`;
    expect((await client.post(`/convocatoria/${slug}?index`, { organisation: "Club Zacatecano", topic, notes: "¿Hasta cuándo?" })).status).toBe(200);
    expect(await db.contestEnquiry.count({ where: { contestId, topic } })).toBe(1);
    const robot = `Robot ${unique()}`;
    expect((await client.post(`/convocatoria/${slug}?index`, { organisation: "Spam", topic: robot, website: "http://spam.example" })).status).toBe(200);
    expect(await db.contestEnquiry.count({ where: { contestId, topic: robot } })).toBe(0);
  });
});

describe("sign-up, verification and reset", () => {
  it("signs up, verifies by the mailed link (a POST, not the GET) and lands signed in", async () => {
    const email = applicantEmail("nueva");
    const client = new TestClient();
    const res = await client.post(`/convocatoria/${slug}/registro`, { email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const mail = await waitForMail(email, { subject: /Confirma tu correo/ });
    const link = new URL(linkFrom(mail.text, `/convocatoria/${slug}/verificar/`));
    // Fetching the link (a mail scanner) spends nothing; the button does.
    expect((await client.get(link.pathname)).status).toBe(200);
    expect((await client.get(link.pathname)).status).toBe(200);
    const verified = await client.post(link.pathname, {});
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe(`/convocatoria/${slug}/solicitud`);
    expect((await client.get(`/convocatoria/${slug}/solicitud`)).headers.get("location")).toBe(`/convocatoria/${slug}/organizacion`);
    // Used once: the second click is refused and signs nobody in.
    const again = new TestClient();
    await again.post(link.pathname, {});
    expect((await again.get(`/convocatoria/${slug}/solicitud`)).status).toBe(302);
    expect((await again.get(`/convocatoria/${slug}/solicitud`)).headers.get("location")).toContain("/entrar");
  });

  it("answers a known address, a new one and a robot alike, and mails only where it should", async () => {
    const known = await organisation("conocida");
    const fresh = applicantEmail("fresca");
    const robot = applicantEmail("robot");
    const answers = [];
    const forms: Array<Record<string, string>> = [
      { email: known.email, password: TEST_PASSWORD },
      { email: fresh, password: TEST_PASSWORD },
      { email: robot, password: TEST_PASSWORD, website: "x" },
    ];
    for (const form of forms) {
      const res = await new TestClient().post(`/convocatoria/${slug}/registro`, form);
      answers.push({ status: res.status, text: statusText(await res.text()) });
    }
    expect(answers[0]!.text).toBeTruthy();
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    await waitForMail(fresh, { subject: /Confirma tu correo/ });
    expect(await mailCount(known.email)).toBe(0);
    expect(await db.applicantAccount.count({ where: { email: robot } })).toBe(0);
  });

  it("answers a reset for an unknown address exactly as for a known one, and mails only the known", async () => {
    const known = await organisation("reset");
    const unknown = applicantEmail("nadie");
    const a = await new TestClient().post(`/convocatoria/${slug}/recuperar`, { email: known.email });
    const b = await new TestClient().post(`/convocatoria/${slug}/recuperar`, { email: unknown });
    expect(a.status).toBe(200);
    expect({ status: b.status, text: statusText(await b.text()) }).toEqual({ status: a.status, text: statusText(await a.text()) });
    const mail = await waitForMail(known.email, { subject: /Restablece/ });
    const link = new URL(linkFrom(mail.text, `/convocatoria/${slug}/restablecer/`));
    const client = new TestClient();
    const reset = await client.post(link.pathname, { password: "una-contraseña-nueva-larga" });
    expect(reset.status).toBe(302);
    expect((await client.get(`/convocatoria/${slug}/solicitud`)).status).toBe(200);
    expect(await mailCount(unknown)).toBe(0);
  });

  it("refuses an unverified account's password sign-in", async () => {
    const email = applicantEmail("sinverificar");
    await db.applicantAccount.create({ data: { email, passwordHash: await hashPassword(TEST_PASSWORD) } });
    const res = await new TestClient().post(`/convocatoria/${slug}/entrar`, { email, password: TEST_PASSWORD });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Confirma primero tu correo");
  });
});

describe("isolation", () => {
  it("keeps an applicant out of every staff page (the staff sign-in asks), and staff out of the applicant pages", async () => {
    const { email } = await organisation("aislada");
    const applicant = await signedIn(email);
    expect((await applicant.get(`/convocatoria/${slug}/solicitud`)).status).toBe(200);
    for (const path of ["/", "/contest", `/contest/${contestId}`, `/contest/${contestId}/portal`, "/admin/outbox", "/partners", "/jury"]) {
      const res = await applicant.get(path);
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location"), path).toMatch(/^\/login/);
    }
    // A staff action posted with the applicant's cookie is a staff sign-in too, never a write.
    const move = await applicant.post(`/contest/${contestId}/portal`, { intent: "publish", slug: "robado" });
    expect(move.status).toBe(302);
    expect(move.headers.get("location")).toMatch(/^\/login/);

    const coordinator = await createUser({ role: "COORDINATOR" });
    const office = new TestClient();
    expect((await office.login(coordinator.email)).status).toBe(302);
    expect((await office.get(`/contest/${contestId}/portal`)).status).toBe(200);
    const mine = await office.get(`/convocatoria/${slug}/solicitud`);
    expect(mine.status).toBe(302);
    expect(mine.headers.get("location")).toContain(`/convocatoria/${slug}/entrar`);
  });

  it("answers 404 to another organisation's status page, correction answer and draft document", async () => {
    const a = await submitted("a");
    await saveChecks(staff, contestId, a.submission.id, [{ requirementId: requirementIds[0]!, result: "NEEDS_CORRECTION", note: "Ilegible" }]);
    const request = await requestCorrection(staff, contestId, a.submission.id, { items: [requirementIds[0]!], message: null, deadline: new Date(Date.now() + 3 * DAY) }, { sendMail: false });
    const aDraftDoc = await db.portalDraftDocument.findFirstOrThrow({ where: { draft: { submissionId: a.submission.id } } });

    const b = await organisation("b");
    const client = await signedIn(b.email);
    expect((await client.get(`/convocatoria/${slug}/estado/${a.submission.id}`)).status).toBe(404);
    const body = new FormData();
    body.set("requestId", request.id);
    body.set(`item-${requirementIds[0]}`, new Blob([pdf("intruso")], { type: "application/pdf" }), "intruso.pdf");
    expect((await client.request(`/convocatoria/${slug}/estado/${a.submission.id}`, { method: "POST", body })).status).toBe(404);
    expect((await client.post(`/convocatoria/${slug}/solicitud`, { intent: "remove", documentId: aDraftDoc.id })).status).toBe(404);
    const aDoc = await db.submissionDocument.findFirstOrThrow({ where: { submissionId: a.submission.id } });
    expect((await client.get(`/convocatoria/${slug}/estado/${a.submission.id}/documentos/${aDoc.id}`)).status).toBe(404);
    // Nothing moved: A's request is still open and its draft document still there.
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("OPEN");
    expect(await db.portalDraftDocument.count({ where: { id: aDraftDoc.id } })).toBe(1);

    // A itself sees its own page, answers per item, and the reviewer is told.
    const own = await signedIn(a.email);
    const page = await own.get(`/convocatoria/${slug}/estado/${a.submission.id}`);
    expect(page.status).toBe(200);
    const download = await own.get(`/convocatoria/${slug}/estado/${a.submission.id}/documentos/${aDoc.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(await page.text()).toContain("Ilegible");
    const answer = new FormData();
    answer.set("requestId", request.id);
    answer.set(`item-${requirementIds[0]}`, new Blob([pdf(`acta corregida ${unique()}`)], { type: "application/pdf" }), "acta-corregida.pdf");
    const answered = await own.request(`/convocatoria/${slug}/estado/${a.submission.id}`, { method: "POST", body: answer });
    expect(answered.status).toBe(302);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("ANSWERED");
    const doc = await db.submissionDocument.findFirstOrThrow({ where: { correctionRequestId: request.id } });
    expect(doc.requirementId).toBe(requirementIds[0]);
    expect((await db.submission.findUniqueOrThrow({ where: { id: a.submission.id } })).status).toBe("IN_REVIEW");
    const reviewer = await db.user.findUniqueOrThrow({ where: { id: staff.userId! } });
    await waitForMail(reviewer.email, { subject: /Corrección atendida/ });
  });

  it("accepts nothing after the correction's deadline", async () => {
    const a = await submitted("tarde");
    await saveChecks(staff, contestId, a.submission.id, [{ requirementId: requirementIds[1]!, result: "NEEDS_CORRECTION", note: null }]);
    const request = await requestCorrection(staff, contestId, a.submission.id, { items: [requirementIds[1]!], message: null, deadline: new Date(Date.now() + DAY) }, { sendMail: false });
    await db.correctionRequest.update({ where: { id: request.id }, data: { deadline: new Date(Date.now() - 60_000) } });
    const client = await signedIn(a.email);
    const body = new FormData();
    body.set("requestId", request.id);
    body.set(`item-${requirementIds[1]}`, new Blob([pdf("tarde")], { type: "application/pdf" }), "carta.pdf");
    const res = await client.request(`/convocatoria/${slug}/estado/${a.submission.id}`, { method: "POST", body });
    expect(res.status).toBe(409);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("OPEN");
  });
});

describe("the organisation, matched and confirmed by the office", () => {
  it("files the submission under the civil-society partner of the same name, then the office confirms it", async () => {
    const name = `Club de Oriundos de Jalisco ${unique()}`;
    const partner = await db.partner.create({ data: { name, kind: "CIVIL_SOCIETY", country: "US", tags: [] } });
    const email = applicantEmail("jalisco");
    await db.applicantAccount.create({ data: { email, passwordHash: await hashPassword(TEST_PASSWORD), emailVerifiedAt: new Date() } });
    const account = await db.applicantAccount.findUniqueOrThrow({ where: { email } });
    const first = (await applicantForToken(await startApplicantSession(account.id, null)))!;
    // Typed in capitals: still the same organisation (case and accents ignored), not a duplicate.
    const org = await createOrganisation(first, { name: name.toUpperCase(), taxId: "95-0000001", state: null, city: null, contactName: "Ana", phone: null }, { ip: null });
    expect(org.candidatePartnerId).toBe(partner.id);
    const applicant = (await applicantForToken(await startApplicantSession(account.id, null)))!;
    await saveDraft(applicant, slug, { title: "Jalisco vota", summary: null, targetCommunities: null, targetCities: null, requestedBudget: null, requirementId: null }, [{ fileName: "p.pdf", bytes: pdf(`jalisco ${unique()}`) }], { ip: null });
    const submission = await submitDraft(applicant, slug, { ip: null }, new Date(), { mail: false });
    expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).partnerId).toBe(partner.id);
    expect(await db.partner.count({ where: { name: { equals: name, mode: "insensitive" } } })).toBe(1);

    const coordinator = await createUser({ role: "COORDINATOR" });
    const office = new TestClient();
    await office.login(coordinator.email);
    const page = await office.get(`/contest/${contestId}/portal`);
    expect(await page.text()).toContain(name.toUpperCase());
    const confirmed = await office.post(`/contest/${contestId}/portal`, { intent: "confirm", organisationId: org.id, partnerId: "" });
    expect(confirmed.status).toBe(302);
    const stored = await db.applicantOrganisation.findUniqueOrThrow({ where: { id: org.id } });
    expect(stored.partnerId).toBe(partner.id);
    expect(stored.matchConfirmedById).toBe(coordinator.id);
    // A second confirmation is refused, not repeated.
    expect((await office.post(`/contest/${contestId}/portal`, { intent: "confirm", organisationId: org.id, partnerId: "" })).status).toBe(409);
  });
});

describe("rate limits", () => {
  it("holds one address after a few failed sign-ins, from any client address", async () => {
    const { email } = await organisation("limite");
    const limit = PORTAL_LIMITS.loginPerAddress.limit;
    for (let i = 0; i < limit; i++) {
      expect((await new TestClient().post(`/convocatoria/${slug}/entrar`, { email, password: "mala-contraseña-x" })).status).toBe(400);
    }
    // Even the right password, from a new client address, waits now.
    const held = await new TestClient().post(`/convocatoria/${slug}/entrar`, { email, password: TEST_PASSWORD });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits sign-ups per client address", async () => {
    const client = new TestClient();
    const limit = PORTAL_LIMITS.signUpPerIp.limit;
    for (let i = 0; i < limit; i++) {
      expect((await client.post(`/convocatoria/${slug}/registro`, { email: applicantEmail("lote"), password: TEST_PASSWORD, website: "robot" })).status).toBe(200);
    }
    const refused = await client.post(`/convocatoria/${slug}/registro`, { email: applicantEmail("lote"), password: TEST_PASSWORD });
    expect(refused.status).toBe(429);
    // Another client address is not held back.
    expect((await new TestClient().post(`/convocatoria/${slug}/registro`, { email: applicantEmail("otra"), password: TEST_PASSWORD, website: "robot" })).status).toBe(200);
  });
});

/** Invites `email` from a signed-in organisation's page; returns the accept link's path once mailed. */
async function invite(client: TestClient, email: string) {
  const res = await client.post(`/convocatoria/${slug}/organizacion`, { intent: "invite", email });
  expect(res.status).toBe(302);
  expect(res.headers.get("location")).toBe(`/convocatoria/${slug}/organizacion?invited=1`);
  const mail = await waitForMail(email, { subject: /Te invitaron a la cuenta/ });
  return new URL(linkFrom(mail.text, `/convocatoria/${slug}/invitacion/`)).pathname;
}

describe("members invited by the organisation", () => {
  it("invites by mail; the invitee sets a password, lands signed in and sees the organisation's draft; the link works once", async () => {
    const a = await organisation("invita");
    const title = `Borrador compartido ${unique()}`;
    await saveDraft(a.applicant, slug, { title, summary: null, targetCommunities: null, targetCities: null, requestedBudget: null, requirementId: null }, [], { ip: null });
    const owner = await signedIn(a.email);
    const invitee = applicantEmail("miembro");
    const path = await invite(owner, invitee);
    const page = await owner.get(`/convocatoria/${slug}/organizacion`);
    expect(await page.text()).toContain(invitee);

    // A mail scanner fetching the link spends nothing.
    const member = new TestClient();
    expect((await member.get(path)).status).toBe(200);
    const shown = await (await member.get(path)).text();
    expect(shown).toContain(a.applicant.organisationName!);
    expect((await member.post(path, { password: "corta" })).status).toBe(400);
    const accepted = await member.post(path, { password: "contraseña-del-miembro-larga" });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/convocatoria/${slug}/solicitud`);
    const draft = await member.get(`/convocatoria/${slug}/solicitud`);
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain(title);
    const account = await db.applicantAccount.findUniqueOrThrow({ where: { email: invitee } });
    expect(account.organisationId).toBe(a.applicant.organisationId);
    expect(account.emailVerifiedAt).not.toBeNull();
    // The audit names the account that acted.
    expect(await db.auditLog.count({ where: { action: "portal.member.join", applicantId: account.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "portal.member.invite", applicantId: a.applicant.accountId } })).toBe(1);

    // Used once: the page says so and a second click signs nobody in.
    const again = new TestClient();
    expect(await (await again.get(path)).text()).toContain("Esta invitación ya no es válida");
    expect((await again.post(path, { password: "otra-contraseña-larga-123" })).status).toBe(410);
    expect((await again.get(`/convocatoria/${slug}/solicitud`)).headers.get("location")).toContain("/entrar");
  });

  it("refuses an expired and a revoked invitation with a clear page", async () => {
    const a = await organisation("caduca");
    const owner = await signedIn(a.email);
    const late = applicantEmail("tarde");
    const latePath = await invite(owner, late);
    await db.applicantToken.updateMany({ where: { kind: "INVITE", email: late }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const client = new TestClient();
    expect(await (await client.get(latePath)).text()).toContain("Esta invitación ya no es válida");
    expect((await client.post(latePath, { password: "contraseña-del-miembro-larga" })).status).toBe(410);
    expect(await db.applicantAccount.count({ where: { email: late } })).toBe(0);

    const withdrawn = applicantEmail("retirada");
    const withdrawnPath = await invite(owner, withdrawn);
    const row = await db.applicantToken.findFirstOrThrow({ where: { kind: "INVITE", email: withdrawn } });
    // Another organisation cannot withdraw it (404), its own can.
    const other = await signedIn((await organisation("ajena")).email);
    expect((await other.post(`/convocatoria/${slug}/organizacion`, { intent: "revoke", invitationId: row.id })).status).toBe(404);
    expect((await owner.post(`/convocatoria/${slug}/organizacion`, { intent: "revoke", invitationId: row.id })).status).toBe(302);
    expect(await (await client.get(withdrawnPath)).text()).toContain("Esta invitación ya no es válida");
    expect((await client.post(withdrawnPath, { password: "contraseña-del-miembro-larga" })).status).toBe(410);
    expect(await (await owner.get(`/convocatoria/${slug}/organizacion`)).text()).not.toContain(withdrawn);
  });

  it("answers alike for a new address and another organisation's; that account is refused, an unlinked one is linked", async () => {
    const a = await organisation("anfitriona");
    const b = await organisation("otra-org");
    const owner = await signedIn(a.email);
    const fresh = applicantEmail("nuevo");
    const answers = [];
    for (const email of [fresh, b.email]) {
      const res = await owner.post(`/convocatoria/${slug}/organizacion`, { intent: "invite", email });
      answers.push({ status: res.status, location: res.headers.get("location") });
    }
    expect(answers[1]).toEqual(answers[0]);
    const mail = await waitForMail(b.email, { subject: /Te invitaron a la cuenta/ });
    const bPath = new URL(linkFrom(mail.text, `/convocatoria/${slug}/invitacion/`)).pathname;
    const bClient = new TestClient();
    expect(await (await bClient.get(bPath)).text()).toContain("ya pertenece a otra organización");
    expect((await bClient.post(bPath, {})).status).toBe(409);
    expect((await db.applicantAccount.findUniqueOrThrow({ where: { email: b.email } })).organisationId).toBe(b.applicant.organisationId);

    // A verified account without an organisation is linked without a new password.
    const loose = applicantEmail("suelta");
    await db.applicantAccount.create({ data: { email: loose, passwordHash: await hashPassword(TEST_PASSWORD), emailVerifiedAt: new Date() } });
    const loosePath = await invite(owner, loose);
    const looseClient = new TestClient();
    expect(await (await looseClient.get(loosePath)).text()).toContain("Ya tienes una cuenta con este correo");
    expect((await looseClient.post(loosePath, {})).status).toBe(302);
    expect((await db.applicantAccount.findUniqueOrThrow({ where: { email: loose } })).organisationId).toBe(a.applicant.organisationId);
    // Its old password still works.
    await signedIn(loose);
  });

  it("keeps a member of A out of B's submission (404)", async () => {
    const a = await organisation("a-miembros");
    const b = await submitted("b-miembros");
    const owner = await signedIn(a.email);
    const memberEmail = applicantEmail("miembro-a");
    const path = await invite(owner, memberEmail);
    const member = new TestClient();
    expect((await member.post(path, { password: "contraseña-del-miembro-larga" })).status).toBe(302);
    expect((await member.get(`/convocatoria/${slug}/estado/${b.submission.id}`)).status).toBe(404);
    // B's own member-to-be does see it.
    const bOwner = await signedIn(b.email);
    expect((await bOwner.get(`/convocatoria/${slug}/estado/${b.submission.id}`)).status).toBe(200);
  });

  it("limits members per organisation and invitations per account", async () => {
    const a = await organisation("muchas");
    const owner = await signedIn(a.email);
    // The account itself is one of MAX_MEMBERS; invitations fill the rest, then the page refuses.
    for (let i = 1; i < MAX_MEMBERS; i++) {
      expect((await owner.post(`/convocatoria/${slug}/organizacion`, { intent: "invite", email: applicantEmail(`lleno${i}`) })).status).toBe(302);
    }
    const full = await owner.post(`/convocatoria/${slug}/organizacion`, { intent: "invite", email: applicantEmail("sobra") });
    expect(full.status).toBe(409);
    expect(await full.text()).toContain(`ya tiene ${MAX_MEMBERS} personas`);
    const limit = PORTAL_LIMITS.invitePerAccount.limit;
    for (let i = MAX_MEMBERS + 1; i <= limit; i++) {
      expect((await owner.post(`/convocatoria/${slug}/organizacion`, { intent: "invite", email: applicantEmail("sobra") })).status).toBe(409);
    }
    // Per account, whatever the client address.
    const elsewhere = await signedIn(a.email);
    expect((await elsewhere.post(`/convocatoria/${slug}/organizacion`, { intent: "invite", email: applicantEmail("sobra") })).status).toBe(429);
  });
});

describe("magic-link sign-in", () => {
  it("answers alike for a known and an unknown address; the link signs in once", async () => {
    const known = await organisation("magia");
    const unknown = applicantEmail("sin-cuenta");
    const a = await new TestClient().post(`/convocatoria/${slug}/enlace`, { email: known.email });
    const b = await new TestClient().post(`/convocatoria/${slug}/enlace`, { email: unknown });
    expect(a.status).toBe(200);
    expect({ status: b.status, text: statusText(await b.text()) }).toEqual({ status: a.status, text: statusText(await a.text()) });
    const mail = await waitForMail(known.email, { subject: /Tu enlace para entrar/ });
    const path = new URL(linkFrom(mail.text, `/convocatoria/${slug}/enlace/`)).pathname;
    const client = new TestClient();
    expect((await client.get(path)).status).toBe(200);
    const signed = await client.post(path, {});
    expect(signed.status).toBe(302);
    expect((await client.get(`/convocatoria/${slug}/solicitud`)).status).toBe(200);
    const again = new TestClient();
    await again.post(path, {});
    expect((await again.get(`/convocatoria/${slug}/solicitud`)).headers.get("location")).toContain("/entrar");
    expect(await mailCount(unknown)).toBe(0);
    expect(await db.auditLog.count({ where: { action: "portal.login.magic", applicantId: known.applicant.accountId } })).toBe(1);
  });

  it("refuses an expired link and limits requests per client address", async () => {
    const known = await organisation("magia-vieja");
    await new TestClient().post(`/convocatoria/${slug}/enlace`, { email: known.email });
    const mail = await waitForMail(known.email, { subject: /Tu enlace para entrar/ });
    const path = new URL(linkFrom(mail.text, `/convocatoria/${slug}/enlace/`)).pathname;
    await db.applicantToken.updateMany({ where: { kind: "MAGIC", accountId: known.applicant.accountId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const client = new TestClient();
    expect(await (await client.get(path)).text()).toContain("ya se usó o venció");
    await client.post(path, {});
    expect((await client.get(`/convocatoria/${slug}/solicitud`)).headers.get("location")).toContain("/entrar");

    const robot = new TestClient();
    for (let i = 0; i < PORTAL_LIMITS.magicPerIp.limit; i++) {
      expect((await robot.post(`/convocatoria/${slug}/enlace`, { email: applicantEmail("lote"), website: "robot" })).status).toBe(200);
    }
    const held = await robot.post(`/convocatoria/${slug}/enlace`, { email: known.email });
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("submissions the office registered", () => {
  it("show in the confirmed organisation's portal («registrada por la oficina») and its corrections are answered there; nobody else sees them", async () => {
    const name = `Club Michoacano ${unique()}`;
    const partner = await db.partner.create({ data: { name, kind: "CIVIL_SOCIETY", country: "US", tags: [] } });
    const bySeat = await createSubmission(staff, contestId, {
      partnerMode: "existing",
      partnerId: partner.id,
      contactPersonId: null,
      orgName: null,
      orgCity: null,
      orgState: null,
      contactName: null,
      contactEmail: null,
      contactPhone: null,
      title: `Proyecto en ventanilla ${unique()}`,
      summary: null,
      targetCommunities: null,
      targetCities: null,
      requestedBudget: null,
      receivedAt: new Date(),
      channel: "IN_PERSON",
    });
    await saveChecks(staff, contestId, bySeat.id, [{ requirementId: requirementIds[1]!, result: "NEEDS_CORRECTION", note: "Falta la firma" }]);
    const request = await requestCorrection(staff, contestId, bySeat.id, { items: [requirementIds[1]!], message: null, deadline: new Date(Date.now() + 3 * DAY) }, { sendMail: false });

    const org = await organisation("michoacano");
    // A name match alone shows nothing of the partner's: the office has not confirmed it.
    await db.applicantOrganisation.update({ where: { id: org.applicant.organisationId! }, data: { candidatePartnerId: partner.id, partnerId: partner.id } });
    const client = await signedIn(org.email);
    expect((await client.get(`/convocatoria/${slug}/estado/${bySeat.id}`)).status).toBe(404);
    expect(await (await client.get(`/convocatoria/${slug}/solicitud`)).text()).not.toContain(bySeat.folio);

    await db.applicantOrganisation.update({ where: { id: org.applicant.organisationId! }, data: { matchConfirmedAt: new Date() } });
    const list = await (await client.get(`/convocatoria/${slug}/solicitud`)).text();
    expect(list).toContain(bySeat.folio);
    expect(list).toContain("registrada por la oficina");
    const status = await client.get(`/convocatoria/${slug}/estado/${bySeat.id}`);
    expect(status.status).toBe(200);
    expect(await status.text()).toContain("Falta la firma");
    const answer = new FormData();
    answer.set("requestId", request.id);
    answer.set(`item-${requirementIds[1]}`, new Blob([pdf(`carta firmada ${unique()}`)], { type: "application/pdf" }), "carta.pdf");
    expect((await client.request(`/convocatoria/${slug}/estado/${bySeat.id}`, { method: "POST", body: answer })).status).toBe(302);
    expect((await db.correctionRequest.findUniqueOrThrow({ where: { id: request.id } })).state).toBe("ANSWERED");
    const entry = await db.auditLog.findFirstOrThrow({ where: { entity: "submission", entityId: bySeat.id, applicantId: org.applicant.accountId } });
    expect(entry.actorId).toBeNull();
    // The audit log names the account by its address.
    const logged = await listAudit({ entity: "submission", entityId: bySeat.id });
    expect(logged.entries.find((e) => e.applicantId === org.applicant.accountId)?.applicant?.email).toBe(org.email);

    // Another organisation: 404.
    const other = await signedIn((await organisation("intrusa")).email);
    expect((await other.get(`/convocatoria/${slug}/estado/${bySeat.id}`)).status).toBe(404);
  });
});
