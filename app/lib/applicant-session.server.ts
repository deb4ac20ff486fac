/**
 * The applicant portal's session cookie (decision 029): its own name, apart from the staff
 * session's, so neither kind of session can stand in for the other. HTTP glue, so it lives here;
 * the rules (tokens, expiry, verified address) are in ~/modules/portal.
 */
import { createCookie, redirect } from "@remix-run/node";
import { env, isHttps } from "~/lib/env.server";
import { APPLICANT_SESSION_DAYS, applicantForToken, endApplicantSession, startApplicantSession, type Applicant } from "~/modules/portal/index.server";
import { clientIp } from "~/modules/auth/index.server";

function applicantCookie() {
  const secure = isHttps();
  return createCookie(secure ? "__Host-alcance_applicant" : "alcance_applicant", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    secrets: env().sessionSecrets,
  });
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await applicantCookie().parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export async function getApplicant(request: Request): Promise<Applicant | null> {
  const token = await tokenFrom(request);
  return token ? applicantForToken(token) : null;
}

/** The first line of every applicant-only loader and action: the call's sign-in page otherwise. */
export async function requireApplicant(request: Request, slug: string): Promise<Applicant> {
  const applicant = await getApplicant(request);
  if (!applicant) {
    const url = new URL(request.url);
    throw redirect(`/convocatoria/${slug}/entrar?${new URLSearchParams({ redirectTo: url.pathname })}`);
  }
  return applicant;
}

/** Set-Cookie for a new applicant session. */
export async function applicantSessionCookie(accountId: string, request: Request): Promise<string> {
  const token = await startApplicantSession(accountId, clientIp(request));
  return applicantCookie().serialize(token, { maxAge: APPLICANT_SESSION_DAYS * 86_400 });
}

export async function endApplicantSessionCookie(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await endApplicantSession(token);
  return applicantCookie().serialize("", { maxAge: 0 });
}

/** A redirect target inside the call's pages only. */
export function portalRedirectTo(value: FormDataEntryValue | string | null | undefined, slug: string): string {
  const fallback = `/convocatoria/${slug}/solicitud`;
  if (typeof value !== "string") return fallback;
  return new RegExp(`^/convocatoria/${slug}(/[a-z0-9-]+){0,3}$`).test(value) ? value : fallback;
}
