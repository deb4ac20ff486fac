/**
 * Social accounts and their monthly figures, and the microsite's month (decision 025). An account
 * is never deleted once it has figures: it is deactivated (it then takes no new months but its
 * past months still count). Every change is audited; a save that changes nothing says so.
 */
import { db, Prisma } from "~/lib/db.server";
import { audit, diff, type AuditActor } from "~/modules/audit/index.server";
import { accountMonthOf } from "./figures.server";
import type { AccountInput, AccountMonthInput, MicrositeInput } from "./schema";
import { CommunicationsError } from "./errors";
import { sortAccounts, type AccountMonth, type Network, type OwnerArea } from "./shapes";

export type AccountRow = { id: string; network: Network; ownerArea: OwnerArea; handle: string; name: string | null; active: boolean; months: number; lastMonth: string | null };

/** Every account (a handful: no paging needed, capped), Facebook first; with how many months of figures each has. */
export async function listAccounts(filter: { ownerArea?: OwnerArea } = {}): Promise<AccountRow[]> {
  const rows = await db.socialAccount.findMany({
    where: filter.ownerArea ? { ownerArea: filter.ownerArea } : { ownerArea: { in: ["VMRE_OFFICE", "CNCS"] } },
    select: { id: true, network: true, ownerArea: true, handle: true, name: true, active: true, _count: { select: { months: true } }, months: { orderBy: { month: "desc" }, take: 1, select: { month: true } } },
    take: 500,
  });
  return sortAccounts(
    rows.map((r) => ({ id: r.id, network: r.network as Network, ownerArea: r.ownerArea as OwnerArea, handle: r.handle, name: r.name, active: r.active, months: r._count.months, lastMonth: r.months[0]?.month ?? null })),
  ).sort((a, b) => Number(b.active) - Number(a.active) || a.ownerArea.localeCompare(b.ownerArea) * -1);
}

export async function getAccount(id: string) {
  const row = await db.socialAccount.findUnique({ where: { id }, select: { id: true, network: true, ownerArea: true, handle: true, name: true, active: true, _count: { select: { months: true } } } });
  return row ? { id: row.id, network: row.network as Network, ownerArea: row.ownerArea as OwnerArea, handle: row.handle, name: row.name, active: row.active, months: row._count.months } : null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export async function createAccount(actor: AuditActor, input: AccountInput): Promise<{ id: string }> {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.socialAccount.create({ data: { network: input.network, ownerArea: input.ownerArea, handle: input.handle, name: input.name, active: true } });
      await audit(actor, { action: "communications.account.create", entity: "SocialAccount", entityId: created.id, after: { network: input.network, ownerArea: input.ownerArea, handle: input.handle, name: input.name } }, tx);
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CommunicationsError("duplicateHandle");
    throw error;
  }
}

/** Edits an account; `active: false` deactivates it (its figures stay). */
export async function updateAccount(actor: AuditActor, id: string, input: AccountInput): Promise<{ changed: boolean }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.socialAccount.findUnique({ where: { id }, select: { network: true, ownerArea: true, handle: true, name: true, active: true } });
      if (!before) throw new CommunicationsError("notFound");
      const after = { network: input.network, ownerArea: input.ownerArea, handle: input.handle, name: input.name, active: input.active };
      const changes = diff(before as Record<string, unknown>, after);
      if (!Object.keys(changes.after).length) return { changed: false };
      await tx.socialAccount.update({ where: { id }, data: after });
      const action = before.active && !input.active ? "communications.account.deactivate" : !before.active && input.active ? "communications.account.activate" : "communications.account.update";
      await audit(actor, { action, entity: "SocialAccount", entityId: id, before: changes.before, after: changes.after }, tx);
      return { changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new CommunicationsError("duplicateHandle");
    throw error;
  }
}

/** One account's month, or null when it has none. */
export async function getAccountMonth(accountId: string, month: string): Promise<AccountMonth | null> {
  const account = await db.socialAccount.findUnique({ where: { id: accountId }, include: { months: { where: { month } } } });
  return account?.months[0] ? accountMonthOf(account, account.months[0]) : null;
}

/** Saves (creates or replaces) an account's figures for a month. An inactive account takes no new month. */
export async function saveAccountMonth(actor: AuditActor, accountId: string, month: string, input: AccountMonthInput): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const account = await tx.socialAccount.findUnique({ where: { id: accountId }, include: { months: { where: { month } } } });
    if (!account) throw new CommunicationsError("notFound");
    const existing = account.months[0];
    if (!existing && !account.active) throw new CommunicationsError("inactive");
    const data = input;
    const before = existing ? accountMonthOf(account, existing) : null;
    if (before) {
      const changes = diff(before as unknown as Record<string, unknown>, data as unknown as Record<string, unknown>);
      if (!Object.keys(changes.after).length) return { changed: false };
    }
    await tx.socialAccountMonth.upsert({
      where: { accountId_month: { accountId, month } },
      create: { accountId, month, ...data, updatedById: actor.userId },
      update: { ...data, updatedById: actor.userId },
    });
    await audit(actor, { action: "communications.month.save", entity: "SocialAccountMonth", entityId: `${accountId}:${month}`, before, after: { month, handle: account.handle, ...data } }, tx);
    return { changed: true };
  });
}

export async function getMicrosite(month: string) {
  const row = await db.micrositeMonth.findUnique({ where: { month } });
  return row ? { visits: row.visits, countries: row.countries, topCountries: row.topCountries, source: row.source } : null;
}

/** Saves the microsite's month (visits, countries, top countries in order). */
export async function saveMicrosite(actor: AuditActor, month: string, input: MicrositeInput): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const row = await tx.micrositeMonth.findUnique({ where: { month } });
    const before = row ? { visits: row.visits, countries: row.countries, topCountries: row.topCountries } : null;
    if (before && JSON.stringify(before) === JSON.stringify(input)) return { changed: false };
    await tx.micrositeMonth.upsert({ where: { month }, create: { month, ...input, updatedById: actor.userId }, update: { ...input, source: "TYPED", updatedById: actor.userId } });
    await audit(actor, { action: "communications.microsite.save", entity: "MicrositeMonth", entityId: month, before, after: input }, tx);
    return { changed: true };
  });
}

/** The latest month with any account or microsite figures; else last month (UTC). */
export async function latestFiguresMonth(now: Date = new Date()): Promise<string> {
  const [social, site] = await Promise.all([
    db.socialAccountMonth.findFirst({ orderBy: { month: "desc" }, select: { month: true } }),
    db.micrositeMonth.findFirst({ orderBy: { month: "desc" }, select: { month: true } }),
  ]);
  const latest = [social?.month, site?.month].filter((m): m is string => !!m).sort().pop();
  if (latest) return latest;
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}
