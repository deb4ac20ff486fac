import { createCookie, redirect } from "@remix-run/node";
import type { Role } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { env, isHttps } from "~/lib/env.server";
import { randomToken, sha256 } from "~/lib/crypto.server";
import { audit } from "~/modules/audit/index.server";
import { can, type Permission } from "./permissions";
import { DEFAULT_LOCALE, isLocale, type Locale } from "~/i18n";

/**
 * Sessions live in PostgreSQL; the cookie carries a random token signed with SESSION_SECRET
 * (a list, newest first, so secrets rotate without logging everyone out). The table stores only
 * the token's SHA-256.
 */
function sessionCookie() {
  const secure = isHttps();
  return createCookie(secure ? "__Host-alcance_session" : "alcance_session", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    secrets: env().sessionSecrets,
  });
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  timeZone: string | null;
  totpEnabled: boolean;
  /** A CONTRIBUTOR's INE area (decision 025); null for every other role. */
  ineArea: string | null;
};

export type CurrentSession = { id: string; mfaPending: boolean; user: SessionUser };

export function clientIp(request: Request): string | null {
  return request.headers.get("x-alcance-client-ip");
}

export async function createSession(
  userId: string,
  request: Request,
  opts: { mfaPending: boolean },
): Promise<string> {
  const token = randomToken();
  const now = new Date();
  await db.session.create({
    data: {
      id: sha256(token),
      userId,
      mfaPending: opts.mfaPending,
      ip: clientIp(request),
      userAgent: request.headers.get("user-agent")?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + env().SESSION_MAX_DAYS * 86_400_000),
    },
  });
  return sessionCookie().serialize(token, { maxAge: Math.round(env().SESSION_MAX_DAYS * 86_400) });
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

const TOUCH_EVERY_MS = 60_000;

export async function getSession(request: Request): Promise<CurrentSession | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const id = sha256(token);
  const session = await db.session.findUnique({
    where: { id },
    include: { user: { select: { id: true, email: true, name: true, role: true, locale: true, timeZone: true, totpEnabled: true, ineArea: true, active: true } } },
  });
  if (!session) return null;
  const now = Date.now();
  const idleLimit = session.lastSeenAt.getTime() + env().SESSION_IDLE_MINUTES * 60_000;
  if (!session.user.active || session.expiresAt.getTime() <= now || idleLimit <= now) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id }, data: { lastSeenAt: new Date(now) } });
  }
  const { active: _active, locale, ...user } = session.user;
  return { id, mfaPending: session.mfaPending, user: { ...user, locale: isLocale(locale) ? locale : DEFAULT_LOCALE } };
}

export async function destroySession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await db.session.deleteMany({ where: { id: sha256(token) } });
  return sessionCookie().serialize("", { maxAge: 0 });
}

export async function endAllSessions(userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

export async function completeMfa(sessionId: string): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { mfaPending: false } });
}

function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  const target = url.pathname + url.search;
  throw redirect(target === "/" ? "/login" : `/login?${new URLSearchParams({ redirectTo: target })}`);
}

const SETUP_PATHS = ["/account/two-factor", "/logout"];

/** The first line of every protected loader and action. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const session = await getSession(request);
  if (!session) loginRedirect(request);
  if (session.mfaPending) {
    const url = new URL(request.url);
    throw redirect(`/login/two-factor?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  const path = new URL(request.url).pathname;
  // An ADMIN must set up two-factor authentication before using anything else.
  if (session.user.role === "ADMIN" && !session.user.totpEnabled && !SETUP_PATHS.includes(path)) {
    throw redirect("/account/two-factor");
  }
  return session.user;
}

export async function requirePermission(request: Request, permission: Permission | readonly Permission[]): Promise<SessionUser> {
  const user = await requireUser(request);
  const wanted = typeof permission === "string" ? [permission] : permission;
  if (!wanted.some((p) => can(user.role, p))) throw await forbidden(request, user, { permission: wanted });
  return user;
}

/**
 * The 403 for a signed-in user refused by a rule finer than a permission (a report section of
 * another area, decision 025), audited as every refusal is. Throw what it returns.
 */
export async function forbidden(request: Request, user: { id: string }, detail: Record<string, unknown> = {}): Promise<Response> {
  const url = new URL(request.url);
  await audit({ userId: user.id, ip: clientIp(request) }, { action: "permission.denied", entity: "route", entityId: url.pathname, after: { method: request.method, ...detail } });
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

// Browsers drop tab, CR and LF anywhere in a URL and read a backslash as "/", so "/<TAB>/evil.example"
// and "/\evil.example" both mean "//evil.example"; control characters also break the Location header.
function browserRewrites(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * A redirect target taken from the request, kept only if it is a path on this app: anything a
 * browser could read as another host (or that would not fit in a Location header) becomes fallback.
 */
export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || browserRewrites(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  const appOrigin = new URL(env().APP_URL).origin;
  let url: URL;
  try {
    url = new URL(value, appOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== appOrigin) return fallback;
  return url.pathname + url.search + url.hash;
}
