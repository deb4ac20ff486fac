import { Form, Link, useFetcher, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useFormatDate, useT } from "~/i18n/use-t";
import { fmt, FormError } from "./ui";
import { DataTable, TextareaField, type Column } from "~/components/ui";

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
            <fieldset
              key={c.id}
              id={`criterion-${c.id}`}
              className={error ? "jy-criterion jy-criterion--invalid" : "jy-criterion"}
              disabled={disabled}
              aria-describedby={error ? `err-${c.id}` : undefined}
            >
              <legend>
                {c.name} · {t("jury.evaluation.weight", { weight: c.weight })}
              </legend>
              {c.description ? <p className="muted">{c.description}</p> : null}
              {error ? (
                <p className="field-error" id={`err-${c.id}`}>
                  {t(error)}
                </p>
              ) : null}
              <div className="jy-levels" role="radiogroup" aria-label={c.name} aria-invalid={error ? true : undefined} aria-describedby={error ? `err-${c.id}` : undefined}>
                {points.map((p) => (
                  <label key={p} className="jy-level">
                    <input type="radio" name={`score.${c.id}`} value={p} defaultChecked={current === String(p)} aria-invalid={error ? true : undefined} />
                    <span className="jy-level__value">{p}</span>
                    <span>{c.levels[String(p)] ?? ""}</span>
                  </label>
                ))}
              </div>
              <div className="field">
                <label htmlFor={`comment-${c.id}`}>{t("jury.evaluation.comment", { criterion: c.name })}</label>
                <textarea
                  id={`comment-${c.id}`}
                  name={`comment.${c.id}`}
                  rows={2}
                  defaultValue={commentOf(c)}
                  maxLength={5000}
                  aria-invalid={errors[`comment.${c.id}`] ? true : undefined}
                  aria-describedby={errors[`comment.${c.id}`] ? `err-comment-${c.id}` : undefined}
                />
                {errors[`comment.${c.id}`] ? (
                  <p className="field-error" id={`err-comment-${c.id}`}>
                    {t(errors[`comment.${c.id}`]!)}
                  </p>
                ) : null}
              </div>
            </fieldset>
          );
        })}
        <TextareaField
          id="overall-comment"
          name="overallComment"
          className="jy-overall"
          label={t("jury.evaluation.overall")}
          rows={4}
          disabled={disabled}
          defaultValue={posted?.overallComment ?? view.evaluation?.overallComment ?? ""}
          maxLength={10_000}
          error={errors.overallComment}
        />
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

/**
 * With JavaScript, a summary link moves focus into the criterion itself. A plain fragment change
 * would be a router navigation, which clears the answer and with it every mark on the form.
 */
function goTo(event: React.MouseEvent<HTMLAnchorElement>, href: string) {
  const target = document.getElementById(href.slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "start" });
  const field = target.matches("input, textarea") ? target : target.querySelector<HTMLElement>("input:checked, input, textarea");
  field?.focus({ preventScroll: true });
}

/**
 * At the top of the page after a refused submit: what is wrong, a link to each criterion concerned.
 * Focused when it appears — by autofocus without JavaScript, by the effect after each answer with it.
 */
export function ErrorSummary({ rubric, errors, draftSaved }: { rubric: Array<Pick<Criterion, "id" | "name">>; errors: Record<string, string>; draftSaved: boolean }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const entries = [
    ...rubric.flatMap((c) => [errors[`score.${c.id}`], errors[`comment.${c.id}`]].filter((e): e is string => Boolean(e)).map((e) => ({ href: `#criterion-${c.id}`, label: c.name, error: e }))),
    ...(errors.overallComment ? [{ href: "#overall-comment", label: t("jury.evaluation.overall"), error: errors.overallComment }] : []),
  ];
  useEffect(() => ref.current?.focus(), [errors]);
  if (entries.length === 0) return null;
  const unscored = entries.filter((e) => e.error === "jury.errors.scoreMissing").length;
  return (
    <div ref={ref} className="jy-error-summary" role="alert" tabIndex={-1} autoFocus aria-labelledby="error-summary-title" data-testid="error-summary">
      <h2 id="error-summary-title">{unscored === entries.length ? t("jury.summary.incomplete", { count: unscored }) : t("jury.summary.invalid")}</h2>
      <ul>
        {entries.map((e) => (
          <li key={`${e.href}-${e.error}`}>
            <a href={e.href} onClick={(event) => goTo(event, e.href)}>
              {e.label}
            </a>
            {": "}
            {t(e.error)}
          </li>
        ))}
      </ul>
      {draftSaved ? <p>{t("jury.summary.draftSaved")}</p> : null}
    </div>
  );
}

/**
 * The step between «Enviar evaluación» and the lock: says what will be locked and carries the
 * values exactly as reviewed (they are already kept as the draft, so «Seguir editando» loses nothing).
 */
export function SubmitConfirmation({
  review,
  rubric,
  values,
  cancelTo,
}: {
  review: { project: string; scored: number; total: number };
  rubric: Array<Pick<Criterion, "id" | "name" | "levels">>;
  values: Record<string, string>;
  cancelTo: string;
}) {
  const t = useT();
  const navigation = useNavigation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [review]);
  return (
    <section ref={ref} className="panel jy-confirm" tabIndex={-1} autoFocus aria-labelledby="confirm-submit-title" data-testid="submit-confirmation">
      <h2 id="confirm-submit-title">{t("jury.evaluation.confirmTitle")}</h2>
      <p className="jy-confirm__what">{t("jury.evaluation.confirmText", { project: review.project, scored: review.scored, total: review.total })}</p>
      <dl className="jy-details">
        {rubric.map((c) => (
          <div key={c.id} className="jy-confirm__row">
            <dt>{c.name}</dt>
            <dd>
              {values[`score.${c.id}`] ?? "—"}
              {values[`score.${c.id}`] && c.levels[values[`score.${c.id}`]!] ? ` · ${c.levels[values[`score.${c.id}`]!]}` : ""}
            </dd>
          </div>
        ))}
      </dl>
      <Form method="post" className="jy-actions jy-actions--static">
        {Object.entries(values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirmed" value="1" />
        <button type="submit" name="intent" value="submit" className="button button--primary" disabled={navigation.state !== "idle"}>
          {t("jury.evaluation.confirmSubmit")}
        </button>
        <Link to={cancelTo} className="button">
          {t("jury.evaluation.keepEditing")}
        </Link>
      </Form>
    </section>
  );
}

type Peer = { juror: string; total: number; overallComment: string | null; scores: ScoreMap };

export function PeerScores({ peers, rubric }: { peers: Peer[]; rubric: Criterion[] }) {
  const t = useT();
  const columns: Column<Peer>[] = [
    { key: "juror", header: t("jury.peers.juror"), primary: true, cell: (p) => p.juror },
    ...rubric.map((c): Column<Peer> => ({ key: `criterion-${c.id}`, header: c.name, align: "end", cell: (p) => <span title={p.scores[c.id]?.comment ?? undefined}>{p.scores[c.id]?.value ?? "—"}</span> })),
    { key: "total", header: t("jury.peers.total"), align: "end", cell: (p) => fmt(p.total) },
    { key: "comment", header: t("jury.peers.comment"), cell: (p) => p.overallComment ?? "" },
  ];
  return (
    <section className="panel jy-section" aria-labelledby="peers-heading">
      <h2 id="peers-heading">{t("jury.peers.title")}</h2>
      {peers.length === 0 ? (
        <p className="muted">{t("jury.peers.none")}</p>
      ) : (
        <DataTable label={t("jury.peers.title")} columns={columns} rows={peers} rowKey={(p) => p.juror} />
      )}
    </section>
  );
}
