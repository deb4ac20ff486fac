import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { formatDay, partnersTitle } from "~/components/partners/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth/permissions";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { listMyFollowUps } from "~/modules/partners/follow-ups.server";
import { PartnerError, setFollowUpState } from "~/modules/partners/partner.server";
import { followUpStateSchema } from "~/modules/partners/schema";
import { formBody } from "~/lib/params";

export const meta = partnersTitle("partners.myFollowUps.title");

/** "Mis pendientes": the signed-in user's open follow-ups across institutions, overdue first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const cursor = new URL(request.url).searchParams.get("cursor");
  return listMyFollowUps(user.id, cursor);
}

/** The owner closes their own follow-up; whoever edits partners may close anyone's. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const parsed = followUpStateSchema.safeParse(Object.fromEntries(await formBody(request)));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  try {
    const scope = can(user.role, "edit:partner") ? {} : { ownerId: user.id };
    await setFollowUpState({ userId: user.id, ip: clientIp(request) }, parsed.data.followUpId, parsed.data.state, scope);
  } catch (error) {
    if (error instanceof PartnerError) return data({ errors: { _form: error.messageKey } }, { status: 400 });
    throw error;
  }
  return redirectWithToast("/follow-ups", { kind: "success", message: `partners.followUp.state.${parsed.data.state}` });
}

export default function MyFollowUpsPage() {
  const { rows, nextCursor, overdueCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData ? Object.values(actionData.errors)[0] : undefined;
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <header className="page-header">
        <h1>{t("partners.myFollowUps.title")}</h1>
        <p className="muted">{t("partners.myFollowUps.intro")}</p>
        {overdueCount > 0 ? <p role="status">{t("partners.myFollowUps.overdueCount", { count: overdueCount })}</p> : null}
      </header>
      {error ? (
        <p className="form-error" role="alert">
          {t(error)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t("partners.myFollowUps.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("partners.followUp.dueOn")}</th>
                <th scope="col">{t("partners.followUp.title")}</th>
                <th scope="col">{t("partners.myFollowUps.institution")}</th>
                <th scope="col">{t("partners.myFollowUps.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id} data-overdue={f.overdue ? "true" : "false"}>
                  <td>
                    {formatDay(f.dueOn, locale)}{" "}
                    {f.overdue ? <span className="badge badge--off">{t("partners.myFollowUps.late", { count: f.daysLate })}</span> : null}
                  </td>
                  <td>
                    {f.title}
                    {f.meeting ? (
                      <>
                        <br />
                        <Link to={`/meetings/${f.meeting.id}`}>
                          {t("partners.followUp.fromMeeting", { subject: f.meeting.subject, date: formatDay(f.meeting.heldOn, locale) })}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/partners/${f.partner.id}`}>{f.partner.acronym ? `${f.partner.name} (${f.partner.acronym})` : f.partner.name}</Link>
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="followUpId" value={f.id} />
                      <button type="submit" name="state" value="DONE" className="button">
                        {t("partners.followUp.markDone")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
