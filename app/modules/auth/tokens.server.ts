import { randomUUID } from "node:crypto";
import type { TokenKind } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { appHmac, sha256 } from "~/lib/crypto.server";
import { env } from "~/lib/env.server";

export const TOKEN_TTL_MS: Record<TokenKind, number> = {
  INVITE: 72 * 3_600_000,
  PASSWORD_RESET: 3_600_000,
};

/** How long any one-time link can work: what the development outbox keeps (see outbox.server). */
export const LONGEST_TOKEN_TTL_MS = Math.max(...Object.values(TOKEN_TTL_MS));

const LINK_PATHS: Record<TokenKind, string> = { INVITE: "/invite/", PASSWORD_RESET: "/reset-password/" };

type Client = Pick<typeof db, "oneTimeToken">;

/**
 * The link's secret, derived from its row with APP_KEY. Queued mail carries only the row id: the
 * worker derives the link when it sends, so no working link waits in Redis.
 */
export function tokenSecret(tokenId: string): string {
  return appHmac("one-time-token", tokenId);
}

export function tokenLink(kind: TokenKind, token: string): string {
  return `${env().APP_URL.replace(/\/+$/, "")}${LINK_PATHS[kind]}${token}`;
}

/**
 * Issues a one-time token (invitation or password reset). Only its SHA-256 is stored; issuing a
 * new one revokes the user's earlier unused tokens of the same kind (their queued mail is then
 * not sent). Returns the row id (for the mail queue) and the token.
 */
export async function issueTokenRecord(userId: string, kind: TokenKind, client: Client = db): Promise<{ id: string; token: string }> {
  const id = randomUUID();
  const token = tokenSecret(id);
  await client.oneTimeToken.deleteMany({ where: { userId, kind, usedAt: null } });
  await client.oneTimeToken.create({
    data: { id, userId, kind, tokenHash: sha256(token), expiresAt: new Date(Date.now() + TOKEN_TTL_MS[kind]) },
  });
  return { id, token };
}

export async function issueToken(userId: string, kind: TokenKind, client: Client = db): Promise<string> {
  return (await issueTokenRecord(userId, kind, client)).token;
}

/**
 * What a queued mail needs to send a token's link, resolved when the worker runs: null once the
 * token is used, expired, revoked (a newer one was issued) or its account deactivated.
 */
export async function tokenForMail(tokenId: string, kind: TokenKind, now = new Date()) {
  const row = await db.oneTimeToken.findUnique({
    where: { id: tokenId },
    include: { user: { select: { id: true, email: true, name: true, role: true, locale: true, active: true } } },
  });
  if (!row || row.kind !== kind || row.usedAt || row.expiresAt.getTime() <= now.getTime() || !row.user.active) return null;
  return { user: row.user, url: tokenLink(kind, tokenSecret(row.id)) };
}

/** Looks a token up without using it (to show the form); null when unknown, used or expired. */
export async function findValidToken(token: string, kind: TokenKind) {
  const row = await db.oneTimeToken.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: { select: { id: true, email: true, name: true, locale: true, active: true } } },
  });
  if (!row || row.kind !== kind || row.usedAt || row.expiresAt.getTime() <= Date.now() || !row.user.active) return null;
  return row;
}

/**
 * Marks the token used; returns its user id, or null if someone else used it first. The
 * conditional update makes a second concurrent use fail.
 */
export async function consumeToken(token: string, kind: TokenKind, client: Client = db): Promise<string | null> {
  const row = await client.oneTimeToken.findUnique({ where: { tokenHash: sha256(token) } });
  if (!row || row.kind !== kind) return null;
  const { count } = await client.oneTimeToken.updateMany({
    where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  return count === 1 ? row.userId : null;
}
