/**
 * Translations. Spanish (es-MX) is the default; English is available. Each area keeps its own
 * namespace file per language; keys are flat strings ("auth.login.title") and unique across files.
 * Values may hold {placeholders}; a key with "_one"/"_other" variants is chosen by params.count.
 *
 * The same translate() runs everywhere. On the server `#i18n/catalog` is the whole catalogue
 * (catalog.server.ts); in the browser it is a store holding only the user's language and the
 * current page's namespaces, filled from the root loader (catalog.browser.ts, decision 028).
 * Keys are typed (./keys.ts): a misspelt key fails tsc; a key built at run time from a free
 * string goes through `t.dynamic(key)` or is narrowed by `hasKey`.
 */
import { COMPLETE, MESSAGES } from "#i18n/catalog";
import { DEFAULT_LOCALE, INTL_LOCALE, LOCALES, type Locale } from "./locales";
import type { MessageKey } from "./keys";

export { DEFAULT_LOCALE, INTL_LOCALE, LOCALES, type Locale, type MessageKey };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type TParams = Record<string, string | number>;

const warned = new Set<string>();

function missing(locale: Locale, key: string): string {
  // Only the browser can lack a key that exists: its page's namespaces (app/i18n/namespaces.ts) miss it.
  if (!COMPLETE && !warned.has(key) && import.meta.env?.DEV) {
    warned.add(key);
    console.warn(`[i18n] "${key}" is not in the messages sent for this page (${locale}); add its namespace in app/i18n/namespaces.ts`);
  }
  return key;
}

/** Low level, untyped key: for server code whose keys come from data (error codes, audit actions). */
export function translate(locale: Locale, key: string, params?: TParams): string {
  const messages = MESSAGES[locale];
  let template: string | undefined;
  if (params && typeof params.count === "number") {
    const rule = new Intl.PluralRules(INTL_LOCALE[locale]).select(params.count);
    template = messages[`${key}_${rule}`] ?? messages[`${key}_other`];
  }
  template ??= messages[key] ?? MESSAGES[DEFAULT_LOCALE][key] ?? missing(locale, key);
  if (!params) return template;
  // A value that already ends a sentence ("3:18 p.m.") absorbs the template's own full stop.
  return template.replace(/\{(\w+)\}(\.?)/g, (match, name: string, stop: string) => {
    const value = params[name];
    if (value === undefined) return match;
    const text = typeof value === "number" ? value.toLocaleString(INTL_LOCALE[locale]) : value;
    return stop && text.endsWith(".") ? text : text + stop;
  });
}

/** Whether the key exists (in the browser: among the messages sent for this page). Narrows to MessageKey. */
export function hasKey(locale: Locale, key: string): key is MessageKey {
  return key in MESSAGES[locale] || `${key}_other` in MESSAGES[locale];
}

/**
 * What t() accepts for a key of type K:
 * - a literal ("contacts.title") or a union of literals: each must be a key, so a typo fails tsc;
 * - a template with free parts (`events.kind.${string}`): at least one key must match the
 *   pattern, so a misspelt prefix fails tsc;
 * - a plain `string` (an error key carried in action data, a label from a config row): its value is
 *   known only at run time; the browser warns in development when it is missing.
 */
export type KeyOf<K extends string> = string extends K
  ? K
  : K extends MessageKey
    ? K
    : [Extract<MessageKey, K>] extends [never]
      ? MessageKey
      : K;

export type T = {
  <K extends string>(key: KeyOf<K>, params?: TParams): string;
  /** Escape hatch for a key tsc cannot relate to the catalogue; keep these few. */
  dynamic(key: string, params?: TParams): string;
};

export function makeT(locale: Locale): T {
  const t = <K extends string>(key: KeyOf<K>, params?: TParams) => translate(locale, key, params);
  t.dynamic = (key: string, params?: TParams) => translate(locale, key, params);
  return t;
}

/**
 * Browser: adds the messages the root loader sent (root.tsx calls it before its children render).
 * Server: nothing to add, the catalogue is whole and shared by every request, so it is never written.
 */
export function provideMessages(locale: Locale, messages: Record<string, string> | undefined): void {
  if (COMPLETE || !messages) return;
  Object.assign(MESSAGES[locale], messages);
}

/** Picks the best supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", q] = part.trim().split(";q=");
      return { lang: tag.slice(0, 2).toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.find((r) => isLocale(r.lang))?.lang as Locale | undefined ?? DEFAULT_LOCALE;
}
