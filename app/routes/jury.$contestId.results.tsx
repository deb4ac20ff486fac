import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { rankingColumns } from "~/components/jury/ranking";
import { fmt, FormError, pageTitle } from "~/components/jury/ui";
import { DataTable, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { removeAward, saveAward, juryActor, contestResults } from "~/modules/jury/index.server";
import { awardSchema } from "~/modules/jury";
import { formBody, idParam } from "~/lib/params";
import { domainErrorAnswer, refusalResponse } from "~/lib/http.server";

export const meta = pageTitle("jury.results.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, ["manage:jury", "read:jury-results"]);
  const results = await contestResults(idParam(request, params.contestId, "key")).catch(refusalResponse);
  return { ...results, canManage: can(user.role, "manage:jury") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:jury");
  const contestId = idParam(request, params.contestId, "key");
  const values: Record<string, string> = {};
  for (const [k, v] of await formBody(request)) if (typeof v === "string") values[k] = v;
  try {
    if (values.intent === "removeAward") {
      await removeAward(juryActor(user, request), contestId, values.submissionId ?? "");
      return redirectWithToast(`/jury/${contestId}/results`, { kind: "success", message: "jury.results.awardRemoved" });
    }
    const parsed = awardSchema.safeParse(values);
    if (!parsed.success) return data({ ok: false as const, errors: fieldErrors(parsed.error), params: {}, values }, { status: 400 });
    await saveAward(juryActor(user, request), contestId, parsed.data);
    return redirectWithToast(`/jury/${contestId}/results`, { kind: "success", message: "jury.results.awardSaved" });
  } catch (error) {
    return domainErrorAnswer(error, values);
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function ResultsPage() {
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const ranking = rankingColumns<Row>(t);
  const columns: Column<Row>[] = [
    ranking.rank,
    ranking.project,
    { ...ranking.score, cell: (row) => <strong>{fmt(row.score)}</strong> },
    { key: "normalised", header: t("jury.results.normalised"), align: "end", cell: (row) => fmt(row.normalisedScore) },
    ranking.evaluators,
    ...r.criteria.map((c): Column<Row> => ({
      key: `criterion-${c.id}`,
      header: <span title={t("jury.results.criterionHint")}>{`${c.name} (${c.weight} %)`}</span>,
      label: `${c.name} (${c.weight} %)`,
      align: "end",
      cell: (row) => (row.criteria[c.id] === null || row.criteria[c.id] === undefined ? "—" : fmt(row.criteria[c.id]! * 100, 1)),
    })),
    ...(r.contest.juryClosed ? r.jurors.map((j): Column<Row> => ({ key: `juror-${j.userId}`, header: j.name, align: "end", cell: (row) => fmt(row.jurors.find((x) => x.userId === j.userId)?.total) })) : []),
    {
      key: "flags",
      header: t("jury.results.flags"),
      cell: (row) => (
        <>
          {row.dispersionAlert ? <span className="badge badge--off jy-flag">{t("jury.results.dispersionSd", { sd: fmt(row.stdDev, 1) })}</span> : null}
          {row.unresolvedTie ? <span className="badge badge--draft jy-flag">{t("jury.results.tie")}</span> : null}
          {row.tieBrokenByName ? <span className="jy-flag muted">{t("jury.results.tieBroken", { criterion: row.tieBrokenByName })}</span> : null}
        </>
      ),
    },
    {
      key: "award",
      header: t("jury.results.award"),
      cell: (row) =>
        row.award ? (
          <>
            <strong>{t("jury.results.place", { place: row.award.place })}</strong>
            {row.award.prize ? ` · ${row.award.prize}` : ""}
          </>
        ) : null,
    },
  ];
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/jury">← {t("jury.title")}</Link>
          {r.canManage ? (
            <>
              {" · "}
              <Link to={`/jury/${r.contest.id}/setup`}>{t("jury.nav.setup")}</Link>
            </>
          ) : null}
        </p>
        <h1>{t("jury.results.heading", { contest: r.contest.name })}</h1>
        <p className="jy-inline">
          <a className="button" href={`/jury/${r.contest.id}/results.csv`} download>
            {t("jury.results.csv")}
          </a>
          <Link className="button" to={`/jury/${r.contest.id}/verdict`}>
            {t("jury.results.verdict")}
          </Link>
        </p>
        <p className="muted">{r.contest.juryClosed ? t("jury.results.closedNote") : t("jury.results.openNote")}</p>
        <p className="muted">{t("jury.results.method", { threshold: r.contest.dispersionThreshold })}</p>
      </header>
      <DataTable label={t("jury.results.ranking")} columns={columns} rows={r.rows} rowKey={(row) => row.submissionId} className="jy-results" />
      {r.canManage ? (
        <section className="panel jy-section" aria-labelledby="awards-heading">
          <h2 id="awards-heading">{t("jury.results.awardsTitle")}</h2>
          {r.rows.some((row) => row.award) ? (
            <ul className="jy-list">
              {r.rows
                .filter((row) => row.award)
                .sort((a, b) => a.award!.place - b.award!.place)
                .map((row) => (
                  <li key={row.submissionId} className="jy-item">
                    <span>
                      <strong>{t("jury.results.place", { place: row.award!.place })}</strong> · {row.folio} · {row.title}
                      {row.award!.prize ? ` · ${row.award!.prize}` : ""}
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="removeAward" />
                      <input type="hidden" name="submissionId" value={row.submissionId} />
                      <button type="submit" className="link-button" disabled={navigation.state !== "idle"}>
                        {t("jury.results.removeAward")}
                      </button>
                    </Form>
                  </li>
                ))}
            </ul>
          ) : null}
          <Form method="post" className="jy-inline" noValidate>
            <div className="field">
              <label htmlFor="award-project">{t("jury.results.project")}</label>
              <select id="award-project" name="submissionId" defaultValue={values.submissionId}>
                {r.rows.map((row) => (
                  <option key={row.submissionId} value={row.submissionId}>
                    {row.folio} · {row.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="award-place">{t("jury.results.placeLabel")}</label>
              <input id="award-place" name="place" type="number" min="1" defaultValue={values.place ?? ""} aria-invalid={errors.place ? true : undefined} />
            </div>
            <div className="field">
              <label htmlFor="award-prize">{t("jury.results.prize")}</label>
              <input id="award-prize" name="prize" defaultValue={values.prize ?? ""} />
            </div>
            <div className="field">
              <label htmlFor="award-notes">{t("jury.results.notes")}</label>
              <input id="award-notes" name="notes" defaultValue={values.notes ?? ""} />
            </div>
            <button type="submit" className="button button--primary" disabled={navigation.state !== "idle"}>
              {t("jury.results.saveAward")}
            </button>
          </Form>
          <FormError error={errors.place ?? errors.prize ?? errors.notes ?? errors._form} />
        </section>
      ) : null}
    </>
  );
}
