import type { T } from "~/i18n";

/** The statuses with words of their own; anything else reads as an unexpected error. */
const KNOWN = ["400", "403", "404", "415", "429"] as const;
type ErrorKind = (typeof KNOWN)[number] | "500";

export function errorKind(status: number): ErrorKind {
  return KNOWN.find((k) => k === String(status)) ?? "500";
}

/** The words of an error; the caller places it (inside the app shell's <main>, or a bare one). */
export function ErrorPage({ status, t }: { status: number; t: T }) {
  const kind = errorKind(status);
  return (
    <div className="error-page">
      <p className="error-page__code">{status}</p>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <a className="button" href="/">
          {t("errors.backHome")}
        </a>
      </p>
    </div>
  );
}
