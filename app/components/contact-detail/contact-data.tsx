import type { ReactNode } from "react";
import { Card, Facts } from "~/components/ui";
import { countryName, stateName } from "~/components/contacts/labels";
import { hasKey } from "~/i18n";
import { contactFieldLabel, type ContactField, type ContactView } from "~/modules/contacts";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";

export type { ContactView };

/** The contact's own fields as a definition list; an empty value says so. */
export function ContactData({ contact }: { contact: ContactView }) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const value = (v: ReactNode) => v || <span className="cd-empty-value">{t("common.none")}</span>;
  const language = contact.language ? (hasKey(locale, `contacts.form.languages.${contact.language}`) ? t(`contacts.form.languages.${contact.language}`) : contact.language) : null;
  const shown: Array<[ContactField, ReactNode]> = [
    ["email", contact.email],
    ["givenName", contact.givenName],
    ["familyName", contact.familyName],
    ["country", contact.country ? countryName(contact.country, locale) : null],
    ["state", contact.state ? stateName(contact.state) : null],
    ["city", contact.city],
    ["language", language],
    ["phone", contact.phone],
    [
      "tags",
      contact.tags.length > 0 ? (
        <ul className="cd-tags" aria-label={t("contacts.form.fields.tags")}>
          {contact.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      ) : null,
    ],
    ["source", `${t(`contacts.source.${contact.source}`)}${contact.sourceDetail ? ` · ${contact.sourceDetail}` : ""}`],
    ["notes", contact.notes],
    ["createdAt", formatDate(contact.createdAt)],
  ];
  return (
    <Card title={t("contacts.detail.data")}>
      <Facts
        className="cd-details"
        items={[
          ...shown.map(([key, v]) => ({ key, label: t(contactFieldLabel(key)), value: value(v) })),
          { key: "updatedAt", label: t("contacts.detail.updatedAt"), value: formatDate(contact.updatedAt) },
        ]}
      />
    </Card>
  );
}
