import type { Role } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { normalizeEmail, issueTokenRecord } from "~/modules/auth/index.server";
import { sendTransactionalMail } from "~/modules/mail/index.server";
import type { InviteUserInput } from "./schema";
import { UserExistsError, UserRuleError } from "./users.server";

/**
 * Invitations: an administrator creates the account without a password; the person chooses one
 * through the e-mailed link (a one-time INVITE token, valid 72 hours).
 */

/** Whoever invites is named in the invitation e-mail. */
export type InviteActor = AuditActor & { name: string };

/**
 * Queues the invitation e-mail in the invitee's language; false when the queue is unreachable.
 * The job names the token row: the worker adds the invitee's address, name, role and link.
 */
async function queueInvitationMail(user: { locale: string }, tokenId: string, inviter: string) {
  const locale: Locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  try {
    await sendTransactionalMail({ template: "invite", to: { token: tokenId }, locale, data: { inviter } });
    return true;
  } catch (error) {
    console.error("[users] the invitation e-mail could not be queued:", error);
    return false;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Creates the user without a password and an invitation token in one transaction, audits it, then
 * queues the e-mail with the link. The person sets a password through the link.
 */
export async function inviteUser(actor: InviteActor, input: InviteUserInput) {
  const email = normalizeEmail(input.email);
  const name = input.name.trim();
  const ineArea = input.role === "CONTRIBUTOR" ? (input.ineArea ?? null) : null;
  if (input.role === "CONTRIBUTOR" && !ineArea) throw new UserRuleError("ineAreaRequired");
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new UserExistsError(email);
  let created: { user: { id: string; email: string; name: string; role: Role; locale: string }; tokenId: string };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, name, role: input.role, ineArea, locale: input.locale, passwordHash: null, active: true },
        select: { id: true, email: true, name: true, role: true, locale: true },
      });
      const { id: tokenId } = await issueTokenRecord(user.id, "INVITE", tx);
      await audit(actor, { action: "user.invite", entity: "user", entityId: user.id, after: { email, name, role: input.role, locale: input.locale, ...(ineArea ? { ineArea } : {}) } }, tx);
      return { user, tokenId };
    });
  } catch (error) {
    // Two administrators inviting the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw new UserExistsError(email);
    throw error;
  }
  const mailQueued = await queueInvitationMail(created.user, created.tokenId, actor.name);
  return { user: created.user, mailQueued };
}

/** A new link (the earlier one stops working) for someone who has not accepted yet. */
export async function resendInvitation(actor: InviteActor, userId: string) {
  const { user, tokenId } = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, email: true, name: true, role: true, locale: true, active: true, passwordHash: true },
    });
    if (!user) throw new UserRuleError("notFound");
    if (user.passwordHash !== null) throw new UserRuleError("alreadyAccepted");
    if (!user.active) throw new UserRuleError("inactive");
    const { id: tokenId } = await issueTokenRecord(user.id, "INVITE", tx);
    await audit(actor, { action: "user.invite.resend", entity: "user", entityId: user.id, after: { email: user.email } }, tx);
    return { user, tokenId };
  });
  const mailQueued = await queueInvitationMail(user, tokenId, actor.name);
  return { email: user.email, mailQueued };
}
