import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { followUpColumns } from "~/components/partners/follow-up-columns";
import { DataTable, FormError, KeysetPager, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { parseForm } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { followUpStateSchema, listMyFollowUps, PartnerError, setFollowUpState } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.myFollowUps.title");

/** "Mis pendientes": the signed-in user's open follow-ups across institutions, overdue first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  return listMyFollowUps(user.id, new URL(request.url).searchParams.get("cursor"));
}

/** The owner closes their own follow-up; whoever edits partners may close anyone's. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, actor } = await requireActor(request, "read:partner");
  const parsed = await parseForm(request, followUpStateSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    await setFollowUpState(actor, parsed.value.followUpId, parsed.value.state, can(user.role, "edit:partner") ? {} : { ownerId: user.id });
  } catch (error) {
    if (error instanceof PartnerError) return data(parsed.reply({ formErrors: [error.messageKey] }), { status: 400 });
    throw error;
  }
  return redirectWithToast("/follow-ups", { kind: "success", message: `partners.followUp.state.${parsed.value.state}` });
}

export default function MyFollowUpsPage() {
  const { rows, nextCursor, overdueCount } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const error = Object.values(reply?.error ?? {}).flat()[0];
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader title={t("partners.myFollowUps.title")} description={t("partners.myFollowUps.intro")}>
        {overdueCount > 0 ? <p role="status">{t("partners.myFollowUps.overdueCount", { count: overdueCount })}</p> : null}
      </PageHeader>
      <FormError error={error} />
      <DataTable
        label={t("partners.myFollowUps.title")}
        columns={followUpColumns(t, locale)}
        rows={rows}
        rowKey={(f) => f.id}
        rowAttrs={(f) => ({ "data-overdue": f.overdue ? "true" : "false" })}
        empty={{ message: t("partners.myFollowUps.empty") }}
      />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
