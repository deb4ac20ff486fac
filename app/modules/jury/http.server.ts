/** Helpers shared by the jury's routes: the actor from the session, and refusals as answers. */
import { data } from "@remix-run/node";
import { clientIp, type SessionUser } from "~/modules/auth/session.server";
import type { AdminActor } from "./admin.server";
import { JuryError } from "./errors";

export function juryActor(user: SessionUser, request: Request): AdminActor {
  return { userId: user.id, ip: clientIp(request), name: user.name, role: user.role };
}

/**
 * A JuryError as the action's answer: access refusals are 403/404 with nothing changed; rule
 * refusals come back to the form with the message and what was typed.
 */
export function juryErrorAnswer<V>(error: unknown, values: V) {
  if (!(error instanceof JuryError)) throw error;
  if (error.status === 403 || error.status === 404) throw new Response(error.status === 403 ? "Forbidden" : "Not found", { status: error.status });
  return data({ ok: false as const, errors: { [error.field]: error.messageKey } as Record<string, string>, params: error.params, values }, { status: error.status });
}
