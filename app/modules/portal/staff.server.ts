/**
 * The office's side of the portal: the organisations that signed up for a call with the
 * civil-society partner each was matched to (the office confirms it or picks another), and the
 * call's public page settings (address, FAQ, late rule).
 */
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { PortalError } from "./errors";
import { faqEntries } from "./call.server";
import type { FaqEntry } from "./schema";

export async function portalOrganisations(contestId: string) {
  const rows = await db.applicantOrganisation.findMany({
    where: { drafts: { some: { contestId } } },
    orderBy: [{ matchConfirmedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
    take: 500,
    include: {
      candidatePartner: { select: { id: true, name: true } },
      partner: { select: { id: true, name: true } },
      accounts: { select: { email: true }, take: 3 },
    },
  });
  return rows.map((o) => ({
    id: o.id,
    name: o.name,
    taxId: o.taxId,
    place: [o.city, o.state].filter(Boolean).join(", "),
    emails: o.accounts.map((a) => a.email),
    partner: o.partner ?? o.candidatePartner,
    confirmed: !!o.matchConfirmedAt,
  }));
}

/**
 * Confirms the organisation's partner (the one found, or `partnerId` when the office picks another
 * civil-society partner); submissions already filed under another partner move to the confirmed one.
 */
export async function confirmMatch(actor: AuditActor, contestId: string, organisationId: string, partnerId: string | null) {
  return db.$transaction(async (tx) => {
    const org = await tx.applicantOrganisation.findFirst({ where: { id: organisationId, drafts: { some: { contestId } } } });
    if (!org) throw new PortalError("notFound");
    if (org.matchConfirmedAt) throw new PortalError("alreadyConfirmed");
    const chosen = partnerId ?? org.partnerId ?? org.candidatePartnerId;
    if (!chosen) throw new PortalError("notFound", "partnerId");
    const partner = await tx.partner.findFirst({ where: { id: chosen, kind: "CIVIL_SOCIETY" }, select: { id: true } });
    if (!partner) throw new PortalError("notFound", "partnerId");
    await tx.applicantOrganisation.update({ where: { id: org.id }, data: { partnerId: partner.id, matchConfirmedAt: new Date(), matchConfirmedById: actor.userId } });
    const moved = await tx.submission.updateMany({ where: { portalDraft: { organisationId: org.id }, partnerId: { not: partner.id } }, data: { partnerId: partner.id } });
    await audit(actor, { action: "portal.organisation.confirm", entity: "applicantOrganisation", entityId: org.id, before: { partnerId: org.partnerId, candidatePartnerId: org.candidatePartnerId }, after: { partnerId: partner.id, submissionsMoved: moved.count } }, tx);
  });
}

export async function portalSettings(contestId: string) {
  const call = await db.portalCall.findUnique({ where: { contestId } });
  return call ? { slug: call.slug, faq: faqEntries(call.faq), lateRule: call.lateRule } : null;
}

export async function savePortalSettings(actor: AuditActor, contestId: string, input: { faq: FaqEntry[]; lateRule: string | null }) {
  const before = await db.portalCall.findUnique({ where: { contestId } });
  if (!before) throw new PortalError("notFound");
  await db.portalCall.update({ where: { contestId }, data: { faq: input.faq, lateRule: input.lateRule } });
  await audit(actor, { action: "portal.call.update", entity: "contest", entityId: contestId, before: { faq: before.faq, lateRule: before.lateRule }, after: input });
}

/** Publishes the contest's portal page at /convocatoria/<slug>. */
export async function publishPortal(actor: AuditActor, contestId: string, slug: string) {
  const taken = await db.portalCall.findUnique({ where: { slug }, select: { contestId: true } });
  if (taken && taken.contestId !== contestId) throw new PortalError("slugTaken", "slug");
  await db.portalCall.upsert({ where: { contestId }, create: { contestId, slug }, update: { slug } });
  await audit(actor, { action: "portal.call.publish", entity: "contest", entityId: contestId, after: { slug } });
}
