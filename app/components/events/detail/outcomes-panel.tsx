import { Link } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { formatNumber } from "../labels";

type Figures = { attendance?: number | null; appointments?: number | null; registrationRequests?: number | null; handedOut?: number | null; appointmentsPer1000?: number | null; registrationRequestsPer1000?: number | null; signupsPer1000?: number | null };

/** What the event achieved: attendance, appointments, sign-ups, hand-outs and the notes. */
export function OutcomesPanel({
  recordedAt,
  recordedBy,
  notes,
  figures,
  signups,
  handouts,
  withMaterials,
}: {
  recordedAt: string | Date | null;
  recordedBy: string | null;
  notes: string | null;
  figures: Figures;
  signups: { signups: number; confirmed: number };
  handouts: ReadonlyArray<{ materialId: string; name: string; quantity: number }>;
  withMaterials: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const formatDate = useFormatDate();
  const shown = (
    [
      ["attendance", figures.attendance],
      ["appointments", figures.appointments],
      ["registrationRequests", figures.registrationRequests],
      ["signups", signups.signups],
      ["confirmedSignups", signups.confirmed],
      ["handedOut", figures.handedOut],
      ["appointmentsPer1000", figures.appointmentsPer1000],
      ["registrationRequestsPer1000", figures.registrationRequestsPer1000],
      ["signupsPer1000", figures.signupsPer1000],
    ] as const
  ).filter(([, value]) => value !== undefined);
  return (
    <Card title={t("events.outcomes.title")}>
      <p className="muted">{recordedAt ? t("events.outcomes.recordedBy", { name: recordedBy ?? t("common.none"), date: formatDate(recordedAt) }) : t("events.outcomes.notRecorded")}</p>
      <dl className="ev-figures" aria-label={t("events.figures.title")}>
        {shown.map(([key, value]) => (
          <div key={key} data-figure={key}>
            <dt>{t(`events.figures.${key}`)}</dt>
            <dd>{formatNumber(value, locale)}</dd>
          </div>
        ))}
      </dl>
      {withMaterials ? <p className="muted">{t("events.figures.per1000Hint")}</p> : null}
      {handouts.length ? (
        <>
          <h3>{t("events.outcomes.handouts")}</h3>
          <ul>
            {handouts.map((h) => (
              <li key={h.materialId}>
                <Link to={`/materials/${h.materialId}`}>{h.name}</Link>: {formatNumber(h.quantity, locale)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {notes ? (
        <>
          <h3>{t("events.fields.outcomeNotes")}</h3>
          <p className="ev-notes">{notes}</p>
        </>
      ) : null}
    </Card>
  );
}
