import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDay, meetingsTitle } from "~/components/meetings/labels";
import { MeetingForm } from "~/components/meetings/meeting-form";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { useLocale, useT } from "~/i18n/use-t";
import { badRequest, formBody, idParam, notFound } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { MeetingError } from "~/modules/meetings/errors";
import { handleMeetingForm } from "~/modules/meetings/form.server";
import { deleteMeeting, getMeeting, meetingDeletionImpact, meetingExists } from "~/modules/meetings/meeting.server";

export const meta = meetingsTitle("meetings.detail.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const meeting = await getMeeting(idParam(request, params.id, "key"));
  if (!meeting) throw notFound(request);
  const canEdit = can(user.role, "edit:partner");
  return { meeting, canEdit, editing: canEdit && new URL(request.url).searchParams.get("edit") === "1" };
}

type Confirm = { ok: false; intent: "delete"; impact: Awaited<ReturnType<typeof meetingDeletionImpact>>; stale: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:partner");
  const id = idParam(request, params.id, "key");
  const actor = { userId: user.id, ip: clientIp(request) };
  const form = await formBody(request);
  if (!(await meetingExists(id))) throw notFound(request);
  const intent = form.get("intent");
  try {
    switch (intent) {
      case "save":
      case "findPartners": {
        const result = await handleMeetingForm(actor, form, id);
        if (result.ok) return redirectWithToast(`/meetings/${id}`, { kind: "success", message: "meetings.form.saved" });
        return data(result, { status: result.intent === "save" ? 400 : 200 });
      }
      case "delete":
        // The first post changes nothing: it says what will go (decision 023).
        return data<Confirm>({ ok: false, intent: "delete", impact: await meetingDeletionImpact(id), stale: false });
      case "confirmDelete": {
        const count = (name: string) => Number(form.get(name));
        const participants = count("participants");
        const agreements = count("agreements");
        if (!Number.isInteger(participants) || !Number.isInteger(agreements)) throw badRequest(request);
        const result = await deleteMeeting(actor, id, { participants, agreements });
        if (!result.deleted) return data<Confirm>({ ok: false, intent: "delete", impact: await meetingDeletionImpact(id), stale: true }, { status: 409 });
        return redirectWithToast("/meetings", { kind: "success", message: "meetings.delete.done" });
      }
      default:
        throw badRequest(request);
    }
  } catch (error) {
    if (error instanceof MeetingError && error.code === "notFound") throw notFound(request);
    throw error;
  }
}

export default function MeetingPage() {
  const { meeting, canEdit, editing } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const formAnswer = answer && answer.intent !== "delete" ? answer : null;
  const confirm = answer && answer.intent === "delete" ? answer : null;
  const p = meeting.participants;
  const none = p.partners.length + p.ineAreas.length + p.politicalParties.length === 0;

  if (editing || formAnswer) {
    return (
      <>
        <header className="page-header">
          <p>
            <Link to={`/meetings/${meeting.id}`}>← {meeting.subject}</Link>
          </p>
          <h1>{t("meetings.form.editTitle")}</h1>
        </header>
        <MeetingForm
          key={formAnswer?.nonce ?? "edit"}
          values={
            formAnswer?.values ?? {
              kind: meeting.kind,
              heldOn: meeting.heldOn,
              subject: meeting.subject,
              summary: meeting.summary ?? "",
              format: meeting.format,
              // The rule's answer stays «automatic», so it follows the participants when they change.
              reportPart: meeting.reportPart === meeting.defaultReportPart ? "" : meeting.reportPart,
              partnerIds: p.partners.map((x) => x.id),
              ineAreas: p.ineAreas,
              politicalParties: p.politicalParties.join("\n"),
            }
          }
          errors={formAnswer?.errors ?? {}}
          chosen={formAnswer?.chosen ?? p.partners}
          found={formAnswer?.found ?? null}
          query={formAnswer?.query ?? ""}
          busy={busy}
          submitLabel={t("meetings.form.save")}
          cancelHref={`/meetings/${meeting.id}`}
        />
      </>
    );
  }

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <p>
            <Link to="/meetings">← {t("meetings.backToList")}</Link>
          </p>
          <h1>{meeting.subject}</h1>
          <p className="muted meeting-meta">
            <time dateTime={meeting.heldOn}>{formatDay(meeting.heldOn, locale, "long")}</time>
            <span>{t(`meetings.kind.${meeting.kind}`)}</span>
            <span>{t(`meetings.format.${meeting.format}`)}</span>
          </p>
        </div>
        {canEdit ? (
          <div className="form-actions">
            <Link to="?edit=1" className="button">
              {t("meetings.actions.edit")}
            </Link>
            <Form method="post">
              <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
                {t("meetings.actions.delete")}
              </button>
            </Form>
          </div>
        ) : null}
      </header>

      {confirm ? (
        <section className="panel" role="alertdialog" aria-labelledby="meeting-delete-title">
          <h2 id="meeting-delete-title">{t("meetings.delete.confirmTitle")}</h2>
          {confirm.stale ? <p className="form-error">{t("meetings.delete.stale")}</p> : null}
          <p>
            {t("meetings.delete.confirmBody", {
              subject: confirm.impact.subject,
              participants: confirm.impact.participants,
              agreements: confirm.impact.agreements,
              followUps: confirm.impact.followUps,
            })}
          </p>
          <Form method="post" className="form-actions">
            <input type="hidden" name="participants" value={confirm.impact.participants} />
            <input type="hidden" name="agreements" value={confirm.impact.agreements} />
            <button type="submit" name="intent" value="confirmDelete" className="button button--danger" disabled={busy} autoFocus>
              {t("meetings.delete.confirm")}
            </button>
            <Link to={`/meetings/${meeting.id}`} className="button">
              {t("common.cancel")}
            </Link>
          </Form>
        </section>
      ) : null}

      <section className="panel meeting-detail" aria-labelledby="meeting-participants">
        <h2 id="meeting-participants">{t("meetings.detail.participants")}</h2>
        {none ? (
          <p className="muted">{t("meetings.detail.noParticipants")}</p>
        ) : (
          <dl>
            {p.partners.length ? (
              <>
                <dt>{t("meetings.fields.partners")}</dt>
                <dd>
                  <ul data-participants="partners">
                    {p.partners.map((x) => (
                      <li key={x.id}>
                        <Link to={`/partners/${x.id}`}>{x.name}</Link>
                        {x.acronym ? <span className="muted"> ({x.acronym})</span> : null}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {p.ineAreas.length ? (
              <>
                <dt>{t("meetings.fields.ineAreas")}</dt>
                <dd>
                  <ul>
                    {p.ineAreas.map((a) => (
                      <li key={a}>{t(`ineArea.${a}`)}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
            {p.politicalParties.length ? (
              <>
                <dt>{t("meetings.fields.politicalParties")}</dt>
                <dd>
                  <ul>
                    {p.politicalParties.map((name) => (
                      <li key={name}>{name}</li>
                    ))}
                  </ul>
                </dd>
              </>
            ) : null}
          </dl>
        )}
        <p>
          {t("meetings.detail.reportPartLine", { part: t(`reportPart.${meeting.reportPart}`) })}{" "}
          {meeting.reportPart !== meeting.defaultReportPart ? (
            <span className="muted">{t("meetings.detail.reportPartDiffers", { part: t(`reportPart.${meeting.defaultReportPart}`) })}</span>
          ) : null}
        </p>
        {meeting.summary ? (
          <>
            <h3>{t("meetings.detail.summary")}</h3>
            <p className="summary">{meeting.summary}</p>
          </>
        ) : null}
      </section>

      {meeting.kind === "COMMISSION_SESSION" || meeting.agreements.length ? (
        <section className="panel meeting-detail" aria-labelledby="meeting-agreements">
          <h2 id="meeting-agreements">{t("meetings.detail.agreements")}</h2>
          {meeting.agreements.length ? (
            <ul>
              {meeting.agreements.map((a) => (
                <li key={a.id}>
                  <Link to={`/meetings/agreements/${a.id}`}>{a.number}</Link> — {a.title}{" "}
                  <span className="muted">
                    · {formatDay(a.adoptedOn, locale)} · {t(`meetings.agreements.status.${a.status}`)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("meetings.detail.noAgreements")}</p>
          )}
          {canEdit && meeting.kind === "COMMISSION_SESSION" ? (
            <p>
              <Link to={`/meetings/agreements/new?meeting=${meeting.id}`} className="button">
                {t("meetings.detail.addAgreement")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section className="panel meeting-detail" aria-labelledby="meeting-followups">
        <h2 id="meeting-followups">{t("meetings.detail.followUps")}</h2>
        {meeting.followUps.length ? (
          <ul>
            {meeting.followUps.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong>{" "}
                <span className={f.state === "DONE" ? "badge badge--ok" : "badge"}>{t(`partners.followUp.stateLabel.${f.state}`)}</span>
                <div className="muted">
                  <Link to={`/partners/${f.partner.id}`}>{f.partner.name}</Link> · {t("partners.followUp.dueOn")}: {formatDay(f.dueOn, locale)} · {f.owner.name}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("meetings.detail.noFollowUps")}</p>
        )}
      </section>
    </>
  );
}
