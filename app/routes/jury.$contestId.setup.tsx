import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError, pageTitle } from "~/components/jury/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { formatDate } from "~/lib/format";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/session.server";
import { isMultipart, parseUpload } from "~/modules/contest/upload.server";
import {
  addSession,
  assignAll,
  assignBalanced,
  designateJuror,
  juryAdminView,
  recordConflict,
  removeJuror,
  reopenEvaluation,
  setAssignment,
  setContestFlags,
} from "~/modules/jury/admin.server";
import { juryActor } from "~/modules/jury/http.server";
import { sendReminderNow } from "~/modules/jury/reminders.server";
import { adminConflictSchema, balancedSchema, designateSchema, optionsSchema, pairSchema, reopenSchema, sessionSchema, SESSION_KINDS } from "~/modules/jury/schema";
import { badRequest, formBody, idParam, readBody } from "~/lib/params";
import { linkJurorsToAgreement } from "~/modules/meetings/agreements.server";
import { MeetingError } from "~/modules/meetings/errors";
import { linkJurorsSchema } from "~/modules/meetings/schema";
import { domainErrorAnswer, refusalResponse } from "~/lib/http.server";

export const meta = pageTitle("jury.setup.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:jury");
  return juryAdminView(idParam(request, params.contestId, "key")).catch(refusalResponse);
}

type Answer = { ok: false; intent: string; errors: Record<string, string>; params: Record<string, string | number>; values: Record<string, string> };

function invalid(intent: string, errors: Record<string, string>, values: Record<string, string>) {
  return data<Answer>({ ok: false, intent, errors, params: {}, values }, { status: 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:jury");
  const contestId = idParam(request, params.contestId, "key");
  const actor = juryActor(user, request);
  let form: FormData;
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  let tooLarge = false;
  if (isMultipart(request)) {
    const upload = await readBody(request, () => parseUpload(request, "file"));
    form = upload.form;
    file = upload.files[0] ?? null;
    tooLarge = upload.tooLarge;
  } else {
    form = await formBody(request);
  }
  const values: Record<string, string> = {};
  for (const [k, v] of form) if (typeof v === "string") values[k] = v;
  const intent = values.intent ?? "";
  const back = (message: string, params?: Record<string, string | number>) => redirectWithToast(`/jury/${contestId}/setup`, { kind: "success", message, params });
  try {
    switch (intent) {
      case "designate": {
        const parsed = designateSchema.safeParse(values);
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        const result = await designateJuror(actor, contestId, parsed.data, user.locale);
        return back(result.invited ? "jury.setup.jurorInvited" : "jury.setup.jurorDesignated");
      }
      case "linkAgreement": {
        const parsed = linkJurorsSchema.safeParse({ agreementId: values.agreementId, memberIds: form.getAll("userIds").filter((v) => typeof v === "string") });
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        try {
          const { linked } = await linkJurorsToAgreement(actor, parsed.data.agreementId, { contestId, userIds: parsed.data.memberIds });
          return back("jury.setup.jurorsLinked", { count: linked });
        } catch (error) {
          if (error instanceof MeetingError) return invalid(intent, { _form: error.messageKey }, values);
          throw error;
        }
      }
      case "removeJuror": {
        await removeJuror(actor, contestId, values.userId ?? "");
        return back("jury.setup.jurorRemoved");
      }
      case "session": {
        if (tooLarge) return invalid(intent, { file: "jury.errors.fileTooLarge" }, values);
        const parsed = sessionSchema.safeParse(values);
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        await addSession(actor, contestId, parsed.data, file);
        return back("jury.setup.sessionAdded");
      }
      case "assignAll": {
        const { created } = await assignAll(actor, contestId);
        return back("jury.setup.assignedAll", { count: created });
      }
      case "assignBalanced": {
        const parsed = balancedSchema.safeParse(values);
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        const plan = await assignBalanced(actor, contestId, parsed.data.k);
        return redirectWithToast(`/jury/${contestId}/setup`, {
          kind: plan.short.length ? "info" : "success",
          message: plan.short.length ? "jury.setup.assignedShort" : "jury.setup.assignedBalanced",
          params: { k: parsed.data.k, short: plan.short.length },
        });
      }
      case "assign":
      case "unassign": {
        const parsed = pairSchema.safeParse(values);
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        await setAssignment(actor, contestId, parsed.data.submissionId, parsed.data.userId, intent === "assign");
        return back("jury.setup.assignmentSaved");
      }
      case "conflict": {
        const parsed = adminConflictSchema.safeParse(values);
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        await recordConflict(actor, contestId, parsed.data.submissionId, parsed.data.userId, parsed.data.reason);
        return back("jury.setup.conflictRecorded");
      }
      case "options": {
        const parsed = optionsSchema.safeParse(values);
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        await setContestFlags(actor, contestId, parsed.data);
        return back("jury.setup.optionsSaved");
      }
      case "discussion":
        await setContestFlags(actor, contestId, { discussionOpen: values.open === "1" });
        return back(values.open === "1" ? "jury.setup.discussionOpened" : "jury.setup.discussionClosed");
      case "close":
        await setContestFlags(actor, contestId, { juryClosed: values.closed === "1" });
        return back(values.closed === "1" ? "jury.setup.juryClosed" : "jury.setup.juryReopened");
      case "remind": {
        const sent = await sendReminderNow(actor, contestId);
        return back("jury.setup.remindersSent", { count: sent });
      }
      case "reopen": {
        const parsed = reopenSchema.safeParse(values);
        if (!parsed.success) return invalid(intent, fieldErrors(parsed.error), values);
        const result = await reopenEvaluation(actor, contestId, parsed.data.evaluationId, parsed.data.reason);
        return redirectWithToast(`/jury/${contestId}/setup`, { kind: result.mailQueued ? "success" : "info", message: result.mailQueued ? "jury.setup.reopened" : "jury.setup.reopenedNoMail" });
      }
      default:
        throw badRequest(request);
    }
  } catch (error) {
    const answer = domainErrorAnswer(error, values);
    return data<Answer>({ ...answer.data, intent }, { status: answer.init?.status ?? 409 });
  }
}

export default function JurySetupPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const format = useFormatDate();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errorsFor = (intent: string): Record<string, string> => (actionData && actionData.intent === intent ? actionData.errors : {});
  const valuesFor = (intent: string): Record<string, string> => (actionData && actionData.intent === intent ? actionData.values : {});
  const c = view.contest;
  const pair = (s: string, u: string) => `${s}:${u}`;
  const assigned = new Set(view.assignments.map((a) => pair(a.submissionId, a.userId)));
  const conflicts = new Map(view.conflicts.map((x) => [pair(x.submissionId, x.userId), x]));
  const evaluations = new Map(view.evaluations.map((e) => [pair(e.submissionId, e.userId), e]));
  const jurorName = new Map(view.jurors.map((j) => [j.userId, j.name]));
  const project = new Map(view.submissions.map((s) => [s.id, s]));
  const dateOnly = (d: string | Date | null) => (d ? formatDate(d, locale, "long") : "—");
  const dErr = errorsFor("designate");
  const dVal = valuesFor("designate");
  const sErr = errorsFor("session");
  const sVal = valuesFor("session");
  const cErr = errorsFor("conflict");
  const cVal = valuesFor("conflict");
  const submittedEvaluations = view.evaluations.filter((e) => e.state === "SUBMITTED");
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/jury">← {t("jury.title")}</Link>
        </p>
        <h1>{t("jury.setup.heading", { contest: c.name })}</h1>
        <p>
          <Link to={`/jury/${c.id}/results`}>{t("jury.nav.results")}</Link>
        </p>
      </header>

      <section className="panel jy-section" aria-labelledby="state-heading">
        <h2 id="state-heading">{t("jury.setup.stateTitle")}</h2>
        <p>{t("jury.deadline.label", { date: format(c.evaluationEndsAt) })}</p>
        <div className="jy-inline">
          <Form method="post">
            <input type="hidden" name="intent" value="discussion" />
            <input type="hidden" name="open" value={c.discussionOpen ? "0" : "1"} />
            <button type="submit" className="button" disabled={busy}>
              {c.discussionOpen ? t("jury.setup.closeDiscussion") : t("jury.setup.openDiscussion")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <input type="hidden" name="closed" value={c.juryClosed ? "0" : "1"} />
            <button type="submit" className={c.juryClosed ? "button" : "button button--danger"} disabled={busy}>
              {c.juryClosed ? t("jury.setup.reopenJury") : t("jury.setup.closeJury")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="remind" />
            <button type="submit" className="button" disabled={busy || c.juryClosed}>
              {t("jury.setup.remindNow")}
            </button>
          </Form>
        </div>
        <p className="muted">
          {c.discussionOpen ? t("jury.setup.discussionIsOpen") : t("jury.setup.discussionIsClosed")} · {c.juryClosed ? t("jury.setup.juryIsClosed") : t("jury.setup.juryIsOpen")}
        </p>
        <FormError error={errorsFor("remind")._form ?? errorsFor("discussion")._form ?? errorsFor("close")._form} />
        <Form method="post" className="jy-inline">
          <input type="hidden" name="intent" value="options" />
          <label className="jy-check">
            <input type="checkbox" name="blindReview" defaultChecked={c.blindReview} /> {t("jury.setup.blind")}
          </label>
          <div className="field">
            <label htmlFor="opt-threshold">{t("jury.setup.threshold")}</label>
            <input id="opt-threshold" name="dispersionThreshold" type="number" step="0.5" min="0" max="100" defaultValue={valuesFor("options").dispersionThreshold ?? c.dispersionThreshold} />
            {errorsFor("options").dispersionThreshold ? <p className="field-error">{t(errorsFor("options").dispersionThreshold!)}</p> : null}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("jury.setup.saveOptions")}
          </button>
        </Form>
      </section>

      <section className="panel jy-section" aria-labelledby="jurors-heading">
        <h2 id="jurors-heading">{t("jury.setup.jurorsTitle")}</h2>
        {view.jurors.length === 0 ? (
          <p className="muted">{t("jury.setup.noJurors")}</p>
        ) : (
          <table className="jy-table">
            <thead>
              <tr>
                <th>{t("jury.setup.juror")}</th>
                <th>{t("jury.setup.designationRef")}</th>
                <th>{t("jury.setup.designatedOn")}</th>
                <th>{t("jury.setup.expertise")}</th>
                <th>{t("jury.progress.label")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {view.jurors.map((j) => (
                <tr key={j.userId}>
                  <td>
                    {j.name}
                    <div className="muted">
                      {j.email}
                      {j.invited ? ` · ${t("jury.setup.invitedPending")}` : ""}
                    </div>
                  </td>
                  <td>
                    {j.agreement ? (
                      <Link to={`/meetings/agreements/${j.agreement.id}`} data-designated-by={j.agreement.number}>
                        {t("meetings.agreements.designatedBy", { number: j.agreement.number, date: formatDate(j.agreement.adoptedOn, locale) })}
                      </Link>
                    ) : (
                      j.designationRef
                    )}
                  </td>
                  <td>{dateOnly(j.designatedOn)}</td>
                  <td>{j.expertise.join(", ")}</td>
                  <td>
                    {t("jury.progress.count", {
                      submitted: view.evaluations.filter((e) => e.userId === j.userId && e.state === "SUBMITTED" && assigned.has(pair(e.submissionId, j.userId))).length,
                      total: view.assignments.filter((a) => a.userId === j.userId).length,
                    })}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="removeJuror" />
                      <input type="hidden" name="userId" value={j.userId} />
                      <button type="submit" className="link-button" disabled={busy}>
                        {t("jury.setup.removeJuror")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <FormError error={errorsFor("removeJuror")._form} />
        <h3>{t("jury.setup.designateTitle")}</h3>
        <Form method="post" noValidate className="form-grid">
          <input type="hidden" name="intent" value="designate" />
          <TextInput name="email" label={t("jury.setup.email")} type="email" value={dVal.email} error={dErr.email} required />
          <TextInput name="name" label={t("jury.setup.name")} hint={t("jury.setup.nameHint")} value={dVal.name} error={dErr.name} />
          <div className="field">
            <label htmlFor="jy-agreementId">{t("jury.setup.agreement")}</label>
            <p className="hint" id="jy-agreementId-hint">
              {t("jury.setup.agreementHint")}
            </p>
            <select id="jy-agreementId" name="agreementId" defaultValue={dVal.agreementId ?? ""} aria-describedby="jy-agreementId-hint">
              <option value="">{t("jury.setup.noAgreement")}</option>
              {view.agreements.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.number} ({formatDate(a.adoptedOn, locale)})
                </option>
              ))}
            </select>
            {dErr.agreementId ? <p className="field-error">{t(dErr.agreementId)}</p> : null}
          </div>
          <TextInput name="designationRef" label={t("jury.setup.designationRef")} hint={t("jury.setup.designationRefHint")} value={dVal.designationRef} error={dErr.designationRef} />
          <TextInput name="designatedOn" label={t("jury.setup.designatedOn")} type="date" value={dVal.designatedOn} error={dErr.designatedOn} />
          <TextInput name="expertise" label={t("jury.setup.expertise")} hint={t("jury.setup.expertiseHint")} value={dVal.expertise} error={dErr.expertise} />
          <FormError error={dErr._form} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("jury.setup.designate")}
            </button>
          </div>
        </Form>
      </section>

      {view.jurors.length > 0 ? (
        <section className="panel jy-section" aria-labelledby="link-heading">
          <h2 id="link-heading">{t("jury.setup.linkTitle")}</h2>
          {view.agreements.length === 0 ? (
            <p className="muted">
              {t("jury.setup.noAgreements")} <Link to="/meetings/agreements/new">{t("jury.setup.recordAgreement")}</Link>
            </p>
          ) : (
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="linkAgreement" />
              <p className="hint">{t("jury.setup.linkHint")}</p>
              <div className="field">
                <label htmlFor="link-agreementId">{t("jury.setup.agreement")}</label>
                <select id="link-agreementId" name="agreementId" defaultValue={valuesFor("linkAgreement").agreementId ?? view.agreements[0]?.id}>
                  {view.agreements.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.number} ({formatDate(a.adoptedOn, locale)})
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className="field">
                <legend>{t("jury.setup.jurorsTitle")}</legend>
                {view.jurors.map((j) => (
                  <label key={j.userId} className="jy-check">
                    <input type="checkbox" name="userIds" value={j.userId} defaultChecked={!j.agreement} /> {j.name}
                  </label>
                ))}
              </fieldset>
              <FormError error={errorsFor("linkAgreement")._form ?? errorsFor("linkAgreement").memberIds ?? errorsFor("linkAgreement").agreementId} />
              <div className="form-actions">
                <button type="submit" className="button" disabled={busy}>
                  {t("jury.setup.link")}
                </button>
              </div>
            </Form>
          )}
        </section>
      ) : null}

      <section className="panel jy-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("jury.setup.sessionsTitle")}</h2>
        {view.sessions.length === 0 ? (
          <p className="muted">{t("jury.setup.noSessions")}</p>
        ) : (
          <ul className="jy-list">
            {view.sessions.map((s) => (
              <li key={s.id} className="jy-item">
                <div>
                  <div className="jy-item__title">
                    {t(`jury.session.${s.kind}`)} · {dateOnly(s.heldAt)}
                  </div>
                  {s.attendees ? <div className="jy-item__meta">{t("jury.setup.attendeesShort", { attendees: s.attendees })}</div> : null}
                  {s.minutes ? <p style={{ whiteSpace: "pre-wrap" }}>{s.minutes}</p> : null}
                </div>
                {s.fileSha256 ? (
                  <a href={`/files/${s.fileSha256}?name=${encodeURIComponent(s.fileName ?? "acta.pdf")}`}>{s.fileName ?? t("jury.setup.signedDocument")}</a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <h3>{t("jury.setup.addSession")}</h3>
        <Form method="post" encType="multipart/form-data" noValidate className="form-grid">
          <input type="hidden" name="intent" value="session" />
          <div className="field">
            <label htmlFor="session-kind">{t("jury.setup.sessionKind")}</label>
            <select id="session-kind" name="kind" defaultValue={sVal.kind ?? "INSTALLATION"}>
              {SESSION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`jury.session.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <TextInput name="heldAt" label={t("jury.setup.heldAt")} type="date" value={sVal.heldAt} error={sErr.heldAt} required />
          <TextInput name="attendees" label={t("jury.setup.attendees")} value={sVal.attendees} error={sErr.attendees} multiline />
          <TextInput name="minutes" label={t("jury.setup.minutes")} value={sVal.minutes} error={sErr.minutes} multiline />
          <div className="field">
            <label htmlFor="session-file">{t("jury.setup.signedDocument")}</label>
            <input id="session-file" name="file" type="file" accept="application/pdf,image/png,image/jpeg" />
            {sErr.file ? <p className="field-error">{t(sErr.file)}</p> : null}
          </div>
          <FormError error={sErr._form} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("jury.setup.saveSession")}
            </button>
          </div>
        </Form>
      </section>

      <section className="panel jy-section" aria-labelledby="assign-heading">
        <h2 id="assign-heading">{t("jury.setup.assignTitle")}</h2>
        <div className="jy-inline">
          <Form method="post">
            <input type="hidden" name="intent" value="assignAll" />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("jury.setup.assignAll")}
            </button>
          </Form>
          <Form method="post" className="jy-inline">
            <input type="hidden" name="intent" value="assignBalanced" />
            <div className="field">
              <label htmlFor="assign-k">{t("jury.setup.k")}</label>
              <input id="assign-k" name="k" type="number" min="1" max={Math.max(view.jurors.length, 1)} defaultValue={valuesFor("assignBalanced").k ?? "2"} />
            </div>
            <button type="submit" className="button" disabled={busy}>
              {t("jury.setup.assignBalanced")}
            </button>
          </Form>
        </div>
        <FormError error={errorsFor("assignAll")._form ?? errorsFor("assignBalanced")._form ?? errorsFor("assignBalanced").k ?? errorsFor("assign")._form ?? errorsFor("unassign")._form} params={actionData?.params} />
        {view.submissions.length > 0 && view.jurors.length > 0 ? (
          <div className="table-wrap">
            <table className="jy-table jy-matrix">
              <thead>
                <tr>
                  <th>{t("jury.setup.project")}</th>
                  {view.jurors.map((j) => (
                    <th key={j.userId}>{j.name}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.submissions.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {s.folio} · {s.title}
                    </td>
                    {view.jurors.map((j) => {
                      const key = pair(s.id, j.userId);
                      const conflict = conflicts.get(key);
                      const evaluation = evaluations.get(key);
                      if (conflict) {
                        return (
                          <td key={j.userId} title={conflict.reason}>
                            <span className="badge badge--off">{t("jury.setup.cellConflict")}</span>
                          </td>
                        );
                      }
                      const isAssigned = assigned.has(key);
                      return (
                        <td key={j.userId}>
                          {evaluation ? <span className={`badge ${evaluation.state === "SUBMITTED" ? "badge--ok" : "badge--draft"}`}>{t(`jury.evalState.${evaluation.state}`)}</span> : null}
                          {!evaluation ? (
                            <Form method="post" className="jy-cell-form">
                              <input type="hidden" name="intent" value={isAssigned ? "unassign" : "assign"} />
                              <input type="hidden" name="submissionId" value={s.id} />
                              <input type="hidden" name="userId" value={j.userId} />
                              <button
                                type="submit"
                                className={isAssigned ? "button" : "link-button"}
                                disabled={busy}
                                aria-label={t(isAssigned ? "jury.setup.unassignLabel" : "jury.setup.assignLabel", { juror: j.name, project: s.folio })}
                              >
                                {isAssigned ? "✓" : "+"}
                              </button>
                            </Form>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">{t("jury.setup.nothingToAssign")}</p>
        )}
      </section>

      <section className="panel jy-section" aria-labelledby="conflict-heading">
        <h2 id="conflict-heading">{t("jury.setup.conflictTitle")}</h2>
        {view.conflicts.length > 0 ? (
          <ul>
            {view.conflicts.map((x) => (
              <li key={pair(x.submissionId, x.userId)}>
                {project.get(x.submissionId)?.folio ?? x.submissionId} · {jurorName.get(x.userId) ?? x.userId} — {x.reason} ({x.recordedById === x.userId ? t("jury.setup.declaredByJuror") : t("jury.setup.recordedByOffice")})
              </li>
            ))}
          </ul>
        ) : null}
        <Form method="post" noValidate className="form-grid">
          <input type="hidden" name="intent" value="conflict" />
          <div className="field">
            <label htmlFor="conflict-project">{t("jury.setup.project")}</label>
            <select id="conflict-project" name="submissionId" defaultValue={cVal.submissionId}>
              {view.submissions.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.folio} · {s.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="conflict-juror">{t("jury.setup.juror")}</label>
            <select id="conflict-juror" name="userId" defaultValue={cVal.userId}>
              {view.jurors.map((j) => (
                <option key={j.userId} value={j.userId}>
                  {j.name}
                </option>
              ))}
            </select>
          </div>
          <TextInput name="reason" label={t("jury.conflict.reason")} value={cVal.reason} error={cErr.reason} required />
          <FormError error={cErr._form ?? cErr.submissionId ?? cErr.userId} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy || view.jurors.length === 0}>
              {t("jury.setup.recordConflict")}
            </button>
          </div>
        </Form>
      </section>

      <section className="panel jy-section" aria-labelledby="reopen-heading">
        <h2 id="reopen-heading">{t("jury.setup.reopenTitle")}</h2>
        {submittedEvaluations.length === 0 ? (
          <p className="muted">{t("jury.setup.noSubmitted")}</p>
        ) : (
          <table className="jy-table">
            <tbody>
              {submittedEvaluations.map((e) => (
                <tr key={e.id}>
                  <td>
                    {project.get(e.submissionId)?.folio ?? "—"} · {jurorName.get(e.userId) ?? "—"}
                    <div className="muted">{e.submittedAt ? format(e.submittedAt) : ""}</div>
                  </td>
                  <td>
                    <Form method="post" className="jy-inline" noValidate>
                      <input type="hidden" name="intent" value="reopen" />
                      <input type="hidden" name="evaluationId" value={e.id} />
                      <div className="field">
                        <label htmlFor={`reopen-${e.id}`}>{t("jury.setup.reopenReason")}</label>
                        <input id={`reopen-${e.id}`} name="reason" defaultValue={valuesFor("reopen").evaluationId === e.id ? valuesFor("reopen").reason : ""} />
                        {valuesFor("reopen").evaluationId === e.id && errorsFor("reopen").reason ? <p className="field-error">{t(errorsFor("reopen").reason!)}</p> : null}
                      </div>
                      <button type="submit" className="button" disabled={busy}>
                        {t("jury.setup.reopen")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <FormError error={errorsFor("reopen")._form} />
      </section>
    </>
  );
}

function TextInput(props: { name: string; label: string; value?: string; error?: string; hint?: string; type?: string; required?: boolean; multiline?: boolean }) {
  const t = useT();
  const id = `jy-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name: props.name, defaultValue: props.value ?? "", "aria-invalid": props.error ? true : undefined, "aria-describedby": describedBy } as const;
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.multiline ? <textarea {...common} rows={3} /> : <input {...common} type={props.type ?? "text"} />}
      {props.error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(props.error)}
        </p>
      ) : null}
    </div>
  );
}
