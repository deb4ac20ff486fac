import { createCookie } from "@remix-run/node";
import { isLocale, localeFromAcceptLanguage, type Locale } from "~/i18n";
import { db } from "~/lib/db.server";

// Remembers the choice before login; after login the user's own setting wins.
const localeCookie = createCookie("alcance_lang", { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 86_400 });

export async function resolveLocale(request: Request, user?: { locale: Locale } | null): Promise<Locale> {
  if (user) return user.locale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export async function setLocale(userId: string | null, locale: Locale): Promise<string> {
  if (userId) await db.user.update({ where: { id: userId }, data: { locale } });
  return localeCookie.serialize(locale);
}
