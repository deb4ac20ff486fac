import { Link } from "@remix-run/react";
import { Card, useFormatNumber } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { MEDIA_MEDIUMS, MEDIA_TONES, MEDIA_TYPES, type MediaFigures } from "~/modules/communications";

/** The month's media notes counted by medium, tone and type, with a link to the log. */
export function MediaSummary({ month, media: m }: { month: string; media: MediaFigures }) {
  const t = useT();
  const num = useFormatNumber();
  const groups = [
    ["communications.media.byMedium", MEDIA_MEDIUMS.map((k) => [`communications.medium.${k}`, m.byMedium[k], m.shares.byMedium[k]] as const)],
    ["communications.media.byTone", MEDIA_TONES.map((k) => [`communications.tone.${k}`, m.byTone[k], m.shares.byTone[k]] as const)],
    ["communications.media.byType", MEDIA_TYPES.map((k) => [`communications.type.${k}`, m.byType[k], m.shares.byType[k]] as const)],
  ] as const;
  return (
    <Card title={t("communications.media.title")}>
      <p>
        {t("communications.media.total", { count: m.notes })}
        {m.source === "input" ? ` ${t("communications.media.fromInput")}` : ""}
      </p>
      {m.notes
        ? groups.map(([title, rows]) => (
            <div key={title}>
              <h3>{t(title)}</h3>
              <ul>
                {rows.map(([label, count, share]) => (
                  <li key={label} data-media={label}>
                    {t(label)}: {t("communications.media.countShare", { count: num(count), share })}
                  </li>
                ))}
              </ul>
            </div>
          ))
        : null}
      <p>
        <Link to={`/communications/media?month=${month}`}>{t("communications.media.openLog")}</Link>
      </p>
    </Card>
  );
}
