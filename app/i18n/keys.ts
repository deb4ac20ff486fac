/**
 * The message keys, typed from the Spanish catalogue (the source language): `t("contacts.lsit")`
 * fails `tsc`. Type-only imports: nothing here reaches a bundle. A key with plural variants
 * ("x_one", "x_other") is called by its base ("x") with params.count.
 */
import type common from "./es/common.json";
import type auth from "./es/auth.json";
import type admin from "./es/admin.json";
import type mail from "./es/mail.json";
import type contacts from "./es/contacts.json";
import type contactsImport from "./es/contactsImport.json";
import type contactDetail from "./es/contactDetail.json";
import type partners from "./es/partners.json";
import type events from "./es/events.json";
import type bulletins from "./es/bulletins.json";
import type contest from "./es/contest.json";
import type portal from "./es/portal.json";
import type jury from "./es/jury.json";
import type materials from "./es/materials.json";
import type reports from "./es/reports.json";
import type meetings from "./es/meetings.json";
import type contribute from "./es/contribute.json";
import type communications from "./es/communications.json";

type Catalogue = typeof common & typeof auth & typeof admin & typeof mail & typeof contacts & typeof contactsImport &
  typeof contactDetail & typeof partners & typeof events & typeof bulletins & typeof contest & typeof portal & typeof jury &
  typeof materials & typeof reports & typeof meetings & typeof contribute & typeof communications;

type PluralBase<K extends string> = K extends `${infer Base}_${"zero" | "one" | "two" | "few" | "many" | "other"}` ? Base : K;

export type MessageKey = PluralBase<keyof Catalogue & string>;
