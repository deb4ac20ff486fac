/**
 * The whole catalogue, both languages: server only (loaders, e-mails, exports, PDF/DOCX, jobs).
 * `app/i18n/index.ts` reads it through the `#i18n/catalog` import (package.json "imports"): the
 * browser build resolves that to catalog.browser.ts instead, so no catalogue ships in a bundle;
 * the browser gets the messages its page needs from the root loader (decision 028).
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
import esPortal from "./es/portal.json";
import enPortal from "./en/portal.json";
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
import type { Locale } from "./locales";
import type { Namespace } from "./namespaces";

type Messages = Record<string, string>;

export const CATALOGS: Record<Locale, Record<string, Messages>> = {
  es: { common: esCommon, auth: esAuth, admin: esAdmin, mail: esMail, contacts: esContacts, contactsImport: esContactsImport, contactDetail: esContactDetail, partners: esPartners, events: esEvents, bulletins: esBulletins, contest: esContest, jury: esJury, materials: esMaterials, reports: esReports, meetings: esMeetings, contribute: esContribute, communications: esCommunications, portal: esPortal },
  en: { common: enCommon, auth: enAuth, admin: enAdmin, mail: enMail, contacts: enContacts, contactsImport: enContactsImport, contactDetail: enContactDetail, partners: enPartners, events: enEvents, bulletins: enBulletins, contest: enContest, jury: enJury, materials: enMaterials, reports: enReports, meetings: enMeetings, contribute: enContribute, communications: enCommunications, portal: enPortal },
};

/** Every key of each language, flat: what translate() reads on the server. */
export const MESSAGES: Record<Locale, Messages> = {
  es: Object.assign({}, ...Object.values(CATALOGS.es)),
  en: Object.assign({}, ...Object.values(CATALOGS.en)),
};

/** The server always knows every key: a missing one is a catalogue bug, not a namespace not yet loaded. */
export const COMPLETE = true;

/** The messages of some namespaces in one language: what the root loader sends to the browser. */
export function messagesFor(locale: Locale, namespaces: readonly Namespace[]): Messages {
  return Object.assign({}, ...namespaces.map((ns) => CATALOGS[locale][ns] ?? {}));
}
