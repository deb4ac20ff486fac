import { DataTable, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export type RubricCriterion = { id: string; name: string; description: string | null; weight: number; scaleMin: number; scaleMax: number; levels: Record<string, string>; tieBreakRank: number | null };

/** The rubric as it reads: each criterion with its level descriptors, weight, scale and tie-break order. */
export function RubricTable({ criteria, total }: { criteria: readonly RubricCriterion[]; total: number }) {
  const t = useT();
  const columns: Column<RubricCriterion>[] = [
    {
      key: "name",
      header: t("contest.rubric.name"),
      primary: true,
      className: "ct-wrap",
      cell: (c) => (
        <>
          <strong>{c.name}</strong>
          {c.description ? <p className="muted">{c.description}</p> : null}
          <ol className="ct-levels" start={c.scaleMin}>
            {Object.entries(c.levels).map(([level, text]) => (
              <li key={level} value={Number(level)}>
                {text}
              </li>
            ))}
          </ol>
        </>
      ),
    },
    { key: "weight", header: t("contest.rubric.weight"), cell: (c) => `${c.weight} %` },
    { key: "scale", header: t("contest.rubric.scale"), cell: (c) => `${c.scaleMin}–${c.scaleMax}` },
    { key: "tieBreak", header: t("contest.rubric.tieBreak"), cell: (c) => c.tieBreakRank ?? t("common.none") },
  ];
  return <DataTable label={t("contest.rubric.title")} columns={columns} rows={criteria} rowKey={(c) => c.id} totals={{ name: t("contest.rubric.total"), weight: `${Math.round(total * 100) / 100} %` }} />;
}
