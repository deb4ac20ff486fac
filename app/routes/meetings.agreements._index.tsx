import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { agreementColumns } from "~/components/meetings/meeting-columns";
import meetingsStylesHref from "~/components/meetings/meetings.css?url";
import { DataTable, KeysetPager, LinkButton, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { yearParam } from "~/lib/params";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { listAgreements } from "~/modules/meetings/index.server";

export const meta = pageTitle("meetings.agreements.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: meetingsStylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const params = new URL(request.url).searchParams;
  const list = await listAgreements({ year: yearParam(request, params.get("year")) }, params.get("cursor"));
  return { ...list, canEdit: can(user.role, "edit:partner") };
}

export default function AgreementsPage() {
  const { rows, nextCursor, canEdit } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <PageHeader
        back={{ to: "/meetings", label: t("meetings.backToList") }}
        title={t("meetings.agreements.title")}
        description={t("meetings.agreements.intro")}
        actions={
          canEdit ? (
            <LinkButton to="/meetings/agreements/new" primary>{t("meetings.agreements.new")}</LinkButton>
          ) : undefined
        }
      />
      <DataTable label={t("meetings.agreements.title")} columns={agreementColumns(t, locale)} rows={rows} rowKey={(a) => a.id} rowAttrs={(a) => ({ "data-agreement": a.id })} empty={{ message: t("meetings.agreements.empty") }} />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
