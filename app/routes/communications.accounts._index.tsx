import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AccountForm } from "~/components/communications/account-form";
import { Card, DataTable, PageHeader, StatusBadge, type Column } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { actorOf } from "~/lib/actor.server";
import { parseForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { redirectWithToast } from "~/lib/toast.server";
import { accountSchema } from "~/modules/communications";
import { CommunicationsError, createAccount, listAccounts, mayManageAccounts, requireCommunications, requireThat } from "~/modules/communications/index.server";

export const meta = pageTitle("communications.accounts.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  await requireThat(access.kind === "staff").catch(refusalResponse);
  return { accounts: await listAccounts(), canEdit: mayManageAccounts(access) };
}

export async function action({ request }: ActionFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  await requireThat(mayManageAccounts(access)).catch(refusalResponse);
  const parsed = await parseForm(request, accountSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    const { id } = await createAccount(actorOf(request, access.user), { ...parsed.value, active: true });
    return redirectWithToast(`/communications/accounts/${id}`, { kind: "success", message: "communications.accounts.created" });
  } catch (error) {
    if (error instanceof CommunicationsError && error.code === "duplicateHandle") return data(parsed.reply({ fieldErrors: { handle: [error.messageKey] } }), { status: 409 });
    throw error;
  }
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["accounts"][number];

export default function AccountsPage() {
  const { accounts, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const reply = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const columns: Column<Row>[] = [
    { key: "account", header: t("communications.fields.account"), primary: true, cell: (a) => <Link to={`/communications/accounts/${a.id}`}>{`${t(`communications.network.${a.network}`)} ${a.handle}`}</Link> },
    { key: "area", header: t("communications.fields.ownerArea"), cell: (a) => t(`communications.area.${a.ownerArea}`) },
    { key: "active", header: t("communications.accounts.activeLabel"), cell: (a) => <StatusBadge tone={a.active ? "success" : "neutral"} label={t(a.active ? "communications.accounts.active" : "communications.accounts.inactive")} /> },
    { key: "months", header: t("communications.tabs.month"), cell: (a) => (a.months ? t("communications.accounts.months", { count: a.months, last: a.lastMonth ?? "" }) : t("communications.accounts.noMonths")) },
  ];
  return (
    <>
      <PageHeader title={t("communications.accounts.title")} description={t("communications.accounts.intro")} />
      <DataTable label={t("communications.accounts.title")} columns={columns} rows={accounts} rowKey={(a) => a.id} rowAttrs={(a) => ({ "data-account": a.id })} empty={{ message: t("communications.accounts.empty") }} className="comms-table" />
      {canEdit ? (
        <Card title={t("communications.accounts.new")}>
          <AccountForm values={{}} lastResult={reply} submitLabel={t("communications.accounts.create")} busy={busy} />
        </Card>
      ) : null}
    </>
  );
}
