import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { DateTimeField } from "~/components/contest/contest-form";
import { pageTitle } from "~/components/contest/meta";
import { CheckBadge, ContestHeader, contestLinks, ErrorText, FormErrorSummary, MailBadge, StatusBadge } from "~/components/contest/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { isMultipart, parseUpload } from "~/lib/upload.server";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { contestFrame, zoneFor, answerCorrection, cancelCorrection, cancelCorrectionSchema, defaultDeadline, requestCorrection, acceptLate, addDocuments, getSubmission, moveSubmission, saveChecks } from "~/modules/contest/index.server";
import { ContestError, CHECK_RESULTS, manualMovesFrom, OPEN_REVIEW_STATUSES, answerSchema, correctionFormSchema, lateAcceptSchema, moveSchema, parseChecks } from "~/modules/contest";
import { utcToZoned } from "~/lib/time";
import { UploadRejected } from "~/modules/files/index.server";
import { formBody, notFound, readBody, routeParams } from "~/lib/params";
import { subdivisionName } from "~/modules/geo";

export const meta = pageTitle("contest.submission.pageTitle");
export const links = contestLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  const frame = await contestFrame(contestId);
  const submission = await getSubmission(contestId, submissionId);
  if (!submission) throw notFound(request);
  const zone = await zoneFor(user);
  return {
    ...frame,
    canEdit: true,
    submission,
    isAdmin: user.role === "ADMIN",
    moves: manualMovesFrom(submission.status, user.role).map((m) => ({ to: m.to, reasonRequired: m.reasonRequired })),
    defaultDeadline: utcToZoned(defaultDeadline(frame.contest.correctionDays), zone),
    timeZone: zone,
    maxMb: Math.round(env().UPLOAD_MAX_BYTES / 1048576),
  };
}

type ActionResult = { intent: string; errors: Record<string, string>; params?: Record<string, string | number>; values?: Record<string, string> };

const bad = (intent: string, errors: Record<string, string>, extra: Partial<ActionResult> = {}, status = 400) => data<ActionResult>({ intent, errors, ...extra }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const { contestId, submissionId } = routeParams(request, params, { contestId: "key", submissionId: "key" });
  const here = `/contest/${contestId}/submissions/${submissionId}`;
  const actor = { userId: user.id, ip: clientIp(request), role: user.role };
  const maxMb = Math.round(env().UPLOAD_MAX_BYTES / 1048576);
  let intent = "";
  try {
    if (isMultipart(request)) {
      const upload = await readBody(request, () => parseUpload(request));
      intent = String(upload.form.get("intent") ?? "");
      if (upload.tooLarge) return bad(intent, { files: "files.errors.tooLarge" }, { params: { max: maxMb } }, 413);
      if (intent === "answer") {
        const parsed = answerSchema.safeParse({ note: upload.form.get("note") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        const requestId = String(upload.form.get("requestId") ?? "");
        if (upload.files.length === 0 && !parsed.data.note) return bad(intent, { files: "contest.errors.answerEmpty" });
        await answerCorrection(actor, contestId, submissionId, requestId, parsed.data, upload.files);
        return redirectWithToast(here, { kind: "success", message: "contest.corrections.answered" });
      }
      intent = "upload";
      if (upload.files.length === 0) return bad(intent, { files: "contest.errors.fileRequired" });
      const requirementId = String(upload.form.get("requirementId") ?? "") || null;
      await addDocuments(actor, contestId, submissionId, upload.files, { requirementId });
      return redirectWithToast(here, { kind: "success", message: "contest.documents.uploaded", params: { count: upload.files.length } });
    }
    const form = await formBody(request);
    intent = String(form.get("intent") ?? "");
    switch (intent) {
      case "move": {
        const parsed = moveSchema.safeParse({ to: form.get("to") ?? undefined, reason: form.get("reason") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        await moveSubmission(actor, contestId, submissionId, parsed.data.to, parsed.data.reason);
        return redirectWithToast(here, { kind: "success", message: `contest.moved.${parsed.data.to}` });
      }
      case "acceptLate": {
        const parsed = lateAcceptSchema.safeParse({ reason: form.get("reason") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        await acceptLate(actor, contestId, submissionId, parsed.data.reason);
        return redirectWithToast(here, { kind: "success", message: "contest.late.acceptedDone" });
      }
      case "checks": {
        const submission = await getSubmission(contestId, submissionId);
        if (!submission) throw notFound(request);
        const { checks, errors } = parseChecks(form, submission.review.map((r) => r.requirement.id));
        const values = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v)]));
        if (Object.keys(errors).length) return bad(intent, errors, { values });
        await saveChecks(actor, contestId, submissionId, checks);
        return redirectWithToast(here, { kind: "success", message: "contest.review.saved" });
      }
      case "correction": {
        const parsed = correctionFormSchema(await zoneFor(user)).safeParse({ items: form.getAll("items"), message: form.get("message") ?? undefined, deadline: form.get("deadline") ?? undefined });
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error));
        await requestCorrection(actor, contestId, submissionId, parsed.data);
        return redirectWithToast(here, { kind: "success", message: "contest.corrections.sent" });
      }
      case "cancelCorrection": {
        const values = { requestId: String(form.get("requestId") ?? ""), reason: String(form.get("reason") ?? "") };
        const parsed = cancelCorrectionSchema.safeParse(values);
        if (!parsed.success) return bad(intent, fieldErrors(parsed.error), { values });
        await cancelCorrection(actor, contestId, submissionId, parsed.data);
        return redirectWithToast(here, { kind: "success", message: "contest.corrections.cancelled" });
      }
      default:
        return bad(intent, { _form: "contest.errors.invalid" });
    }
  } catch (error) {
    if (error instanceof ContestError) {
      if (error.code === "submissionNotFound") throw notFound(request);
      if (error.code === "adminOnly" || error.code === "roleNotAllowed") return bad(intent, { _form: error.messageKey }, {}, 403);
      return bad(intent, { [error.field]: error.messageKey }, { params: error.params });
    }
    if (error instanceof UploadRejected) return bad(intent, { files: error.messageKey }, { params: { max: maxMb } });
    throw error;
  }
}

export default function SubmissionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { submission: s, contest, moves, isAdmin, defaultDeadline, timeZone, maxMb } = loaderData;
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const formatDate = useFormatDate();
  const busy = useNavigation().state === "submitting";
  const errorsFor = (intent: string): Record<string, string> => (actionData?.intent === intent ? actionData.errors : {});
  const base = `/contest/${contest.id}/submissions/${s.id}`;
  const reviewOpen = (OPEN_REVIEW_STATUSES as readonly string[]).includes(s.status);
  const openCorrection = s.corrections.find((c) => c.state === "OPEN");
  const lateBlocked = s.late && !s.lateAcceptedById;
  const reviewValues = actionData?.intent === "checks" ? (actionData.values ?? {}) : null;
  const value = (v: string | null | undefined) => v || <span className="muted">{t("common.none")}</span>;
  const docName = (requirementId: string | null) => s.review.find((r) => r.requirement.id === requirementId)?.requirement.name;

  return (
    <>
      <ContestHeader frame={loaderData} title={s.title} />
      <p className="ct-header__meta" data-testid="submission-meta">
        <span>
          {t("contest.list.folio")}: <strong>{s.folio}</strong>
        </span>
        <StatusBadge status={s.status} />
        {s.late ? <span className={`badge ${s.lateAcceptedById ? "" : "badge--warn"}`}>{t(s.lateAcceptedById ? "contest.late.accepted" : "contest.late.flag")}</span> : null}
        {openCorrection?.overdue ? <span className="badge badge--off">{t("contest.corrections.overdue")}</span> : null}
        {reviewOpen ? <Link to={`${base}/edit`}>{t("contest.submission.edit")}</Link> : null}
        <Link to={`/contest/${contest.id}`}>← {t("contest.backToList")}</Link>
      </p>

      <div className="ct-grid">
        <section className="panel" aria-labelledby="data-title">
          <h2 id="data-title">{t("contest.submission.data")}</h2>
          <dl className="ct-details">
            <dt>{t("contest.submission.organisation")}</dt>
            <dd>
              {s.partner.name}
              {s.partner.city || s.partner.state ? ` — ${[s.partner.city, subdivisionName(s.partner.state)].filter(Boolean).join(", ")}` : ""}
            </dd>
            <dt>{t("contest.submission.contactPerson")}</dt>
            <dd>{s.contact ? [s.contact.name, s.contact.email, s.contact.phone].filter(Boolean).join(" · ") : value(null)}</dd>
            <dt>{t("contest.submission.summary")}</dt>
            <dd>{value(s.summary)}</dd>
            <dt>{t("contest.submission.targetCommunities")}</dt>
            <dd>{value(s.targetCommunities)}</dd>
            <dt>{t("contest.submission.targetCities")}</dt>
            <dd>{value(s.targetCities)}</dd>
            <dt>{t("contest.submission.requestedBudget")}</dt>
            <dd>{s.requestedBudget ? `${Number(s.requestedBudget).toLocaleString("es-MX", { minimumFractionDigits: 2 })} ${s.currency}` : value(null)}</dd>
            <dt>{t("contest.submission.receivedAt")}</dt>
            <dd>{formatDate(s.receivedAt)}</dd>
            <dt>{t("contest.submission.channel")}</dt>
            <dd>{t(`contest.channel.${s.channel}`)}</dd>
            {s.registeredAt ? (
              <>
                <dt>{t("contest.submission.registeredAt")}</dt>
                <dd>{formatDate(s.registeredAt)}</dd>
              </>
            ) : null}
            {s.lateAcceptReason ? (
              <>
                <dt>{t("contest.late.reason")}</dt>
                <dd>{s.lateAcceptReason}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section className="panel" aria-labelledby="status-title">
          <h2 id="status-title">{t("contest.status.title")}</h2>
          {lateBlocked ? (
            <div className="form-error" role="status">
              <p>{t("contest.late.explain")}</p>
              {isAdmin ? (
                <Form method="post" className="ct-inline">
                  <input type="hidden" name="intent" value="acceptLate" />
                  <Field name="reason" idPrefix="late" label={t("contest.reason")} error={errorsFor("acceptLate").reason} required />
                  <button type="submit" className="button" disabled={busy}>
                    {t("contest.late.accept")}
                  </button>
                </Form>
              ) : (
                <p>{t("contest.late.adminOnly")}</p>
              )}
            </div>
          ) : null}
          {!s.requiredMet && reviewOpen ? <p className="muted">{t("contest.review.notAllMet")}</p> : null}
          {moves.length ? (
            <Form method="post">
              <input type="hidden" name="intent" value="move" />
              <FormErrorSummary errors={errorsFor("move")} />
              <div className="field">
                <label htmlFor="move-to">{t("contest.status.moveTo")}</label>
                <select id="move-to" name="to">
                  {moves.map((m) => (
                    <option key={m.to} value={m.to}>
                      {t(`contest.move.${m.to}`)}
                      {m.reasonRequired ? ` (${t("contest.status.needsReason")})` : ""}
                    </option>
                  ))}
                </select>
              </div>
              <Field name="reason" idPrefix="move" label={t("contest.reason")} error={errorsFor("move").reason} multiline />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("contest.status.apply")}
              </button>
            </Form>
          ) : (
            <p className="muted">{t("contest.status.noMoves")}</p>
          )}
          <h3>{t("contest.history.title")}</h3>
          <ol className="ct-history">
            {s.statusChanges.map((c) => (
              <li key={c.id}>
                <StatusBadge status={c.to} /> <span className="muted">{formatDate(c.at)}</span>
                {c.byName ? <span className="muted"> · {c.byName}</span> : null}
                {c.reason && c.reason !== "late" ? <div>{c.reason}</div> : null}
              </li>
            ))}
          </ol>
        </section>
      </div>

      <section className="panel" aria-labelledby="review-title">
        <h2 id="review-title">{t("contest.review.title")}</h2>
        {s.review.length === 0 ? (
          <p className="muted">{t("contest.review.noRequirements")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="checks" />
            <FormErrorSummary errors={errorsFor("checks")} />
            <div className="table-wrap">
              <table className="ct-review">
                <thead>
                  <tr>
                    <th scope="col">{t("contest.review.requirement")}</th>
                    <th scope="col">{t("contest.review.result")}</th>
                    <th scope="col">{t("contest.review.note")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.review.map((r) => {
                    const id = r.requirement.id;
                    return (
                      <tr key={id} data-requirement={r.requirement.name}>
                        <th scope="row">
                          {r.requirement.name} {r.requirement.required ? <span className="badge">{t("contest.requirements.required")}</span> : <span className="badge">{t("contest.requirements.optional")}</span>}
                          {r.requirement.description ? <p className="muted">{r.requirement.description}</p> : null}
                          <CheckBadge result={r.result} />
                        </th>
                        <td>
                          <label htmlFor={`result_${id}`} className="sr-only">
                            {t("contest.review.resultFor", { name: r.requirement.name })}
                          </label>
                          <select id={`result_${id}`} name={`result_${id}`} defaultValue={reviewValues?.[`result_${id}`] ?? r.result} disabled={!reviewOpen}>
                            {CHECK_RESULTS.map((c) => (
                              <option key={c} value={c}>
                                {t(`contest.check.${c}`)}
                              </option>
                            ))}
                          </select>
                          <ErrorText error={errorsFor("checks")[`result_${id}`]} />
                        </td>
                        <td>
                          <label htmlFor={`note_${id}`} className="sr-only">
                            {t("contest.review.noteFor", { name: r.requirement.name })}
                          </label>
                          <textarea id={`note_${id}`} name={`note_${id}`} rows={2} defaultValue={reviewValues?.[`note_${id}`] ?? r.note ?? ""} disabled={!reviewOpen} />
                          <ErrorText error={errorsFor("checks")[`note_${id}`]} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {reviewOpen ? (
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("contest.review.save")}
              </button>
            ) : null}
          </Form>
        )}
      </section>

      <section className="panel" aria-labelledby="corrections-title">
        <h2 id="corrections-title">{t("contest.corrections.title")}</h2>
        {/* A request closed meanwhile has no form left to show the refusal in. */}
        <ErrorText error={actionData?.intent === "cancelCorrection" ? actionData.errors._form ?? actionData.errors.requestId : undefined} />
        {s.corrections.length === 0 ? <p className="muted">{t("contest.corrections.none")}</p> : null}
        {s.corrections.map((c) => (
          <article key={c.id} className={`ct-correction${c.overdue ? " ct-correction--overdue" : ""}`} aria-label={t("contest.corrections.request", { date: formatDate(c.createdAt) })}>
            <p className="ct-header__meta">
              <strong>{t(`contest.correctionState.${c.state}`)}</strong>
              <span>
                {t("contest.corrections.deadline")}: {formatDate(c.deadline)}
              </span>
              {c.overdue ? <span className="badge badge--off">{t("contest.corrections.overdue")}</span> : null}
              <MailBadge status={c.mailStatus} />
              {c.sentTo ? <span className="muted">{c.sentTo}</span> : null}
            </p>
            <ul className="ct-items">
              {c.items.map((item) => (
                <li key={item.requirementId}>
                  <strong>{item.name}</strong>
                  {item.note ? `: ${item.note}` : ""}
                </li>
              ))}
            </ul>
            {c.message ? <p style={{ whiteSpace: "pre-wrap" }}>{c.message}</p> : null}
            {c.answeredAt ? (
              <p>
                {t("contest.corrections.answeredAt", { date: formatDate(c.answeredAt) })}
                {c.answerNote ? ` — ${c.answerNote}` : ""}
              </p>
            ) : null}
            {s.documents.filter((d) => d.correctionRequestId === c.id).length ? (
              <ul>
                {s.documents
                  .filter((d) => d.correctionRequestId === c.id)
                  .map((d) => (
                    <li key={d.id}>
                      <a href={`${base}/documents/${d.id}`}>{d.fileName}</a>
                    </li>
                  ))}
              </ul>
            ) : null}
            {c.state === "OPEN" ? (
              <Form method="post" encType="multipart/form-data" className="ct-inline">
                <input type="hidden" name="intent" value="answer" />
                <input type="hidden" name="requestId" value={c.id} />
                <div className="field">
                  <label htmlFor={`answer-files-${c.id}`}>{t("contest.corrections.answerFiles")}</label>
                  <input id={`answer-files-${c.id}`} name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg" />
                  <ErrorText error={errorsFor("answer").files} params={actionData?.params} />
                </div>
                <Field name="note" idPrefix={`answer-${c.id}`} label={t("contest.corrections.answerNote")} error={errorsFor("answer").note} />
                <button type="submit" className="button" disabled={busy}>
                  {t("contest.corrections.recordAnswer")}
                </button>
              </Form>
            ) : null}
            {c.state === "OPEN" ? (
              <details open={actionData?.intent === "cancelCorrection" && actionData.values?.requestId === c.id}>
                <summary>{t("contest.corrections.cancel")}</summary>
                <Form method="post" className="ct-inline">
                  <input type="hidden" name="intent" value="cancelCorrection" />
                  <input type="hidden" name="requestId" value={c.id} />
                  <p>{t(s.status === "CORRECTIONS_REQUESTED" ? "contest.corrections.cancelConsequence" : "contest.corrections.cancelConsequenceNoMove")}</p>
                  <Field
                    name="reason"
                    idPrefix={`cancel-${c.id}`}
                    label={t("contest.corrections.cancelReason")}
                    defaultValue={actionData?.intent === "cancelCorrection" && actionData.values?.requestId === c.id ? actionData.values.reason : undefined}
                    error={actionData?.intent === "cancelCorrection" && actionData.values?.requestId === c.id ? actionData.errors.reason : undefined}
                    required
                    multiline
                  />
                  <button type="submit" className="button button--danger" disabled={busy}>
                    {t("contest.corrections.cancelConfirm")}
                  </button>
                </Form>
              </details>
            ) : null}
          </article>
        ))}
        {s.status === "IN_REVIEW" && !openCorrection ? (
          <Form method="post" className="ct-fieldset">
            <input type="hidden" name="intent" value="correction" />
            <h3>{t("contest.corrections.new")}</h3>
            <FormErrorSummary errors={errorsFor("correction")} />
            <fieldset className="ct-fieldset">
              <legend>{t("contest.corrections.items")}</legend>
              {s.review.map((r) => (
                <label key={r.requirement.id} className="ct-check">
                  <input type="checkbox" name="items" value={r.requirement.id} defaultChecked={r.result === "NEEDS_CORRECTION" || r.result === "MISSING"} /> {r.requirement.name}
                  {r.note ? <span className="muted"> — {r.note}</span> : null}
                </label>
              ))}
              <ErrorText error={errorsFor("correction").items} />
            </fieldset>
            <Field name="message" idPrefix="correction" label={t("contest.corrections.message")} error={errorsFor("correction").message} multiline />
            <DateTimeField name="deadline" label={t("contest.corrections.deadline")} hint={t("contest.corrections.deadlineHint", { days: contest.correctionDays, zone: timeZone })} value={defaultDeadline} error={errorsFor("correction").deadline} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("contest.corrections.send")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="documents-title">
        <h2 id="documents-title">{t("contest.submission.documents")}</h2>
        {s.documents.length === 0 ? (
          <p className="muted">{t("contest.documents.none")}</p>
        ) : (
          <ul>
            {s.documents.map((d) => (
              <li key={d.id}>
                <a href={`${base}/documents/${d.id}`}>{d.fileName}</a> <span className="muted">({Math.ceil(d.size / 1024)} KB · {formatDate(d.uploadedAt)}{d.requirementId ? ` · ${docName(d.requirementId) ?? ""}` : ""})</span>
              </li>
            ))}
          </ul>
        )}
        <Form method="post" encType="multipart/form-data" className="ct-inline">
          <input type="hidden" name="intent" value="upload" />
          <div className="field">
            <label htmlFor="upload-files">{t("contest.documents.file")}</label>
            <p className="hint">{t("contest.documents.hint", { max: maxMb })}</p>
            <input id="upload-files" name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg" />
            <ErrorText error={errorsFor("upload").files} params={actionData?.params} />
          </div>
          <div className="field">
            <label htmlFor="upload-requirement">{t("contest.documents.forRequirement")}</label>
            <select id="upload-requirement" name="requirementId">
              <option value="">{t("common.none")}</option>
              {s.review.map((r) => (
                <option key={r.requirement.id} value={r.requirement.id}>
                  {r.requirement.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("contest.documents.upload")}
          </button>
        </Form>
      </section>
    </>
  );
}
