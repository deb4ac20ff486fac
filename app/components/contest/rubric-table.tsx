import { useT } from "~/i18n/use-t";

export type RubricCriterion = { id: string; name: string; description: string | null; weight: number; scaleMin: number; scaleMax: number; levels: Record<string, string>; tieBreakRank: number | null };

/** The rubric as it reads: each criterion with its level descriptors, weight, scale and tie-break order. */
export function RubricTable({ criteria, total }: { criteria: readonly RubricCriterion[]; total: number }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t("contest.rubric.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("contest.rubric.name")}</th>
            <th scope="col">{t("contest.rubric.weight")}</th>
            <th scope="col">{t("contest.rubric.scale")}</th>
            <th scope="col">{t("contest.rubric.tieBreak")}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((c) => (
            <tr key={c.id}>
              <td className="ct-wrap">
                <strong>{c.name}</strong>
                {c.description ? <p className="muted">{c.description}</p> : null}
                <ol className="ct-levels" start={c.scaleMin}>
                  {Object.entries(c.levels).map(([level, text]) => (
                    <li key={level} value={Number(level)}>
                      {text}
                    </li>
                  ))}
                </ol>
              </td>
              <td>{c.weight} %</td>
              <td>
                {c.scaleMin}–{c.scaleMax}
              </td>
              <td>{c.tieBreakRank ?? t("common.none")}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("contest.rubric.total")}</th>
            <td>{Math.round(total * 100) / 100} %</td>
            <td colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
