import type { Role } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import { normalizeEmail } from "~/modules/auth/login.server";

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with e-mail ${email} already exists`);
  }
}

/** Creates an active user with a password (CLI and seed); invitations go through invitations.server. */
export async function createUserWithPassword(
  actor: AuditActor,
  input: { email: string; name: string; role: Role; password: string; locale?: string },
) {
  const email = normalizeEmail(input.email);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) throw new UserExistsError(email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: input.name, role: input.role, passwordHash, locale: input.locale ?? "es" },
    });
    await audit(actor, { action: "user.create", entity: "user", entityId: user.id, after: { email, name: input.name, role: input.role } }, tx);
    return user;
  });
}
