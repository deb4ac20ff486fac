/**
 * Below a contributed section: links to the pages where its computed figures are kept (decision
 * 025), its subsections, and (on the section the area was given) «send for review».
 */
import { Link } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { IntentButton } from "../intent-button";

const ENQUIRY_SECTIONS = new Set(["enquiries", "annex_enquiries"]);
const CNCS_SECTIONS = new Set(["cncs", "cncs_social", "media"]);

export function RecordLinks({ month, section }: { month: string; section: string }) {
  const t = useT();
  return (
    <>
      {ENQUIRY_SECTIONS.has(section) ? (
        <p className="section-extras__link">
          <Link to={`/enquiries/${month}`}>{t("reports.enquiriesLink")}</Link>
        </p>
      ) : null}
      {CNCS_SECTIONS.has(section) ? (
        <p className="section-extras__link">
          <Link to={`/communications/months/${month}`}>{t("communications.reportLink.title")}</Link>
        </p>
      ) : null}
    </>
  );
}

export function Subsections({ month, sections }: { month: string; sections: readonly { key: string; heading: string }[] }) {
  const t = useT();
  if (sections.length === 0) return null;
  return (
    <Card title={t("contribute.section.children")}>
      <ul>
        {sections.map((child) => (
          <li key={child.key}>
            <Link to={`/contribute/${month}/${child.key}`}>{child.heading}</Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function SubmitPanel({ busy }: { busy: boolean }) {
  const t = useT();
  return (
    <Card title={t("contribute.section.submitTitle")}>
      <p className="muted">{t("contribute.section.submitHint")}</p>
      <IntentButton intent="submit" label={t("contribute.section.submit")} primary busy={busy} />
    </Card>
  );
}
