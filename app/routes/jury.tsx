import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, Outlet, useRouteError } from "@remix-run/react";
import { juryLinks } from "~/components/jury/ui";
import { errorKind } from "~/components/layout/error-page";
import { useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";

export const links = juryLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, ["manage:jury", "read:jury-results", "evaluate:jury"]);
  return null;
}

export default function JuryLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const kind = errorKind(status);
  return (
    <div className="empty-state" role="alert">
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <a className="button" href="/jury">
          {t("jury.backToWorkspace")}
        </a>
      </p>
    </div>
  );
}
