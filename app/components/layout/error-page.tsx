import type { T } from "~/i18n";

/** The statuses with words of their own; anything else reads as an unexpected error. */
const KNOWN = new Set([400, 403, 404, 415, 429]);

export function errorKind(status: number): string {
  return KNOWN.has(status) ? String(status) : "500";
}

export function ErrorPage({ status, t }: { status: number; t: T }) {
  const kind = errorKind(status);
  return (
    <main className="error-page" id="main">
      <p className="error-page__code">{status}</p>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <a className="button" href="/">
          {t("errors.backHome")}
        </a>
      </p>
    </main>
  );
}
