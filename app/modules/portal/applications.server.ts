/**
 * An organisation's side of a call: the organisation itself (matched against civil-society
 * partners), the project's draft and its documents, the submission with its receipt, the status
 * page and the answer to a correction request.
 *
 * Isolation: every read and write names the organisation of the signed-in account in its `where`;
 * a record of another organisation is "notFound" (404), never "forbidden", so nothing tells it exists.
 *
 * The portal acts as the office's intake: the contest module's operations run with an actor whose
 * userId is null (the audit log shows the portal's IP) and the COORDINATOR role its status moves
 * require; those moves are the automatic ones (a correction's answer), never a decision.
 */
import type { SubmissionOrigin } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { formatDateTime } from "~/lib/format";
import { audit } from "~/modules/audit/index.server";
import {
  addDocuments,
  answerCorrection,
  contestZone,
  correctionItems,
  createSubmission,
  matchCivilSociety,
  type Actor,
  type IncomingFile,
} from "~/modules/contest/index.server";
import { storeUpload } from "~/modules/files/index.server";
import { KIND_GROUPS } from "~/modules/files";
import { normalizeSubdivision } from "~/modules/geo";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import { addPerson, createPartner } from "~/modules/partners/index.server";
import type { Applicant } from "./accounts.server";
import { callBySlug, callState } from "./call.server";
import { PortalError } from "./errors";
import type { DraftInput, OrganisationInput, PortalStage } from "./schema";

export type PortalActor = { ip: string | null };

/** The audit names the applicant account that acted (decision 029); no staff user did. */
const who = (applicant: Applicant, ctx: PortalActor) => ({ userId: null, ip: ctx.ip, applicantId: applicant.accountId });
const intake = (applicant: Applicant, ctx: PortalActor): Actor => ({ ...who(applicant, ctx), role: "COORDINATOR" });

/**
 * The submissions an organisation sees: those it sent from the portal and, once the office has
 * confirmed which civil-society partner it is, those the office registered for that partner.
 * An unconfirmed match shows nothing of the partner's: anyone can type a name.
 */
async function visibleSubmissions(organisationId: string): Promise<Prisma.SubmissionWhereInput> {
  const org = await db.applicantOrganisation.findUnique({ where: { id: organisationId }, select: { partnerId: true, matchConfirmedAt: true } });
  const own: Prisma.SubmissionWhereInput = { portalDraft: { organisationId } };
  if (!org?.partnerId || !org.matchConfirmedAt) return own;
  return { OR: [own, { origin: "STAFF", partnerId: org.partnerId }] };
}

function requireOrganisation(applicant: Applicant): string {
  if (!applicant.organisationId) throw new PortalError("noOrganisation");
  return applicant.organisationId;
}

// ── Organisation ─────────────────────────────────────────────────────────────────────────────────

/** The civil-society partner the organisation seems to be: same tax id on a linked one, else same name. */
export async function findPartnerMatch(name: string, taxId: string | null): Promise<string | null> {
  if (taxId) {
    const byTaxId = await db.applicantOrganisation.findFirst({ where: { taxId, partnerId: { not: null }, matchConfirmedAt: { not: null } }, select: { partnerId: true } });
    if (byTaxId?.partnerId) return byTaxId.partnerId;
  }
  return (await matchCivilSociety(name))?.id ?? null;
}

/** One organisation per account: created once, with its match for the office to confirm. */
export async function createOrganisation(applicant: Applicant, input: OrganisationInput, ctx: PortalActor) {
  if (applicant.organisationId) throw new PortalError("hasOrganisation");
  const candidatePartnerId = await findPartnerMatch(input.name, input.taxId);
  return db.$transaction(async (tx) => {
    const org = await tx.applicantOrganisation.create({ data: { ...input, taxId: input.taxId?.toUpperCase() ?? null, candidatePartnerId } });
    const linked = await tx.applicantAccount.updateMany({ where: { id: applicant.accountId, organisationId: null }, data: { organisationId: org.id } });
    if (linked.count === 0) throw new PortalError("hasOrganisation");
    await audit(who(applicant, ctx), { action: "portal.organisation.create", entity: "applicantOrganisation", entityId: org.id, after: { ...input, candidatePartnerId, accountId: applicant.accountId } }, tx);
    return org;
  });
}

export async function getOrganisation(applicant: Applicant) {
  if (!applicant.organisationId) return null;
  return db.applicantOrganisation.findUnique({ where: { id: applicant.organisationId }, select: { id: true, name: true, taxId: true, state: true, city: true, contactName: true, phone: true } });
}

// ── Draft ────────────────────────────────────────────────────────────────────────────────────────

async function draftFor(organisationId: string, contestId: string) {
  return db.portalDraft.upsert({
    where: { organisationId_contestId: { organisationId, contestId } },
    create: { organisationId, contestId },
    update: {},
    include: { documents: { orderBy: { uploadedAt: "asc" } } },
  });
}

/** Bytes the organisation has stored for this call: draft documents and correction answers. */
export async function usedBytes(organisationId: string, contestId: string): Promise<number> {
  const visible = await visibleSubmissions(organisationId);
  const [drafts, answers] = await Promise.all([
    db.portalDraftDocument.aggregate({ where: { draft: { organisationId, contestId } }, _sum: { size: true } }),
    db.submissionDocument.aggregate({ where: { correctionRequestId: { not: null }, submission: { contestId, ...visible } }, _sum: { size: true } }),
  ]);
  return (drafts._sum.size ?? 0) + (answers._sum.size ?? 0);
}

function checkQuota(used: number, files: readonly IncomingFile[], quota: number) {
  const incoming = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (used + incoming > quota) throw new PortalError("quotaExceeded", "files", { megabytes: Math.floor(quota / 1_048_576) });
}

/** The application page: the draft (created on first visit), its documents, the requirements. */
export async function applicationPage(applicant: Applicant, slug: string, now = new Date()) {
  const organisationId = requireOrganisation(applicant);
  const call = await callBySlug(slug);
  const draft = await draftFor(organisationId, call.contestId);
  const requirements = await db.requirement.findMany({ where: { contestId: call.contestId }, orderBy: { position: "asc" }, select: { id: true, name: true, required: true } });
  return {
    state: callState(call.contest, now),
    closesAt: call.contest.submissionsCloseAt.toISOString(),
    lateRule: call.lateRule,
    quotaBytes: call.quotaBytes,
    usedBytes: await usedBytes(organisationId, call.contestId),
    requirements,
    draft: {
      id: draft.id,
      title: draft.title,
      summary: draft.summary,
      targetCommunities: draft.targetCommunities,
      targetCities: draft.targetCities,
      requestedBudget: draft.requestedBudget?.toString() ?? null,
      submissionId: draft.submissionId,
      documents: draft.documents.map((d) => ({ id: d.id, fileName: d.fileName, size: d.size, requirementId: d.requirementId, sha256: d.fileSha256 })),
    },
  };
}

async function openDraft(applicant: Applicant, slug: string, now: Date) {
  const organisationId = requireOrganisation(applicant);
  const call = await callBySlug(slug);
  if (callState(call.contest, now) !== "open") throw new PortalError("closed");
  const draft = await draftFor(organisationId, call.contestId);
  if (draft.submissionId) throw new PortalError("alreadySubmitted");
  return { call, draft, organisationId };
}

/** Saves the project's fields and stores any files sent with them (type by content, size, quota). */
export async function saveDraft(applicant: Applicant, slug: string, input: DraftInput, files: IncomingFile[], ctx: PortalActor, now = new Date()) {
  const { call, draft, organisationId } = await openDraft(applicant, slug, now);
  if (input.requirementId && !(await db.requirement.count({ where: { id: input.requirementId, contestId: call.contestId } }))) throw new PortalError("notFound", "requirementId");
  checkQuota(await usedBytes(organisationId, call.contestId), files, call.quotaBytes);
  // Every file is checked before any is attached (UploadRejected names the reason).
  const stored: Array<{ file: IncomingFile; ref: Awaited<ReturnType<typeof storeUpload>> }> = [];
  for (const file of files) stored.push({ file, ref: await storeUpload(file.bytes, KIND_GROUPS.document) });
  await db.$transaction(async (tx) => {
    await tx.portalDraft.update({
      where: { id: draft.id },
      data: {
        title: input.title ?? "",
        summary: input.summary,
        targetCommunities: input.targetCommunities,
        targetCities: input.targetCities,
        requestedBudget: input.requestedBudget ? new Prisma.Decimal(input.requestedBudget) : null,
      },
    });
    for (const { file, ref } of stored) {
      await tx.portalDraftDocument.create({
        data: { draftId: draft.id, requirementId: input.requirementId, fileName: file.fileName.replace(/[\\/]/g, "_").slice(0, 200) || "documento", fileSha256: ref.sha256, mimeType: ref.mimeType, size: ref.size, uploadedAt: now },
      });
    }
    await audit(who(applicant, ctx), { action: "portal.draft.save", entity: "portalDraft", entityId: draft.id, after: { title: input.title, documents: stored.map((s) => ({ fileName: s.file.fileName, sha256: s.ref.sha256 })) } }, tx);
  });
}

export async function removeDraftDocument(applicant: Applicant, slug: string, documentId: string, ctx: PortalActor, now = new Date()) {
  const { draft } = await openDraft(applicant, slug, now);
  const removed = await db.portalDraftDocument.deleteMany({ where: { id: documentId, draftId: draft.id } });
  if (removed.count === 0) throw new PortalError("notFound");
  await audit(who(applicant, ctx), { action: "portal.draft.removeDocument", entity: "portalDraft", entityId: draft.id, after: { documentId } });
}

/** The partner a submission is filed under: the confirmed one, the match found, or a new one. */
async function partnerFor(organisationId: string, applicant: Applicant, ctx: PortalActor): Promise<{ partnerId: string; contactPersonId: string }> {
  const email = applicant.email;
  const org = await db.applicantOrganisation.findUniqueOrThrow({ where: { id: organisationId } });
  const actor = who(applicant, ctx);
  let partnerId = org.partnerId ?? org.candidatePartnerId;
  if (!partnerId) {
    const partner = await createPartner(actor, {
      name: org.name,
      acronym: null,
      kind: "CIVIL_SOCIETY",
      parentId: null,
      country: "US",
      state: normalizeSubdivision(org.state, "US") ?? null,
      city: org.city,
      website: null,
      tags: ["concurso", "portal"],
      status: "ACTIVE",
      notes: org.taxId ? `Tax ID: ${org.taxId}` : null,
    });
    partnerId = partner.id;
  }
  if (!org.partnerId) await db.applicantOrganisation.update({ where: { id: org.id }, data: { partnerId } });
  const known = await db.partnerPerson.findFirst({ where: { partnerId, OR: [{ email }, { contact: { email } }] }, select: { id: true } });
  const person = known ?? (await addPerson(actor, partnerId, { contactEmail: null, name: org.contactName ?? org.name, position: null, email, phone: org.phone }));
  return { partnerId, contactPersonId: person.id };
}

/**
 * Submits the draft before the deadline: the Submission (origin PORTAL, channel WEB_FORM) with the
 * draft's documents, and a receipt by e-mail (folio, time, each document's SHA-256).
 */
export async function submitDraft(applicant: Applicant, slug: string, ctx: PortalActor, now = new Date(), opts: { mail?: boolean } = {}) {
  const { call, draft, organisationId } = await openDraft(applicant, slug, now);
  if (!draft.title.trim()) throw new PortalError("titleRequired", "title");
  if (draft.documents.length === 0) throw new PortalError("documentsRequired", "files");
  const org = await partnerFor(organisationId, applicant, ctx);
  const submission = await createSubmission(intake(applicant, ctx), call.contestId, {
    partnerMode: "existing",
    partnerId: org.partnerId,
    contactPersonId: org.contactPersonId,
    orgName: null,
    orgCity: null,
    orgState: null,
    contactName: null,
    contactEmail: null,
    contactPhone: null,
    title: draft.title,
    summary: draft.summary,
    targetCommunities: draft.targetCommunities,
    targetCities: draft.targetCities,
    requestedBudget: draft.requestedBudget?.toString() ?? null,
    receivedAt: now,
    channel: "WEB_FORM",
  });
  await db.$transaction(async (tx) => {
    // Only one submit wins: the draft is claimed by its submission id.
    const claimed = await tx.portalDraft.updateMany({ where: { id: draft.id, submissionId: null }, data: { submissionId: submission.id, submittedAt: now } });
    if (claimed.count === 0) throw new PortalError("alreadySubmitted");
    await tx.submission.update({ where: { id: submission.id }, data: { origin: "PORTAL" } });
    await tx.submissionDocument.createMany({
      data: draft.documents.map((d) => ({ submissionId: submission.id, requirementId: d.requirementId, fileName: d.fileName, fileSha256: d.fileSha256, mimeType: d.mimeType, size: d.size, uploadedAt: d.uploadedAt })),
    });
    await audit(who(applicant, ctx), { action: "portal.submit", entity: "submission", entityId: submission.id, after: { folio: submission.folio, organisationId, documents: draft.documents.map((d) => d.fileSha256) } }, tx);
  });
  if (opts.mail === false) return submission;
  const zone = await contestZone();
  await sendTransactionalMail({
    template: "portalReceipt",
    to: { applicant: applicant.accountId },
    locale: applicant.locale,
    data: {
      contest: call.contest.name,
      folio: submission.folio,
      title: draft.title,
      receivedAt: formatDateTime(now, applicant.locale, zone, { zoneName: true }),
      documents: draft.documents.map((d) => `• ${d.fileName}\n  SHA-256 ${d.fileSha256}`).join("\n"),
    },
  }).catch(() => undefined);
  return submission;
}

// ── Status ───────────────────────────────────────────────────────────────────────────────────────

/**
 * The organisation's projects for a call: its draft (or what it became) and the submissions the
 * office registered for its confirmed partner, each with its origin.
 */
export async function myApplications(applicant: Applicant, slug: string) {
  if (!applicant.organisationId) return [];
  const call = await callBySlug(slug);
  const [drafts, visible] = await Promise.all([
    db.portalDraft.findMany({
      where: { organisationId: applicant.organisationId, contestId: call.contestId },
      include: { submission: { select: { id: true, folio: true, status: true, receivedAt: true, title: true } } },
    }),
    visibleSubmissions(applicant.organisationId),
  ]);
  const fromPortal = drafts.map((d) => ({
    key: d.id,
    title: d.submission?.title ?? d.title,
    stage: (d.submission?.status ?? "DRAFT") as PortalStage,
    submissionId: d.submission?.id ?? null,
    folio: d.submission?.folio ?? null,
    receivedAt: d.submission?.receivedAt.toISOString() ?? null,
    origin: "PORTAL" as SubmissionOrigin,
  }));
  if (!("OR" in visible)) return fromPortal;
  // A confirmed partner's history is bounded by the office's own registrations for one call.
  const byOffice = await db.submission.findMany({
    where: { contestId: call.contestId, ...visible, origin: "STAFF" },
    orderBy: { receivedAt: "asc" },
    take: 50,
    select: { id: true, folio: true, status: true, receivedAt: true, title: true },
  });
  return [
    ...fromPortal,
    ...byOffice.map((s) => ({ key: s.id, title: s.title, stage: s.status as PortalStage, submissionId: s.id, folio: s.folio, receivedAt: s.receivedAt.toISOString(), origin: "STAFF" as SubmissionOrigin })),
  ];
}

async function ownSubmission(applicant: Applicant, slug: string, submissionId: string) {
  const organisationId = requireOrganisation(applicant);
  const call = await callBySlug(slug);
  const submission = await db.submission.findFirst({ where: { id: submissionId, contestId: call.contestId, ...(await visibleSubmissions(organisationId)) } });
  if (!submission) throw new PortalError("notFound");
  return { call, submission, organisationId };
}

/** What the status page shows; another organisation's submission is a 404. */
export async function submissionStatus(applicant: Applicant, slug: string, submissionId: string) {
  const { call, submission, organisationId } = await ownSubmission(applicant, slug, submissionId);
  const [documents, history, corrections] = await Promise.all([
    db.submissionDocument.findMany({ where: { submissionId }, orderBy: { uploadedAt: "asc" }, select: { id: true, fileName: true, fileSha256: true, size: true, uploadedAt: true, correctionRequestId: true } }),
    db.submissionStatusChange.findMany({ where: { submissionId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { to: true, at: true } }),
    db.correctionRequest.findMany({ where: { submissionId, state: { not: "CANCELLED" } }, orderBy: { createdAt: "desc" }, select: { id: true, items: true, message: true, deadline: true, state: true, answeredAt: true, createdAt: true } }),
  ]);
  return {
    contestName: call.contest.name,
    quotaBytes: call.quotaBytes,
    usedBytes: await usedBytes(organisationId, call.contestId),
    submission: { id: submission.id, folio: submission.folio, title: submission.title, status: submission.status, origin: submission.origin, receivedAt: submission.receivedAt.toISOString() },
    documents: documents.map((d) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() })),
    history: history.map((h) => ({ to: h.to, at: h.at.toISOString() })),
    corrections: corrections.map((c) => ({
      id: c.id,
      items: correctionItems(c.items),
      message: c.message,
      deadline: c.deadline.toISOString(),
      state: c.state,
      answeredAt: c.answeredAt?.toISOString() ?? null,
    })),
  };
}

/**
 * The answer to the open correction request: documents against each item (files keyed by the
 * requirement id), a note; the submission goes back to review and the reviewer is told by mail.
 * Nothing is accepted after the deadline.
 */
export async function answerFromPortal(
  applicant: Applicant,
  slug: string,
  submissionId: string,
  input: { requestId: string; note: string | null },
  filesByItem: Map<string, IncomingFile[]>,
  ctx: PortalActor,
  now = new Date(),
) {
  const { call, submission, organisationId } = await ownSubmission(applicant, slug, submissionId);
  const request = await db.correctionRequest.findFirst({ where: { id: input.requestId, submissionId } });
  if (!request) throw new PortalError("notFound");
  if (request.state !== "OPEN") throw new PortalError("correctionClosed");
  if (request.deadline.getTime() <= now.getTime()) throw new PortalError("correctionPast");
  const items = new Set(correctionItems(request.items).map((i) => i.requirementId));
  const all = [...filesByItem.values()].flat();
  if (all.length === 0) throw new PortalError("filesRequired", "files");
  for (const key of filesByItem.keys()) if (!items.has(key)) throw new PortalError("notFound");
  checkQuota(await usedBytes(organisationId, call.contestId), all, call.quotaBytes);
  const actor = intake(applicant, ctx);
  for (const [requirementId, files] of filesByItem) {
    if (files.length) await addDocuments(actor, call.contestId, submissionId, files, { requirementId, correctionRequestId: request.id, at: now });
  }
  await answerCorrection(actor, call.contestId, submissionId, request.id, { note: input.note }, [], { at: now });
  if (request.createdById) {
    await sendTransactionalMail({
      template: "portalAnswered",
      to: { user: request.createdById },
      locale: "es",
      data: { contest: call.contest.name, folio: submission.folio, title: submission.title, documents: String(all.length), url: `${env().APP_URL.replace(/\/+$/, "")}/contest/${call.contestId}/submissions/${submissionId}` },
    }).catch(() => undefined);
  }
}

/** A document of the organisation's own submission, for download (null for anyone else's). */
export async function ownDocument(applicant: Applicant, slug: string, submissionId: string, documentId: string) {
  await ownSubmission(applicant, slug, submissionId);
  return db.submissionDocument.findFirst({ where: { id: documentId, submissionId }, select: { fileName: true, fileSha256: true } });
}

