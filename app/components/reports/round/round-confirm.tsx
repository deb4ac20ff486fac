/**
 * The round's second step (decision 023): how many sections open and how many mails go out; the
 * confirm button posts the figures seen, so a round that changed meanwhile is asked again.
 */
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import type { RoundPreview } from "~/modules/reports/index.server";

export function RoundConfirm({ preview, stale, busy }: { preview: RoundPreview; stale: boolean; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="panel confirm-panel" role="status" id="round-confirm">
      {stale ? <p className="form-error">{t("contribute.round.stale")}</p> : null}
      <p>
        <strong>{t("contribute.round.willAdd", { count: preview.added.length })}</strong> {t("contribute.round.willMail", { count: preview.mails })}
      </p>
      <ul>
        {preview.added.map((a) => (
          <li key={a.key}>
            {a.heading} — {t(`ineArea.${a.area}`)} — {formatDate(a.dueOn, locale)}
          </li>
        ))}
      </ul>
      {preview.areasWithoutContributors.length ? <p className="form-error">{t("contribute.round.nobody", { areas: preview.areasWithoutContributors.map((a) => t(`ineArea.${a}`)).join(", ") })}</p> : null}
      <input type="hidden" name="seenSections" value={preview.added.length} />
      <input type="hidden" name="seenMails" value={preview.mails} />
      <div className="form-actions">
        <button type="submit" name="intent" value="confirm" className="button button--primary" disabled={busy}>
          {t("contribute.round.confirm", { count: preview.mails })}
        </button>
        <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
          {t("contribute.round.recount")}
        </button>
      </div>
    </div>
  );
}
