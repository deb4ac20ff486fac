import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { rankingColumns } from "~/components/jury/ranking";
import { fmt, pageTitle } from "~/components/jury/ui";
import { DataTable } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { contestResults } from "~/modules/jury/index.server";
import { idParam } from "~/lib/params";
import { formatDate } from "~/lib/format";
import { refusalResponse } from "~/lib/http.server";

export const meta = pageTitle("jury.verdict.title");

/** The printable verdict (acta de dictamen): ranking, winners, jurors' names and the date. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, ["manage:jury", "read:jury-results"]);
  const results = await contestResults(idParam(request, params.contestId, "key")).catch(refusalResponse);
  return { ...results, printedAt: new Date().toISOString() };
}

export default function VerdictPage() {
  const r = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const day = (d: string | Date) => formatDate(d, locale, "long");
  const winners = r.rows.filter((row) => row.award).sort((a, b) => a.award!.place - b.award!.place);
  const ranking = rankingColumns<(typeof r.rows)[number]>(t);
  const resultsSession = [...r.sessions].reverse().find((s) => s.kind === "RESULTS");
  return (
    <article className="jy-verdict">
      <p className="jy-noprint">
        <Link to={`/jury/${r.contest.id}/results`}>← {t("jury.nav.results")}</Link>{" "}
        <button type="button" className="button" onClick={() => window.print()}>
          {t("jury.verdict.print")}
        </button>
      </p>
      <h1>{t("jury.verdict.heading")}</h1>
      <p style={{ textAlign: "center" }}>{r.contest.name}</p>
      {!r.contest.juryClosed ? <p className="form-error jy-noprint">{t("jury.verdict.draftWarning")}</p> : null}
      <p>{t("jury.verdict.intro", { count: r.jurors.length, date: day(resultsSession?.heldAt ?? r.printedAt) })}</p>
      <h2>{t("jury.verdict.winners")}</h2>
      {winners.length === 0 ? (
        <p>{t("jury.verdict.noWinners")}</p>
      ) : (
        <ol>
          {winners.map((w) => (
            <li key={w.submissionId} value={w.award!.place}>
              {w.folio} · {w.title} — {w.organisation} ({fmt(w.score)}){w.award!.prize ? ` · ${w.award!.prize}` : ""}
            </li>
          ))}
        </ol>
      )}
      <h2>{t("jury.verdict.ranking")}</h2>
      <DataTable label={t("jury.verdict.ranking")} columns={[ranking.rank, ranking.project, ranking.score, ranking.evaluators]} rows={r.rows} rowKey={(row) => row.submissionId} />
      <p>{t("jury.verdict.method")}</p>
      <p>{t("jury.verdict.place", { date: day(r.printedAt) })}</p>
      <div className="jy-signatures">
        {r.jurors.map((j) => (
          <div key={j.userId}>
            {j.name}
            <br />
            <small>{j.designationRef ?? ""}</small>
          </div>
        ))}
      </div>
    </article>
  );
}
