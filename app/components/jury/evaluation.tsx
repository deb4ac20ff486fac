import { Form, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useFormatDate, useT } from "~/i18n/use-t";
import { fmt, FormError } from "./ui";

type Criterion = { id: string; name: string; description: string | null; weight: number; scaleMin: number; scaleMax: number; levels: Record<string, string> };
type ScoreMap = Record<string, { value: number | null; comment: string | null }>;

type Project = {
  folio: string;
  title: string;
  summary: string | null;
  targetCommunities: string | null;
  targetCities: string | null;
  requestedBudget: number | null;
  currency: string;
  organisation: { name: string; city: string | null; state: string | null } | null;
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  documents: Array<{ id: string; label: string | null; index: number; sha256: string }>;
};

export function ProjectDetails({ project }: { project: Project }) {
  const t = useT();
  return (
    <section className="panel jy-section" aria-labelledby="project-heading">
      <h2 id="project-heading">{t("jury.project.title")}</h2>
      <dl className="jy-details">
        <dt>{t("jury.project.organisation")}</dt>
        <dd>{project.organisation ? [project.organisation.name, project.organisation.city, project.organisation.state].filter(Boolean).join(", ") : t("jury.workspace.organisationHidden")}</dd>
        {project.contact ? (
          <>
            <dt>{t("jury.project.contact")}</dt>
            <dd>{[project.contact.name, project.contact.email, project.contact.phone].filter(Boolean).join(" · ")}</dd>
          </>
        ) : null}
        <dt>{t("jury.project.summary")}</dt>
        <dd>{project.summary ?? "—"}</dd>
        <dt>{t("jury.project.communities")}</dt>
        <dd>{[project.targetCommunities, project.targetCities].filter(Boolean).join(" · ") || "—"}</dd>
        <dt>{t("jury.project.budget")}</dt>
        <dd>{project.requestedBudget === null ? "—" : `${project.requestedBudget.toLocaleString("es-MX", { minimumFractionDigits: 2 })} ${project.currency}`}</dd>
        <dt>{t("jury.project.documents")}</dt>
        <dd>
          {project.documents.length === 0
            ? "—"
            : project.documents.map((d) => (
                <a key={d.id} className="jy-flag" href={`/files/${d.sha256}?inline=1&name=${encodeURIComponent(d.label ?? `documento-${d.index}.pdf`)}`} target="_blank" rel="noreferrer">
                  {d.label ?? t("jury.project.documentN", { n: d.index })}
                </a>
              ))}
        </dd>
      </dl>
    </section>
  );
}

type View = {
  editable: boolean;
  refusal: string | null;
  rubric: Criterion[];
  evaluation: { state: string; overallComment: string | null; submittedAt: string | Date | null; reopenReason: string | null; scores: ScoreMap; total: number | null } | null;
};

type ActionResult = { ok: boolean; savedAt?: string; errors: Record<string, string>; params?: Record<string, string | number>; values?: Record<string, string> } | null;

/** The scoring form: radio per level with its descriptor, a comment per criterion; autosaves drafts. */
export function EvaluationForm({ view, actionData }: { view: View; actionData: ActionResult }) {
  const t = useT();
  const format = useFormatDate();
  const fetcher = useFetcher<NonNullable<ActionResult>>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [pending, setPending] = useState(false);
  const submitted = view.evaluation?.state === "SUBMITTED";
  const disabled = !view.editable;
  const posted = actionData?.values;
  const errors: Record<string, string> = { ...(actionData?.errors ?? {}), ...(fetcher.data && !fetcher.data.ok ? fetcher.data.errors : {}) };

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function saveNow() {
    if (!formRef.current) return;
    const body = new FormData(formRef.current);
    body.set("intent", "draft");
    fetcher.submit(body, { method: "post" });
    setPending(false);
  }

  function onChange() {
    if (disabled) return;
    setPending(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(saveNow, 800);
  }

  const valueOf = (c: Criterion): string => posted?.[`score.${c.id}`] ?? (view.evaluation?.scores[c.id]?.value?.toString() ?? "");
  const commentOf = (c: Criterion): string => posted?.[`comment.${c.id}`] ?? view.evaluation?.scores[c.id]?.comment ?? "";

  let saveState = "";
  if (fetcher.state !== "idle") saveState = t("jury.evaluation.saving");
  else if (pending) saveState = t("jury.evaluation.unsaved");
  else if (fetcher.data?.ok && fetcher.data.savedAt) saveState = t("jury.evaluation.saved", { time: format(fetcher.data.savedAt, { timeStyle: "short" }) });
  else if (fetcher.data && !fetcher.data.ok) saveState = t("jury.evaluation.notSaved");

  return (
    <section className="jy-section" aria-labelledby="rubric-heading">
      <h2 id="rubric-heading">{t("jury.evaluation.rubric")}</h2>
      {submitted ? (
        <p className="jy-locked" role="status">
          {t("jury.evaluation.locked", { date: view.evaluation?.submittedAt ? format(view.evaluation.submittedAt) : "" })} {t("jury.evaluation.total", { total: fmt(view.evaluation?.total) })}
        </p>
      ) : null}
      {view.evaluation?.reopenReason && !submitted ? (
        <p className="form-error" role="status">
          {t("jury.evaluation.reopened", { reason: view.evaluation.reopenReason })}
        </p>
      ) : null}
      <Form method="post" ref={formRef} onChange={onChange} noValidate>
        <FormError error={errors._form} params={actionData?.params} />
        {view.rubric.map((c) => {
          const current = valueOf(c);
          const points = Array.from({ length: c.scaleMax - c.scaleMin + 1 }, (_, i) => c.scaleMin + i);
          const error = errors[`score.${c.id}`];
          return (
            <fieldset key={c.id} className="jy-criterion" disabled={disabled} aria-describedby={error ? `err-${c.id}` : undefined}>
              <legend>
                {c.name} · {t("jury.evaluation.weight", { weight: c.weight })}
              </legend>
              {c.description ? <p className="muted">{c.description}</p> : null}
              <div className="jy-levels" role="radiogroup" aria-label={c.name}>
                {points.map((p) => (
                  <label key={p} className="jy-level">
                    <input type="radio" name={`score.${c.id}`} value={p} defaultChecked={current === String(p)} />
                    <span className="jy-level__value">{p}</span>
                    <span>{c.levels[String(p)] ?? ""}</span>
                  </label>
                ))}
              </div>
              {error ? (
                <p className="field-error" id={`err-${c.id}`}>
                  {t(error)}
                </p>
              ) : null}
              <div className="field">
                <label htmlFor={`comment-${c.id}`}>{t("jury.evaluation.comment", { criterion: c.name })}</label>
                <textarea id={`comment-${c.id}`} name={`comment.${c.id}`} rows={2} defaultValue={commentOf(c)} maxLength={5000} />
              </div>
            </fieldset>
          );
        })}
        <div className="field jy-overall">
          <label htmlFor="overall-comment">{t("jury.evaluation.overall")}</label>
          <textarea id="overall-comment" name="overallComment" rows={4} disabled={disabled} defaultValue={posted?.overallComment ?? view.evaluation?.overallComment ?? ""} maxLength={10_000} />
        </div>
        {!disabled ? (
          <div className="jy-actions">
            <button type="submit" name="intent" value="submit" className="button button--primary" disabled={navigation.state !== "idle"} onClick={() => timer.current && clearTimeout(timer.current)}>
              {t("jury.evaluation.submit")}
            </button>
            <button type="submit" name="intent" value="draft" className="button" formNoValidate onClick={(e) => (e.preventDefault(), saveNow())}>
              {t("jury.evaluation.saveDraft")}
            </button>
            <span className="jy-save-state" role="status" aria-live="polite">
              {saveState}
            </span>
            <p className="muted">{t("jury.evaluation.submitHint")}</p>
          </div>
        ) : null}
      </Form>
    </section>
  );
}

export function PeerScores({ peers, rubric }: { peers: Array<{ juror: string; total: number; overallComment: string | null; scores: ScoreMap }>; rubric: Criterion[] }) {
  const t = useT();
  return (
    <section className="panel jy-section" aria-labelledby="peers-heading">
      <h2 id="peers-heading">{t("jury.peers.title")}</h2>
      {peers.length === 0 ? (
        <p className="muted">{t("jury.peers.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="jy-table">
            <thead>
              <tr>
                <th>{t("jury.peers.juror")}</th>
                {rubric.map((c) => (
                  <th key={c.id} className="num">
                    {c.name}
                  </th>
                ))}
                <th className="num">{t("jury.peers.total")}</th>
                <th>{t("jury.peers.comment")}</th>
              </tr>
            </thead>
            <tbody>
              {peers.map((p) => (
                <tr key={p.juror}>
                  <td>{p.juror}</td>
                  {rubric.map((c) => (
                    <td key={c.id} className="num" title={p.scores[c.id]?.comment ?? undefined}>
                      {p.scores[c.id]?.value ?? "—"}
                    </td>
                  ))}
                  <td className="num">{fmt(p.total)}</td>
                  <td>{p.overallComment ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
