/**
 * The contribution round on the report page (decision 025): each section's area, due date (red
 * when overdue), state, who changed it and when, the return note; «Marcar revisada» and
 * «Devolver con nota» on a submitted section. The forms post to /reports/<month>/round.
 */
import { Form, Link } from "@remix-run/react";
import { StatusBadge, toneMap } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import type { RoundRow } from "~/modules/reports/index.server";

export const CONTRIBUTION_TONES = toneMap({ PENDING: "warning", IN_PROGRESS: "info", SUBMITTED: "accent", REVIEWED: "success" });

/** A section's state in a badge («Pendiente», «En edición», «Entregada», «Revisada»). */
export function ContributionBadge({ state }: { state: string }) {
  const t = useT();
  return <StatusBadge tone={CONTRIBUTION_TONES(state)} label={t(`contribute.state.${state}`)} />;
}

/** The due date, with «vencida» in red once past and not yet handed in. */
export function DueDate({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span className={overdue ? "contrib-overdue" : undefined}>
      {t("contribute.due", { date: formatDate(dueOn, locale) })}
      {overdue ? ` — ${t("contribute.overdue")}` : null}
    </span>
  );
}

export type RoundPanelData = { rows: RoundRow[]; missing: number; today: string };

/** The badge line a section of the round shows above its text on the report page. */
export function ContributionSectionState({ row }: { row: RoundRow | undefined }) {
  const t = useT();
  if (!row) return null;
  return (
    <span className="contrib-item__meta" data-contribution={row.key}>
      <span>{t(`ineArea.${row.area}`)}</span>
      <ContributionBadge state={row.state} />
      <DueDate dueOn={row.dueOn} overdue={row.overdue} />
    </span>
  );
}

export function ContributionsPanel({ month, round, editable, busy }: { month: string; round: RoundPanelData; editable: boolean; busy?: boolean }) {
  const t = useT();
  const formatInstant = useFormatDate();
  const action = `/reports/${month}/round`;
  const { rows, missing } = round;
  if (!editable && rows.length === 0) return null;
  return (
    <section className="panel contrib-panel" id="contributions" aria-labelledby="contributions-title">
      <h2 id="contributions-title">{t("contribute.round.title")}</h2>
      {rows.length === 0 ? <p className="muted">{t("contribute.round.none")}</p> : <p className="muted">{t("contribute.round.summary", { count: rows.length, submitted: rows.filter((r) => r.state === "SUBMITTED" || r.state === "REVIEWED").length })}</p>}
      {editable && missing > 0 ? (
        <p>
          <Link className="button button--primary" to={action}>
            {rows.length === 0 ? t("contribute.round.open") : t("contribute.round.addMissing", { count: missing })}
          </Link>
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="contrib-list">
          {rows.map((r) => (
            <li key={r.key} className="contrib-item" data-contribution={r.key}>
              <h3 className="contrib-item__title">
                <a href={`#${r.key}`}>{r.number ? `${r.number} ${r.title}` : r.title}</a>
              </h3>
              <p className="contrib-item__meta">
                <span>{t(`ineArea.${r.area}`)}</span>
                <ContributionBadge state={r.state} />
                <DueDate dueOn={r.dueOn} overdue={r.overdue} />
              </p>
              <p className="contrib-item__meta muted">
                {r.changedBy ? t("contribute.changedBy", { name: r.changedBy, when: formatInstant(r.changedAt) }) : t("contribute.changedAt", { when: formatInstant(r.changedAt) })}
              </p>
              {r.returnNote && r.state === "IN_PROGRESS" ? (
                <p className="contrib-item__note">
                  <strong>{t("contribute.returnNote")}:</strong> {r.returnNote}
                </p>
              ) : null}
              {editable && (r.state === "SUBMITTED" || r.state === "REVIEWED") ? (
                <div className="contrib-item__actions">
                  {r.state === "SUBMITTED" ? (
                    <Form method="post" action={action}>
                      <input type="hidden" name="section" value={r.key} />
                      <button type="submit" name="intent" value="review" className="button button--primary" disabled={busy}>
                        {t("contribute.review.submit")}
                      </button>
                    </Form>
                  ) : null}
                  <details>
                    <summary>{t("contribute.return.title")}</summary>
                    <Form method="post" action={action} noValidate>
                      <input type="hidden" name="section" value={r.key} />
                      <label htmlFor={`return-note-${r.key}`}>{t("contribute.return.note")}</label>
                      <p className="hint muted" id={`return-note-${r.key}-hint`}>
                        {t("contribute.return.hint")}
                      </p>
                      <textarea id={`return-note-${r.key}`} name="note" maxLength={2000} required aria-describedby={`return-note-${r.key}-hint`} />
                      <button type="submit" name="intent" value="return" className="button" disabled={busy}>
                        {t("contribute.return.submit")}
                      </button>
                    </Form>
                  </details>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
