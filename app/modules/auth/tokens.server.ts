import type { TokenKind } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { randomToken, sha256 } from "~/lib/crypto.server";

export const TOKEN_TTL_MS: Record<TokenKind, number> = {
  INVITE: 72 * 3_600_000,
  PASSWORD_RESET: 3_600_000,
};

type Client = Pick<typeof db, "oneTimeToken">;

/**
 * Issues a one-time token (invitation or password reset). Only its SHA-256 is stored; issuing a
 * new one revokes the user's earlier unused tokens of the same kind.
 */
export async function issueToken(userId: string, kind: TokenKind, client: Client = db): Promise<string> {
  const token = randomToken();
  await client.oneTimeToken.deleteMany({ where: { userId, kind, usedAt: null } });
  await client.oneTimeToken.create({
    data: { userId, kind, tokenHash: sha256(token), expiresAt: new Date(Date.now() + TOKEN_TTL_MS[kind]) },
  });
  return token;
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
