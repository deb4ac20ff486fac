/**
 * Translations. Spanish (es-MX) is the default; English is available. Each area keeps its own
 * namespace file per language; keys are flat strings ("auth.login.title") and unique across files.
 * Values may hold {placeholders}; a key with "_one"/"_other" variants is chosen by params.count.
 */
import esCommon from "./es/common.json";
import enCommon from "./en/common.json";
import esAuth from "./es/auth.json";
import enAuth from "./en/auth.json";
import esAdmin from "./es/admin.json";
import enAdmin from "./en/admin.json";
import esMail from "./es/mail.json";
import enMail from "./en/mail.json";
import esContacts from "./es/contacts.json";
import enContacts from "./en/contacts.json";
import esContactsImport from "./es/contactsImport.json";
import enContactsImport from "./en/contactsImport.json";
import esContactDetail from "./es/contactDetail.json";
import enContactDetail from "./en/contactDetail.json";
import esPartners from "./es/partners.json";
import enPartners from "./en/partners.json";
import esEvents from "./es/events.json";
import enEvents from "./en/events.json";
import esBulletins from "./es/bulletins.json";
import enBulletins from "./en/bulletins.json";
import esContest from "./es/contest.json";
import enContest from "./en/contest.json";
import esJury from "./es/jury.json";
import enJury from "./en/jury.json";
import esMaterials from "./es/materials.json";
import enMaterials from "./en/materials.json";
import esReports from "./es/reports.json";
import enReports from "./en/reports.json";
import esMeetings from "./es/meetings.json";
import enMeetings from "./en/meetings.json";
import esContribute from "./es/contribute.json";
import enContribute from "./en/contribute.json";
import esCommunications from "./es/communications.json";
import enCommunications from "./en/communications.json";

export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es";

export const CATALOGS: Record<Locale, Record<string, Record<string, string>>> = {
  es: { common: esCommon, auth: esAuth, admin: esAdmin, mail: esMail, contacts: esContacts, contactsImport: esContactsImport, contactDetail: esContactDetail, partners: esPartners, events: esEvents, bulletins: esBulletins, contest: esContest, jury: esJury, materials: esMaterials, reports: esReports, meetings: esMeetings, contribute: esContribute, communications: esCommunications },
  en: { common: enCommon, auth: enAuth, admin: enAdmin, mail: enMail, contacts: enContacts, contactsImport: enContactsImport, contactDetail: enContactDetail, partners: enPartners, events: enEvents, bulletins: enBulletins, contest: enContest, jury: enJury, materials: enMaterials, reports: enReports, meetings: enMeetings, contribute: enContribute, communications: enCommunications },
};

const MESSAGES: Record<Locale, Record<string, string>> = {
  es: Object.assign({}, ...Object.values(CATALOGS.es)),
  en: Object.assign({}, ...Object.values(CATALOGS.en)),
};

export const INTL_LOCALE: Record<Locale, string> = { es: "es-MX", en: "en-US" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type TParams = Record<string, string | number>;

export function translate(locale: Locale, key: string, params?: TParams): string {
  const messages = MESSAGES[locale];
  let template: string | undefined;
  if (params && typeof params.count === "number") {
    const rule = new Intl.PluralRules(INTL_LOCALE[locale]).select(params.count);
    template = messages[`${key}_${rule}`] ?? messages[`${key}_other`];
  }
  template ??= messages[key] ?? MESSAGES[DEFAULT_LOCALE][key] ?? key;
  if (!params) return template;
  // A value that already ends a sentence ("3:18 p.m.") absorbs the template's own full stop.
  return template.replace(/\{(\w+)\}(\.?)/g, (match, name: string, stop: string) => {
    const value = params[name];
    if (value === undefined) return match;
    const text = typeof value === "number" ? value.toLocaleString(INTL_LOCALE[locale]) : value;
    return stop && text.endsWith(".") ? text : text + stop;
  });
}

export function hasKey(locale: Locale, key: string): boolean {
  return key in MESSAGES[locale];
}

export type T = (key: string, params?: TParams) => string;

export function makeT(locale: Locale): T {
  return (key, params) => translate(locale, key, params);
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
