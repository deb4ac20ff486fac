/**
 * The ranking's columns, shared by the results page and the printable verdict: rank, project,
 * weighted score, evaluators. The results page adds its own columns between and after them.
 *
 *   const c = rankingColumns(t);
 *   <DataTable columns={[c.rank, c.project, c.score, c.evaluators]} rows={r.rows} … />
 */
import type { Column } from "~/components/ui";
import type { T } from "~/i18n";
import { fmt } from "./ui";

export type RankedRow = { submissionId: string; rank: number; score: number | null; folio: string; title: string; organisation: string | null; evaluators: number };

export function rankingColumns<Row extends RankedRow>(t: T) {
  const rank: Column<Row> = { key: "rank", header: t("jury.results.rank"), align: "end", cell: (row) => (row.score === null ? "—" : row.rank) };
  const project: Column<Row> = {
    key: "project",
    header: t("jury.results.project"),
    primary: true,
    className: "jy-project",
    cell: (row) => (
      <>
        {row.folio} · {row.title}
        <div className="muted">{row.organisation}</div>
      </>
    ),
  };
  const score: Column<Row> = { key: "score", header: t("jury.results.score"), align: "end", cell: (row) => fmt(row.score) };
  const evaluators: Column<Row> = { key: "evaluators", header: t("jury.results.evaluators"), align: "end", cell: (row) => row.evaluators };
  return { rank, project, score, evaluators };
}
