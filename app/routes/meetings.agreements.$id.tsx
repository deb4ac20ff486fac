import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AgreementForm } from "~/components/meetings/agreement-form";
import { formatDay, meetingsTitle } from "~/components/meetings/labels";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { useLocale, useT } from "~/i18n/use-t";
import { formatMonth } from "~/lib/format";
import { badRequest, formBody, idParam, notFound } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { agreementDeletionImpact, agreementExists, deleteAgreement, getAgreement, sessionChoices } from "~/modules/meetings/agreements.server";
import { MeetingError } from "~/modules/meetings/errors";
import { handleAgreementForm } from "~/modules/meetings/form.server";

export const meta = meetingsTitle("meetings.agreements.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const agreement = await getAgreement(idParam(request, params.id, "key"));
  if (!agreement) throw notFound(request);
  const canEdit = can(user.role, "edit:partner");
  const editing = canEdit && new URL(request.url).searchParams.get("edit") === "1";
  return { agreement, canEdit, editing, sessions: editing ? await sessionChoices() : [] };
}

type Confirm = { ok: false; intent: "delete"; impact: Awaited<ReturnType<typeof agreementDeletionImpact>>; stale: boolean; errors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const id = idParam(request, params.id, "key");
  const actor = { userId: user.id, ip: clientIp(request) };
  const form = await formBody(request);
  if (!(await agreementExists(id))) throw notFound(request);
  try {
    switch (form.get("intent")) {
      case "save": {
        const result = await handleAgreementForm(actor, form, id);
        if (result.ok) return redirectWithToast(`/meetings/agreements/${id}`, { kind: "success", message: "meetings.agreements.saved" });
        return data({ ...result, sessions: await sessionChoices() }, { status: 400 });
      }
      case "delete":
        return data<Confirm>({ ok: false, intent: "delete", impact: await agreementDeletionImpact(id), stale: false, errors: {} });
      case "confirmDelete": {
        const jurors = Number(form.get("jurors"));
        if (!Number.isInteger(jurors)) throw badRequest(request);
        const result = await deleteAgreement(actor, id, { jurors });
        if (!result.deleted) return data<Confirm>({ ok: false, intent: "delete", impact: await agreementDeletionImpact(id), stale: true, errors: {} }, { status: 409 });
        return redirectWithToast("/meetings/agreements", { kind: "success", message: "meetings.agreements.deleted" });
      }
      default:
        throw badRequest(request);
    }
  } catch (error) {
    if (error instanceof MeetingError && error.code === "agreementNotFound") throw notFound(request);
    if (error instanceof MeetingError && error.code === "agreementInUse") {
      return data<Confirm>({ ok: false, intent: "delete", impact: await agreementDeletionImpact(id), stale: false, errors: { _form: error.messageKey } }, { status: 409 });
    }
    throw error;
  }
}

export default function AgreementPage() {
  const { agreement: a, canEdit, editing, sessions } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const formAnswer = answer && answer.intent === "save" ? answer : null;
  const confirm = answer && answer.intent === "delete" ? answer : null;

  if (editing || formAnswer) {
    return (
      <>
        <header className="page-header">
          <p>
            <Link to={`/meetings/agreements/${a.id}`}>← {a.number}</Link>
          </p>
          <h1>{t("meetings.agreements.editTitle")}</h1>
        </header>
        <AgreementForm
          values={
            formAnswer?.values ?? {
              number: a.number,
              adoptedOn: a.adoptedOn,
              title: a.title,
              status: a.status,
              ownerArea: a.ownerArea ?? "",
              vote: a.vote ?? "",
              meetingId: a.meetingId ?? "",
            }
          }
          errors={formAnswer?.errors ?? {}}
          sessions={formAnswer && "sessions" in formAnswer ? formAnswer.sessions : sessions}
          busy={busy}
          submitLabel={t("meetings.agreements.save")}
          cancelHref={`/meetings/agreements/${a.id}`}
        />
      </>
    );
  }

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/meetings/agreements">← {t("meetings.agreements.backToList")}</Link>
          </p>
          <h1>{a.number}</h1>
          <p className="muted meeting-meta">
            <time dateTime={a.adoptedOn}>{formatDay(a.adoptedOn, locale, "long")}</time>
            <span className="badge">{t(`meetings.agreements.status.${a.status}`)}</span>
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to="?edit=1" className="button">
              {t("meetings.agreements.edit")}
            </Link>
            <Form method="post">
              <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
                {t("meetings.agreements.delete")}
              </button>
            </Form>
          </div>
        ) : null}
      </header>

      {confirm ? (
        <section className="panel" role="alertdialog" aria-labelledby="agreement-delete-title">
          <h2 id="agreement-delete-title">{t("meetings.agreements.confirmTitle")}</h2>
          {confirm.errors._form ? <p className="form-error">{t(confirm.errors._form)}</p> : null}
          {confirm.stale ? <p className="form-error">{t("meetings.delete.stale")}</p> : null}
          {confirm.errors._form ? null : (
            <>
              <p>{t("meetings.agreements.confirmBody", { number: confirm.impact.number, jurors: confirm.impact.jurors })}</p>
              <Form method="post" className="form-actions">
                <input type="hidden" name="jurors" value={confirm.impact.jurors} />
                <button type="submit" name="intent" value="confirmDelete" className="button button--danger" disabled={busy} autoFocus>
                  {t("meetings.delete.confirm")}
                </button>
                <Link to={`/meetings/agreements/${a.id}`} className="button">
                  {t("common.cancel")}
                </Link>
              </Form>
            </>
          )}
        </section>
      ) : null}

      <section className="panel meeting-detail">
        <dl>
          <dt>{t("meetings.agreements.titleField")}</dt>
          <dd>{a.title}</dd>
          <dt>{t("meetings.agreements.session")}</dt>
          <dd>
            {a.meeting ? (
              <Link to={`/meetings/${a.meeting.id}`}>
                {formatDay(a.meeting.heldOn, locale)} — {a.meeting.subject}
              </Link>
            ) : (
              <span className="muted">{t("meetings.agreements.noSession")}</span>
            )}
          </dd>
          {a.ownerArea ? (
            <>
              <dt>{t("meetings.agreements.ownerArea")}</dt>
              <dd>{t(`ineArea.${a.ownerArea}`)}</dd>
            </>
          ) : null}
          {a.vote ? (
            <>
              <dt>{t("meetings.agreements.vote")}</dt>
              <dd className="summary">{a.vote}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section className="panel meeting-detail" aria-labelledby="agreement-jurors">
        <h2 id="agreement-jurors">{t("meetings.agreements.jurors")}</h2>
        {a.jurors.length ? (
          <ul data-jurors>
            {a.jurors.map((j) => (
              <li key={j.id}>{t("meetings.agreements.jurorLine", { name: j.name, contest: j.contest.name })}</li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("meetings.agreements.noJurors")}</p>
        )}
      </section>

      {a.approvedReports.length ? (
        <section className="panel meeting-detail" aria-labelledby="agreement-reports">
          <h2 id="agreement-reports">{t("meetings.agreements.reports")}</h2>
          <ul>
            {a.approvedReports.map((r) => (
              <li key={r.id}>
                <Link to={`/reports/${r.month}`}>{t("meetings.agreements.reportLine", { month: formatMonth(r.month, locale), version: r.version })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
