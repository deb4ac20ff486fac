import { ConfirmDialog } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { EnquiryFigures } from "~/modules/enquiries";
import { EnquiryFiguresView } from "./enquiries";
import { Rejections } from "./rejections";

export type Review = {
  sha256: string;
  fileName: string;
  encoding: string;
  delimiter: string;
  columns: Array<{ header: string; column: string | null }>;
  problem: string | null;
  rows: number;
  rejectedCount: number;
  rejected: Array<{ line: number; reason: string; raw: string }>;
  replaces: number;
  previous: { fileName: string } | null;
  preview: EnquiryFigures | null;
};

/**
 * What importing an uploaded file would do: the columns read, the rows kept and refused, the
 * figures it would give, and the confirmation (with the counts seen, so a stale one is refused).
 */
export function ImportReview({ month, review, names, busy }: { month: string; review: Review; names: Record<string, string>; busy: boolean }) {
  const t = useT();
  const replacing = review.replaces > 0;
  return (
    <section className="panel" aria-labelledby="review-title" id="review">
      <h2 id="review-title" className="enq-wrap">
        {t("enquiries.review.title", { file: review.fileName })}
      </h2>
      <p className="muted">{t("enquiries.review.detected", { encoding: review.encoding, delimiter: review.delimiter })}</p>
      <ul>
        {review.columns.map((c, i) => (
          <li key={i} className="enq-wrap">
            «{c.header}» → {c.column ? t(`enquiries.column.${c.column}`) : t("enquiries.review.ignored")}
          </li>
        ))}
      </ul>
      {review.problem ? (
        <p className="form-error" role="alert">
          {t(`enquiries.problem.${review.problem}`)}
        </p>
      ) : (
        <>
          <p data-review="counts">{t("enquiries.review.counts", { rows: review.rows, rejected: review.rejectedCount })}</p>
          {review.rejectedCount ? <Rejections rows={review.rejected} csvHref={`/enquiries/${month}/rejections.csv?file=${review.sha256}`} /> : null}
          {review.preview ? <EnquiryFiguresView figures={review.preview} names={names} /> : null}
          {review.rows > 0 ? (
            <ConfirmDialog
              title={t("enquiries.review.confirmTitle")}
              intent="confirm"
              fields={{ file: review.sha256, fileName: review.fileName, rows: review.rows, replaces: review.replaces }}
              confirmLabel={replacing ? t("enquiries.review.confirmReplace", { count: review.replaces, rows: review.rows }) : t("enquiries.review.confirm", { count: review.rows })}
              cancelLabel={t("enquiries.review.cancel")}
              cancelTo={`/enquiries/${month}`}
              danger={replacing}
              busy={busy}
              testId="enquiry-confirm"
            >
              <span data-review="replaces">{replacing ? t("enquiries.review.replaces", { count: review.replaces, file: review.previous?.fileName ?? "—", rows: review.rows }) : t("enquiries.review.first", { rows: review.rows })}</span>
            </ConfirmDialog>
          ) : (
            <p>{t("enquiries.errors.nothingToImport")}</p>
          )}
        </>
      )}
    </section>
  );
}
