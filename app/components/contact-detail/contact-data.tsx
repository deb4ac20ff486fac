import { Fragment, type ReactNode } from "react";
import { Card } from "~/components/ui";
import { countryName, stateName } from "~/components/contacts/labels";
import { hasKey } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";

export type ContactView = {
  id: number;
  email: string;
  givenName: string | null;
  familyName: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  language: string | null;
  phone: string | null;
  tags: string[];
  source: string;
  sourceDetail: string | null;
  notes: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  consentStatus: string;
  subscriptionStatus: string;
};

/** The contact's own fields as a definition list; an empty value says so. */
export function ContactData({ contact }: { contact: ContactView }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const value = (v: ReactNode) => v || <span className="cd-empty-value">{t("common.none")}</span>;
  const language = contact.language ? (hasKey(locale, `contacts.form.languages.${contact.language}`) ? t(`contacts.form.languages.${contact.language}`) : contact.language) : null;
  const rows: Array<[string, ReactNode]> = [
    [t("contacts.form.fields.email"), contact.email],
    [t("contacts.form.fields.givenName"), value(contact.givenName)],
    [t("contacts.form.fields.familyName"), value(contact.familyName)],
    [t("contacts.form.fields.country"), value(contact.country ? countryName(contact.country, locale) : null)],
    [t("contacts.form.fields.state"), value(contact.state ? stateName(contact.state) : null)],
    [t("contacts.form.fields.city"), value(contact.city)],
    [t("contacts.form.fields.language"), value(language)],
    [t("contacts.form.fields.phone"), value(contact.phone)],
    [
      t("contacts.form.fields.tags"),
      contact.tags.length > 0 ? (
        <ul className="cd-tags" aria-label={t("contacts.form.fields.tags")}>
          {contact.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : (
        value(null)
      ),
    ],
    [t("contacts.detail.source"), `${t(`contacts.source.${contact.source}`)}${contact.sourceDetail ? ` · ${contact.sourceDetail}` : ""}`],
    [t("contacts.form.fields.notes"), value(contact.notes)],
    [t("contacts.detail.createdAt"), formatDate(contact.createdAt)],
    [t("contacts.detail.updatedAt"), formatDate(contact.updatedAt)],
  ];
  return (
    <Card title={t("contacts.detail.data")}>
      <dl className="cd-details">
        {rows.map(([label, v]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{v}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}
