import type { T } from "~/i18n";

export function ErrorPage({ status, t }: { status: number; t: T }) {
  const kind = status === 403 ? "403" : status === 404 ? "404" : status === 429 ? "429" : "500";
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
