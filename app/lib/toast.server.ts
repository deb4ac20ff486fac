import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { env, isHttps } from "./env.server";

export type Toast = { kind: "success" | "error" | "info"; message: string; params?: Record<string, string | number> };

const storage = () =>
  createCookieSessionStorage({
    cookie: {
      name: "alcance_toast",
      httpOnly: true,
      sameSite: "lax",
      secure: isHttps(),
      path: "/",
      secrets: env().sessionSecrets,
    },
  });

/** The message is a translation key; the page shows it in the reader's language. */
export async function redirectWithToast(url: string, toast: Toast, init: ResponseInit = {}) {
  const session = await storage().getSession();
  session.flash("toast", toast);
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await storage().commitSession(session));
  return redirect(url, { ...init, headers });
}

export async function readToast(request: Request): Promise<{ toast: Toast | null; setCookie: string | null }> {
  const session = await storage().getSession(request.headers.get("cookie"));
  const toast = (session.get("toast") as Toast | undefined) ?? null;
  return { toast, setCookie: toast ? await storage().commitSession(session) : null };
}
