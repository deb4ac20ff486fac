/**
 * Merging two records of the same person. The survivor keeps its id; per field, the person
 * chooses whose value survives; tags are the union; the other's consent records (and ARCO
 * requests) move to the survivor; the other is deleted. The merge is written to the audit trail of
 * both ids with the full values they had before, so nothing of the history is lost.
 */
import type { Contact, SubscriptionStatus } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { ContactError, contactSnapshot, isUniqueViolation, syncConsentStatus } from "./contact.server";
import { lockForContactDeletion } from "./delete-barrier.server";
import { normalizeTags } from "./fields";
import type { z } from "zod";
import { MERGE_FIELDS, type MergeChoices, type MergeField, type mergeFormSchema } from "./schema";

/** Who decides a field when the chooser did not: the survivor, unless its value is empty. */
export function defaultSide(survivor: Pick<Contact, MergeField>, other: Pick<Contact, MergeField>, field: MergeField): "survivor" | "other" {
  const mine = survivor[field];
  const theirs = other[field];
  return (mine === null || mine === "") && theirs !== null && theirs !== "" ? "other" : "survivor";
}

/**
 * Unsubscribing and complaining are the person's decisions and are honoured whichever record
 * carried them; a bounce belongs to an address, so it follows the surviving e-mail.
 */
function mergedSubscription(survivor: Contact, other: Contact, emailFrom: "survivor" | "other"): SubscriptionStatus {
  const both = [survivor.subscriptionStatus, other.subscriptionStatus];
  if (both.includes("COMPLAINED")) return "COMPLAINED";
  if (both.includes("UNSUBSCRIBED")) return "UNSUBSCRIBED";
  return emailFrom === "other" ? other.subscriptionStatus : survivor.subscriptionStatus;
}

/** The survivor's values after the merge (consent status aside: it follows the newest record). */
export function mergedValues(survivor: Contact, other: Contact, choices: MergeChoices) {
  const side = (field: MergeField) => choices[field] ?? defaultSide(survivor, other, field);
  const pick = <F extends MergeField>(field: F): Contact[F] => (side(field) === "other" ? other[field] : survivor[field]);
  const sourceFrom = side("source") === "other" ? other : survivor;
  return {
    email: pick("email"),
    givenName: pick("givenName"),
    familyName: pick("familyName"),
    country: pick("country"),
    state: pick("state"),
    city: pick("city"),
    language: pick("language"),
    phone: pick("phone"),
    notes: pick("notes"),
    source: sourceFrom.source,
    sourceDetail: sourceFrom.sourceDetail,
    tags: normalizeTags([...survivor.tags, ...other.tags]),
    partnerId: survivor.partnerId ?? other.partnerId,
    subscriptionStatus: mergedSubscription(survivor, other, side("email")),
    // The person has been known since the older record was created.
    createdAt: survivor.createdAt < other.createdAt ? survivor.createdAt : other.createdAt,
  };
}

export type MergeResult = { survivor: Contact; movedConsents: number };

export async function mergeContacts(actor: AuditActor, survivorId: number, otherId: number, choices: MergeChoices): Promise<MergeResult> {
  if (survivorId === otherId) throw new ContactError("sameContact");
  try {
    return await db.$transaction(
      async (tx) => {
        // Both rows locked in id order, so two merges of the same pair cannot deadlock.
        await tx.$queryRaw`SELECT id FROM "Contact" WHERE id IN (${survivorId}, ${otherId}) ORDER BY id FOR UPDATE`;
        const [survivor, other] = await Promise.all([tx.contact.findUnique({ where: { id: survivorId } }), tx.contact.findUnique({ where: { id: otherId } })]);
        if (!survivor || !other) throw new ContactError("notFound");
        const values = mergedValues(survivor, other, choices);

        const moved = await tx.consentRecord.updateMany({ where: { contactId: otherId }, data: { contactId: survivorId } });
        await tx.arcoRequest.updateMany({ where: { contactId: otherId }, data: { contactId: survivorId } });
        // What the other contact took part in follows the survivor, once per event, bulletin and
        // institution (the rest goes with the other row's delete).
        await tx.$executeRaw`UPDATE "EventSignup" SET "contactId" = ${survivorId} WHERE "contactId" = ${otherId}
          AND "eventId" NOT IN (SELECT "eventId" FROM "EventSignup" WHERE "contactId" = ${survivorId})`;
        await tx.$executeRaw`UPDATE "BulletinDelivery" SET "contactId" = ${survivorId} WHERE "contactId" = ${otherId}
          AND "bulletinId" NOT IN (SELECT "bulletinId" FROM "BulletinDelivery" WHERE "contactId" = ${survivorId})`;
        await tx.$executeRaw`UPDATE "PartnerPerson" SET "contactId" = ${survivorId} WHERE "contactId" = ${otherId}
          AND "partnerId" NOT IN (SELECT "partnerId" FROM "PartnerPerson" WHERE "contactId" = ${survivorId})`;
        // Deleted before the update: the survivor may take the other's e-mail (unique).
        await lockForContactDeletion(tx);
        await tx.contact.delete({ where: { id: otherId } });
        await tx.contact.update({ where: { id: survivorId }, data: values });
        await syncConsentStatus(tx, survivorId);
        const merged = await tx.contact.findUniqueOrThrow({ where: { id: survivorId } });

        const resolvedChoices = Object.fromEntries(MERGE_FIELDS.map((f) => [f, choices[f] ?? defaultSide(survivor, other, f)]));
        await audit(
          actor,
          {
            action: "contact.merge",
            entity: "contact",
            entityId: String(survivorId),
            before: { survivor: { id: survivorId, ...contactSnapshot(survivor), createdAt: survivor.createdAt }, other: { id: otherId, ...contactSnapshot(other), createdAt: other.createdAt } },
            after: { ...contactSnapshot(merged), createdAt: merged.createdAt, mergedFrom: otherId, movedConsents: moved.count, choices: resolvedChoices },
          },
          tx,
        );
        await audit(
          actor,
          {
            action: "contact.merge",
            entity: "contact",
            entityId: String(otherId),
            before: { id: otherId, ...contactSnapshot(other), createdAt: other.createdAt },
            after: { mergedInto: survivorId, movedConsents: moved.count },
          },
          tx,
        );
        return { survivor: merged, movedConsents: moved.count };
      },
      { timeout: 15_000 },
    );
  } catch (error) {
    // Only a concurrent change of e-mail could collide; report it as the e-mail clash it is.
    if (isUniqueViolation(error)) throw new ContactError("emailTaken");
    throw error;
  }
}

/** The two contacts side by side, for the chooser. */
export async function loadMergePair(aId: number, bId: number) {
  const [a, b] = await Promise.all([
    db.contact.findUnique({ where: { id: aId }, include: { _count: { select: { consents: true } } } }),
    db.contact.findUnique({ where: { id: bId }, include: { _count: { select: { consents: true } } } }),
  ]);
  return { a, b };
}

/**
 * What the merge would produce (nothing is written): the surviving values, the consent records
 * kept, and the choices echoed as a/b so the confirmation posts exactly what was previewed.
 * null when either record is gone.
 */
export async function previewMerge(form: z.output<typeof mergeFormSchema>) {
  const { survivorId, otherId, choices, survivor } = form;
  const pair = await loadMergePair(survivorId, otherId);
  if (!pair.a || !pair.b) return null;
  const a = pair.a;
  const b = pair.b;
  const values = mergedValues(a, b, choices);
  const other = survivor === "a" ? "b" : "a";
  const fieldSides = Object.fromEntries(MERGE_FIELDS.map((f) => [`field_${f}`, (choices[f] ?? defaultSide(a, b, f)) === "survivor" ? survivor : other]));
  return {
    survivorId,
    otherId,
    form: { a: String(form.a), b: String(form.b), survivor, ...fieldSides } as Record<string, string>,
    values: { ...values, createdAt: values.createdAt.toISOString() },
    consents: a._count.consents + b._count.consents,
  };
}
