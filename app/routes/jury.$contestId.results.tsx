import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { fmt, FormError, pageTitle } from "~/components/jury/ui";
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

export default function ResultsPage() {
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
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
      <div className="table-wrap">
        <table className="jy-table jy-results">
          <caption className="sr-only">{t("jury.results.ranking")}</caption>
          <thead>
            <tr>
              <th className="num">{t("jury.results.rank")}</th>
              <th>{t("jury.results.project")}</th>
              <th className="num">{t("jury.results.score")}</th>
              <th className="num">{t("jury.results.normalised")}</th>
              <th className="num">{t("jury.results.evaluators")}</th>
              {r.criteria.map((c) => (
                <th key={c.id} className="num" title={t("jury.results.criterionHint")}>
                  {c.name} ({c.weight} %)
                </th>
              ))}
              {r.contest.juryClosed ? r.jurors.map((j) => <th key={j.userId} className="num">{j.name}</th>) : null}
              <th>{t("jury.results.flags")}</th>
              <th>{t("jury.results.award")}</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.submissionId}>
                <td className="num">{row.score === null ? "—" : row.rank}</td>
                <td>
                  {row.folio} · {row.title}
                  <div className="muted">{row.organisation}</div>
                </td>
                <td className="num">
                  <strong>{fmt(row.score)}</strong>
                </td>
                <td className="num">{fmt(row.normalisedScore)}</td>
                <td className="num">{row.evaluators}</td>
                {r.criteria.map((c) => (
                  <td key={c.id} className="num">
                    {row.criteria[c.id] === null || row.criteria[c.id] === undefined ? "—" : fmt(row.criteria[c.id]! * 100, 1)}
                  </td>
                ))}
                {r.contest.juryClosed
                  ? r.jurors.map((j) => (
                      <td key={j.userId} className="num">
                        {fmt(row.jurors.find((x) => x.userId === j.userId)?.total)}
                      </td>
                    ))
                  : null}
                <td>
                  {row.dispersionAlert ? <span className="badge badge--off jy-flag">{t("jury.results.dispersionSd", { sd: fmt(row.stdDev, 1) })}</span> : null}
                  {row.unresolvedTie ? <span className="badge badge--draft jy-flag">{t("jury.results.tie")}</span> : null}
                  {row.tieBrokenByName ? <span className="jy-flag muted">{t("jury.results.tieBroken", { criterion: row.tieBrokenByName })}</span> : null}
                </td>
                <td>
                  {row.award ? (
                    <>
                      <strong>{t("jury.results.place", { place: row.award.place })}</strong>
                      {row.award.prize ? ` · ${row.award.prize}` : ""}
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
