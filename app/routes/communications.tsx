import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import communicationsStylesHref from "~/components/communications/communications.css?url";
import { Tabs } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { refusalResponse } from "~/lib/http.server";
import { requireCommunications } from "~/modules/communications/index.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: communicationsStylesHref }];

/** The communications area (decision 025): the month's figures, the accounts and the media log, as tabs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  return { staff: access.kind === "staff" };
}

export default function CommunicationsLayout() {
  const { staff } = useLoaderData<typeof loader>();
  const t = useT();
  const tabs = [
    { to: "/communications/months", label: t("communications.tabs.month") },
    ...(staff ? [{ to: "/communications/accounts", label: t("communications.tabs.accounts") }] : []),
    { to: "/communications/media", label: t("communications.tabs.media") },
  ];
  return (
    <>
      <Tabs label={t("communications.tabs.label")} tabs={tabs} />
      <Outlet />
    </>
  );
}
