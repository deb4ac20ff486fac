import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountForm } from "~/components/communications/account-form";
import { Card, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { actorOf } from "~/lib/actor.server";
import { parseForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { accountSchema } from "~/modules/communications";
import { CommunicationsError, getAccount, mayManageAccounts, requireCommunications, requireThat, updateAccount } from "~/modules/communications/index.server";

export const meta = pageTitle("communications.accounts.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  await requireThat(access.kind === "staff").catch(refusalResponse);
  const account = await getAccount(requireParam(params, "id", "key"));
  if (!account) throw notFound(request);
  return { account, canEdit: mayManageAccounts(access) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  await requireThat(mayManageAccounts(access)).catch(refusalResponse);
  const id = requireParam(params, "id", "key");
  const parsed = await parseForm(request, accountSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    const { changed } = await updateAccount(actorOf(request, access.user), id, parsed.value);
    return redirectWithToast(`/communications/accounts/${id}`, changed ? { kind: "success", message: "communications.saved" } : { kind: "info", message: "communications.unchanged" });
  } catch (error) {
    if (error instanceof CommunicationsError && error.code === "duplicateHandle") return data(parsed.reply({ fieldErrors: { handle: [error.messageKey] } }), { status: 409 });
    return refusalResponse(error);
  }
}

export default function AccountPage() {
  const { account, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const summary = [
    t(`communications.area.${account.ownerArea}`),
    t(account.active ? "communications.accounts.active" : "communications.accounts.inactive"),
    account.months ? t("communications.accounts.monthsShort", { count: account.months }) : t("communications.accounts.noMonths"),
  ].join(" · ");
  return (
    <>
      <PageHeader title={`${t(`communications.network.${account.network}`)} ${account.handle}`} description={summary} back={{ to: "/communications/accounts", label: t("communications.accounts.back") }} />
      {canEdit ? (
        <Card>
          <AccountForm values={account} lastResult={reply} submitLabel={t("communications.month.save")} busy={busy} withActive />
        </Card>
      ) : null}
    </>
  );
}
