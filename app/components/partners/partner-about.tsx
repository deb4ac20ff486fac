import { Link } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type About = {
  parent: { id: string; name: string } | null;
  website: string | null;
  tags: string[];
  notes: string | null;
  children: Array<{ id: string; name: string }>;
};

export function hasAbout(p: About): boolean {
  return !!(p.parent || p.website || p.tags.length || p.notes || p.children.length);
}

/** The institution's own details: parent, website, tags, notes and the institutions under it. */
export function PartnerAbout({ partner }: { partner: About }) {
  const t = useT();
  return (
    <Card title={t("partners.detail.about")} className="partner-about">
      <dl>
        {partner.parent ? (
          <>
            <dt>{t("partners.fields.parent")}</dt>
            <dd>
              <Link to={`/partners/${partner.parent.id}`}>{partner.parent.name}</Link>
            </dd>
          </>
        ) : null}
        {partner.website ? (
          <>
            <dt>{t("partners.fields.website")}</dt>
            <dd>
              <a href={partner.website} rel="noreferrer noopener" target="_blank">
                {partner.website}
              </a>
            </dd>
          </>
        ) : null}
        {partner.tags.length ? (
          <>
            <dt>{t("partners.fields.tags")}</dt>
            <dd>{partner.tags.join(", ")}</dd>
          </>
        ) : null}
        {partner.notes ? (
          <>
            <dt>{t("partners.fields.notes")}</dt>
            <dd className="notes">{partner.notes}</dd>
          </>
        ) : null}
        {partner.children.length ? (
          <>
            <dt>{t("partners.detail.children")}</dt>
            <dd>
              <ul>
                {partner.children.map((c) => (
                  <li key={c.id}>
                    <Link to={`/partners/${c.id}`}>{c.name}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}
