import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";
import type { T } from "~/i18n";
import { useT } from "~/i18n/use-t";

/** The statuses with words of their own; anything else reads as an unexpected error. */
const KNOWN = ["400", "403", "404", "415", "429"] as const;
type ErrorKind = (typeof KNOWN)[number] | "500";

export function errorKind(status: number): ErrorKind {
  return KNOWN.find((k) => k === String(status)) ?? "500";
}

/** The HTTP status of the error a boundary caught; anything that is not a response is a bug, so it is logged. */
export function useErrorStatus(): number {
  const error = useRouteError();
  if (!isRouteErrorResponse(error)) console.error(error);
  return isRouteErrorResponse(error) ? error.status : 500;
}

/** An error's title and words. */
function ErrorWords({ status, t }: { status: number; t: T }) {
  const kind = errorKind(status);
  return (
    <>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
    </>
  );
}

/** The words of an error; the caller places it (inside the app shell's <main>, or a bare one). */
export function ErrorPage({ status, t }: { status: number; t: T }) {
  return (
    <div className="error-page">
      <p className="error-page__code">{status}</p>
      <ErrorWords status={status} t={t} />
      <p>
        <a className="button" href="/">
          {t("errors.backHome")}
        </a>
      </p>
    </div>
  );
}

/** An error inside an area whose frame (navigation) stays around it; `children` is the way on. */
export function AreaError({ status, children }: { status: number; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="empty-state" role="alert">
      <ErrorWords status={status} t={t} />
      {children}
    </div>
  );
}
