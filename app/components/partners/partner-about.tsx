import { Link } from "@remix-run/react";
import { Card, Facts } from "~/components/ui";
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
      <Facts
        items={[
          { label: t("partners.fields.parent"), value: partner.parent ? <Link to={`/partners/${partner.parent.id}`}>{partner.parent.name}</Link> : null },
          {
            label: t("partners.fields.website"),
            value: partner.website ? (
              <a href={partner.website} rel="noreferrer noopener" target="_blank">
                {partner.website}
              </a>
            ) : null,
          },
          { label: t("partners.fields.tags"), value: partner.tags.join(", ") },
          { label: t("partners.fields.notes"), value: partner.notes, className: "notes" },
          { label: t("partners.detail.children"), value: partner.children.map((c) => <Link key={c.id} to={`/partners/${c.id}`}>{c.name}</Link>) },
        ]}
      />
    </Card>
  );
}
