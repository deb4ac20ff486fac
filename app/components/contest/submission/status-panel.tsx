import { Form } from "@remix-run/react";
import { Field, FormErrorSummary, SelectField, TextareaField } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { StatusBadge } from "../ui";
import type { PanelProps } from "./types";

type Move = { to: string; reasonRequired: boolean };

/** The status: a late arrival to accept (admin), the moves allowed from here, and the history. */
export function StatusPanel({ s, busy, errorsFor, moves, isAdmin, reviewOpen }: PanelProps & { moves: Move[]; isAdmin: boolean; reviewOpen: boolean }) {
  const t = useT();
  const formatDate = useFormatDate();
  const lateBlocked = s.late && !s.lateAcceptedById;
  return (
    <section className="panel" aria-labelledby="status-title">
      <h2 id="status-title">{t("contest.status.title")}</h2>
      {lateBlocked ? (
        <div className="form-error" role="status">
          <p>{t("contest.late.explain")}</p>
          {isAdmin ? (
            <Form method="post" className="ct-inline">
              <input type="hidden" name="intent" value="acceptLate" />
              <Field name="reason" idPrefix="late" label={t("contest.reason")} error={errorsFor("acceptLate").reason} required />
              <button type="submit" className="button" disabled={busy}>
                {t("contest.late.accept")}
              </button>
            </Form>
          ) : (
            <p>{t("contest.late.adminOnly")}</p>
          )}
        </div>
      ) : null}
      {!s.requiredMet && reviewOpen ? <p className="muted">{t("contest.review.notAllMet")}</p> : null}
      {moves.length ? (
        <Form method="post">
          <input type="hidden" name="intent" value="move" />
          <FormErrorSummary errors={errorsFor("move")} idPrefix="move" />
          <SelectField name="to" id="move-to" label={t("contest.status.moveTo")} options={moves.map((m) => ({ value: m.to, label: `${t(`contest.move.${m.to}`)}${m.reasonRequired ? ` (${t("contest.status.needsReason")})` : ""}` }))} />
          <TextareaField name="reason" idPrefix="move" label={t("contest.reason")} error={errorsFor("move").reason} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("contest.status.apply")}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("contest.status.noMoves")}</p>
      )}
      <h3>{t("contest.history.title")}</h3>
      <ol className="ct-history">
        {s.statusChanges.map((c) => (
          <li key={c.id}>
            <StatusBadge status={c.to} /> <span className="muted">{formatDate(c.at)}</span>
            {c.byName ? <span className="muted"> · {c.byName}</span> : null}
            {c.reason && c.reason !== "late" ? <div>{c.reason}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
