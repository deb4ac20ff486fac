/**
 * How an audit entry reads for people: its action and entity as translation keys, who acted, and
 * the client address as it is usually written. Pure: the page, the CSV and the tests share it.
 */

/**
 * An IPv4 client seen through an IPv6 socket arrives as "::ffff:127.0.0.1"; people know it as
 * "127.0.0.1". Anything else (an IPv6 address, the CLI's "cli") stays as it is.
 */
export function normaliseIp(ip: string | null | undefined): string | null {
  if (ip === null || ip === undefined) return null;
  const trimmed = ip.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

export const actionKey = (action: string) => `admin.audit.action.${action}`;
export const entityKey = (entity: string) => `admin.audit.entity.${entity}`;

/**
 * Who acted when no user did: the processes that write the log without a session record themselves
 * in the address column (see CLI_ACTOR and the worker); anything else there is a visitor's address.
 */
const PROCESS_ACTORS: Record<string, string> = {
  cli: "admin.audit.actor.cli",
  worker: "admin.audit.actor.worker",
  scheduler: "admin.audit.actor.scheduler",
  "unsubscribe-link": "admin.audit.actor.unsubscribeLink",
};

export type ActorView =
  | { kind: "user"; name: string; email: string; ip: string | null }
  | { kind: "applicant"; email: string; ip: string | null }
  | { kind: "label"; key: string; ip: string | null };

/** The actor of one entry: a user's name, or a translated label (and the address, when there is one). */
export function actorView(
  entry: { actorId: string | null; ip: string | null; applicantId?: string | null },
  user: { name: string; email: string } | null | undefined,
  applicant?: { email: string } | null,
): ActorView {
  const ip = normaliseIp(entry.ip);
  if (entry.actorId) return user ? { kind: "user", name: user.name, email: user.email, ip } : { kind: "label", key: "admin.audit.actor.deletedUser", ip };
  // An applicant-portal account (decision 029): named by its address while the account exists.
  if (entry.applicantId) return applicant ? { kind: "applicant", email: applicant.email, ip } : { kind: "label", key: "admin.audit.actor.deletedApplicant", ip };
  if (ip && PROCESS_ACTORS[ip]) return { kind: "label", key: PROCESS_ACTORS[ip], ip: null };
  if (ip) return { kind: "label", key: "admin.audit.actor.anonymous", ip };
  return { kind: "label", key: "admin.audit.system", ip: null };
}
