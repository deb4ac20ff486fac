/** The jury's admin actor from the session user (refusals are mapped by app/lib/http.server.ts). */
import { clientIp, type SessionUser } from "~/modules/auth/index.server";
import type { AdminActor } from "./admin.server";

export function juryActor(user: SessionUser, request: Request): AdminActor {
  return { userId: user.id, ip: clientIp(request), name: user.name, role: user.role };
}
