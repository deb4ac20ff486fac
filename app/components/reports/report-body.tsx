/**
 * The report document with what the page adds around each section: state badges under the heading;
 * after the text, the computed text beside a rewritten one, the contest cutoff, the section's
 * tables and key figures, the enquiries link and the text editor.
 */
import { Link } from "@remix-run/react";
import type { ReportDocument } from "~/modules/reports";
import type { RoundRow, SectionView } from "~/modules/reports/index.server";
import { useT } from "~/i18n/use-t";
import { CutoffForm } from "./cutoff-form";
import { NarrativeEditor } from "./narrative-editor";
import { ReportDocumentView } from "./report-document";
import { SectionExtras } from "./section-extras";
import { ComputedBeside, SectionStateLine } from "./section-review";

type Props = {
  month: string;
  doc: ReportDocument;
  sections: readonly SectionView[];
  roundRows: readonly RoundRow[];
  editable: boolean;
  contestCutoffOn: string | null;
  /** The reply to the last post: which form, its errors and what was typed. */
  reply: { intent: string; section?: string; errors: Record<string, string>; values: Record<string, string> } | null;
  busy: boolean;
};

export function ReportBody({ month, doc, sections, roundRows, editable, contestCutoffOn, reply, busy }: Props) {
  const t = useT();
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const rounds = new Map(roundRows.map((r) => [r.key, r]));
  const before = (key: string) => <SectionStateLine section={byKey.get(key)} round={rounds.get(key)} />;
  const after = (key: string) => {
    const s = byKey.get(key);
    if (!s) return null;
    const mine = reply?.intent === "narrative" && reply.section === key;
    const parts = [
      s.state === "rewritten" ? <ComputedBeside key="computed" section={s} /> : null,
      editable && s.computed === "contest" ? <CutoffForm key="cutoff" month={month} value={reply?.intent === "cutoff" ? (reply.values.cutoff ?? "") : (contestCutoffOn ?? "")} error={reply?.intent === "cutoff" ? reply.errors.cutoff : undefined} busy={busy} /> : null,
      // Tables, annex files and key figures of a written section (decision 025).
      editable && s.kind !== "COMPUTED" ? <SectionExtras key="extras" month={month} section={s} /> : null,
      s.computed === "enquiries" ? (
        <p key="enquiries" className="section-extras__link">
          <Link to={`/enquiries/${month}`}>{t("reports.enquiriesLink")}</Link>
        </p>
      ) : null,
      editable ? <NarrativeEditor key="editor" month={month} section={s} errors={mine ? reply.errors : {}} value={mine ? reply.values.text : undefined} open={mine} busy={busy} /> : null,
    ].filter(Boolean);
    return parts.length ? <>{parts}</> : null;
  };
  return <ReportDocumentView doc={doc} before={before} after={after} pendingLabel={t("reports.sectionState.pending")} />;
}
