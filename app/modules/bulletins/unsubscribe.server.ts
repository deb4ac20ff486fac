/**
 * Unsubscribe links (GET shows a page, POST unsubscribes: RFC 8058 one-click). The token is the
 * credential: signed with APP_KEY, it holds a contact id and a bulletin id, nothing personal.
 */
import { verifyToken } from "~/lib/crypto.server";
import { db } from "~/lib/db.server";
import { isLocale, type Locale } from "~/i18n";
import { setSubscription } from "~/modules/contacts/index.server";
import { privacyNoticeFor, type NoticeShown } from "~/modules/settings/index.server";
import { UNSUBSCRIBE_PURPOSE } from "./pipeline/messages.server";

export type UnsubscribeTarget = { contactId: number | null; bulletinId: string };

/** The token's contact (null for a test message's link) and bulletin, or null if forged or expired. */
export function readUnsubscribeToken(token: string | undefined): UnsubscribeTarget | null {
  if (!token || token.length > 300) return null;
  const id = verifyToken(UNSUBSCRIBE_PURPOSE, token);
  const match = id ? /^(\d{1,10}|test)\.([a-z0-9]{1,40})$/.exec(id) : null;
  if (!match) return null;
  return { contactId: match[1] === "test" ? null : Number(match[1]), bulletinId: match[2]! };
}

export type UnsubscribePage = { valid: boolean; test: boolean; locale: Locale; unsubscribed: boolean; privacyNotice: NoticeShown | null };

export async function unsubscribePage(token: string | undefined, fallback: Locale): Promise<UnsubscribePage> {
  const target = readUnsubscribeToken(token);
  // The notice in the page's language (the contact's own, else the browser's).
  if (!target) return { valid: false, test: false, locale: fallback, unsubscribed: false, privacyNotice: await privacyNoticeFor(fallback) };
  if (target.contactId === null) return { valid: true, test: true, locale: fallback, unsubscribed: false, privacyNotice: await privacyNoticeFor(fallback) };
  const contact = await db.contact.findUnique({ where: { id: target.contactId }, select: { language: true, subscriptionStatus: true } });
  const locale = contact?.language && isLocale(contact.language) ? contact.language : fallback;
  // An erased contact is already off every list.
  return { valid: true, test: false, locale, unsubscribed: !contact || contact.subscriptionStatus !== "SUBSCRIBED", privacyNotice: await privacyNoticeFor(locale) };
}

export type UnsubscribeResult = { ok: false } | { ok: true; changed: boolean; locale: Locale; test: boolean };

/** Unsubscribes the token's contact at once; idempotent. Nothing changes for a bad token. */
export async function unsubscribeByToken(token: string | undefined, ip: string | null, fallback: Locale): Promise<UnsubscribeResult> {
  const target = readUnsubscribeToken(token);
  if (!target) return { ok: false };
  if (target.contactId === null) return { ok: true, changed: false, locale: fallback, test: true };
  const contact = await db.contact.findUnique({ where: { id: target.contactId }, select: { language: true, subscriptionStatus: true } });
  const locale = contact?.language && isLocale(contact.language) ? contact.language : fallback;
  if (!contact || contact.subscriptionStatus !== "SUBSCRIBED") return { ok: true, changed: false, locale, test: false };
  const { changed } = await setSubscription({ userId: null, ip: ip ?? "unsubscribe-link" }, target.contactId, "UNSUBSCRIBED");
  return { ok: true, changed, locale, test: false };
}
