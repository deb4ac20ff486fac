/**
 * Who is acting, in one line (decision 027): the permission check and the audit actor together.
 *
 *   const { user, actor } = await requireActor(request, "edit:material");
 *   await createLocation(actor, value);          // actor = { userId, ip }, what the audit log records
 *
 * Not signed in → redirect to /login; signed in without the permission → 403 (both from
 * modules/auth, the one area allowed to answer HTTP: decision 027).
 */
import type { Permission } from "~/modules/auth/permissions";
import { clientIp, requirePermission, type SessionUser } from "~/modules/auth/session.server";

export type Actor = { userId: string; ip: string | null };

export async function requireActor(request: Request, permission: Permission | readonly Permission[]): Promise<{ user: SessionUser; actor: Actor }> {
  const user = await requirePermission(request, permission);
  return { user, actor: actorOf(request, user) };
}

/** The actor of a user already checked (a loader that used requireUser, a custom access rule). */
export function actorOf(request: Request, user: { id: string }): Actor {
  return { userId: user.id, ip: clientIp(request) };
}
