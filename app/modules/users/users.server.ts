import { DomainError } from "~/lib/errors";
import type { IneArea, Role } from "~/generated/prisma/client";
import { db, Prisma } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { audit, type AuditActor } from "~/modules/audit/index.server";
import { hashPassword, normalizeEmail, endAllSessions } from "~/modules/auth/index.server";
import type { UserListQuery } from "./schema";

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with e-mail ${email} already exists`);
  }
}

/** Creates an active user with a password (CLI and seed); invitations go through invitations.server. */
export async function createUserWithPassword(
  actor: AuditActor,
  input: { email: string; name: string; role: Role; password: string; locale?: string; ineArea?: IneArea | null },
) {
  const email = normalizeEmail(input.email);
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) throw new UserExistsError(email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email, name: input.name, role: input.role, passwordHash, locale: input.locale ?? "es", ineArea: input.role === "CONTRIBUTOR" ? (input.ineArea ?? null) : null },
    });
    await audit(actor, { action: "user.create", entity: "user", entityId: user.id, after: { email, name: input.name, role: input.role, ...(user.ineArea ? { ineArea: user.ineArea } : {}) } }, tx);
    return user;
  });
}

// ---------------------------------------------------------------------------------------------
// Administration: listing, role changes, deactivation and sessions (invitations: invitations.server).
// ---------------------------------------------------------------------------------------------

/** A rule that refused a change; `messageKey` is the translation key to show. */
export type UserRuleCode = "notFound" | "selfDemote" | "selfDeactivate" | "lastAdmin" | "alreadyAccepted" | "inactive" | "ineAreaRequired";

export class UserRuleError extends DomainError<UserRuleCode> {
  constructor(code: UserRuleCode) {
    super({ code, messageKey: `admin.users.errors.${code}` });
  }
}

type Tx = Prisma.TransactionClient;

// Every change that can remove an administrator takes this lock, so two administrators demoting
// each other at the same time cannot leave the system with none.
const ADMIN_LOCK_SQL = Prisma.sql`SELECT pg_advisory_xact_lock(7461021)`;

async function lockAdministrators(tx: Tx): Promise<void> {
  await tx.$executeRaw(ADMIN_LOCK_SQL);
}

/** An administrator who can actually sign in: active and with a password (not a pending invitation). */
function isWorkingAdmin(user: { role: Role; active: boolean; passwordHash: string | null }): boolean {
  return user.role === "ADMIN" && user.active && user.passwordHash !== null;
}

async function otherWorkingAdmins(tx: Tx, exceptId: string): Promise<number> {
  return tx.user.count({ where: { role: "ADMIN", active: true, passwordHash: { not: null }, id: { not: exceptId } } });
}

export const USERS_PAGE_SIZE = 50;

type UserListRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  invited: boolean;
  totpEnabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
};

function encodeUserCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.getTime()}:${row.id}`, "utf8").toString("base64url");
}

function decodeUserCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  const match = /^(\d{1,15}):([A-Za-z0-9_-]{1,64})$/.exec(decoded);
  if (!match) return null;
  return { createdAt: new Date(Number(match[1])), id: match[2]! };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Newest first, paged by key (createdAt, id) with an exact total. ?q= matches the name or e-mail
 * without regard to accents or case (search_text() = lower(unaccent())).
 */
export async function listUsers(query: UserListQuery, take = USERS_PAGE_SIZE) {
  const conditions: Prisma.Sql[] = [];
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(Prisma.sql`(search_text("name") LIKE search_text(${pattern}) OR search_text("email") LIKE search_text(${pattern}))`);
  }
  if (query.role) conditions.push(Prisma.sql`"role" = ${query.role}::"Role"`);
  if (query.status === "active") conditions.push(Prisma.sql`"active" = true`);
  if (query.status === "inactive") conditions.push(Prisma.sql`"active" = false`);
  if (query.status === "invited") conditions.push(Prisma.sql`"active" = true AND "passwordHash" IS NULL`);
  const filter = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;

  const cursor = decodeUserCursor(query.cursor);
  const pageConditions = cursor ? [...conditions, Prisma.sql`("createdAt", "id") < (${cursor.createdAt}::timestamptz, ${cursor.id})`] : conditions;
  const pageFilter = pageConditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(pageConditions, " AND ")}` : Prisma.empty;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<UserListRow[]>`
      SELECT "id", "email", "name", "role"::text AS "role", "active", ("passwordHash" IS NULL) AS "invited",
             "totpEnabled", "lastLoginAt", "createdAt"
      FROM "User" ${pageFilter}
      ORDER BY "createdAt" DESC, "id" DESC
      LIMIT ${take + 1}`,
    db.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS "total" FROM "User" ${filter}`,
  ]);
  const page = rows.slice(0, take);
  const last = page[page.length - 1];
  return {
    users: page,
    total: counted[0]?.total ?? 0,
    nextCursor: rows.length > take && last ? encodeUserCursor(last) : undefined,
  };
}

/** Figures for the administration overview. */
export async function userCounts() {
  const [active, inactive, invited, admins] = await Promise.all([
    db.user.count({ where: { active: true, passwordHash: { not: null } } }),
    db.user.count({ where: { active: false } }),
    db.user.count({ where: { active: true, passwordHash: null } }),
    db.user.count({ where: { role: "ADMIN", active: true, passwordHash: { not: null } } }),
  ]);
  return { active, inactive, invited, admins };
}

/** One user as the administration sees it: no secrets, with sessions and invitation state. */
export async function getUserDetail(id: string) {
  const user = await db.user.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      ineArea: true,
      locale: true,
      timeZone: true,
      active: true,
      totpEnabled: true,
      lastLoginAt: true,
      createdAt: true,
      updatedAt: true,
      passwordHash: true,
    },
  });
  if (!user) return null;
  const now = new Date();
  const idleSince = new Date(now.getTime() - env().SESSION_IDLE_MINUTES * 60_000);
  const [activeSessions, invitation] = await Promise.all([
    db.session.count({ where: { userId: id, expiresAt: { gt: now }, lastSeenAt: { gt: idleSince } } }),
    db.oneTimeToken.findFirst({
      where: { userId: id, kind: "INVITE" },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true, expiresAt: true, usedAt: true },
    }),
  ]);
  const { passwordHash, ...rest } = user;
  return { ...rest, invited: passwordHash === null, activeSessions, invitation };
}

/**
 * An administrator cannot demote themself, and the last working administrator stays one. A
 * CONTRIBUTOR needs an INE area (changing only the area of a contributor is a change too); any
 * other role has none.
 */
export async function changeUserRole(actor: AuditActor, userId: string, role: Role, ineArea: IneArea | null = null) {
  const area = role === "CONTRIBUTOR" ? ineArea : null;
  if (role === "CONTRIBUTOR" && !area) throw new UserRuleError("ineAreaRequired");
  return db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, ineArea: true, active: true, passwordHash: true } });
    if (!user) throw new UserRuleError("notFound");
    if (user.role === role && user.ineArea === area) return { changed: false };
    if (user.role === "ADMIN" && role !== "ADMIN") {
      if (actor.userId === user.id) throw new UserRuleError("selfDemote");
      if (isWorkingAdmin(user) && (await otherWorkingAdmins(tx, user.id)) === 0) throw new UserRuleError("lastAdmin");
    }
    await tx.user.update({ where: { id: userId }, data: { role, ineArea: area } });
    await audit(
      actor,
      {
        action: "user.role",
        entity: "user",
        entityId: userId,
        before: { role: user.role, ...(user.ineArea ? { ineArea: user.ineArea } : {}) },
        after: { role, ...(area ? { ineArea: area } : {}) },
      },
      tx,
    );
    return { changed: true };
  });
}

/**
 * Deactivating signs the person out everywhere (their sessions are deleted in the same
 * transaction); reactivating restores access with the same password.
 */
export async function setUserActive(actor: AuditActor, userId: string, active: boolean) {
  return db.$transaction(async (tx) => {
    await lockAdministrators(tx);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true, passwordHash: true } });
    if (!user) throw new UserRuleError("notFound");
    if (user.active === active) return { changed: false, sessionsEnded: 0 };
    let sessionsEnded = 0;
    if (!active) {
      if (actor.userId === user.id) throw new UserRuleError("selfDeactivate");
      if (isWorkingAdmin(user) && (await otherWorkingAdmins(tx, user.id)) === 0) throw new UserRuleError("lastAdmin");
    }
    await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) sessionsEnded = (await tx.session.deleteMany({ where: { userId } })).count;
    await audit(
      actor,
      {
        action: active ? "user.reactivate" : "user.deactivate",
        entity: "user",
        entityId: userId,
        before: { active: user.active },
        after: active ? { active } : { active, sessionsEnded },
      },
      tx,
    );
    return { changed: true, sessionsEnded };
  });
}

/** Signs the user out on every device. */
export async function endUserSessions(actor: AuditActor, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new UserRuleError("notFound");
  const count = await endAllSessions(userId);
  await audit(actor, { action: "user.sessions.end", entity: "user", entityId: userId, after: { sessionsEnded: count } });
  return count;
}
