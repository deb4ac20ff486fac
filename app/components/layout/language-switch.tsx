import { Form, useLocation } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-t";

/** A plain form: works before the JavaScript loads, and is remembered per user. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  const location = useLocation();
  const other = locale === "es" ? "en" : "es";
  return (
    <Form method="post" action="/locale" className="language-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" lang={other} aria-label={t("layout.switchLanguage")}>
        {other === "en" ? "English" : "Español"}
      </button>
    </Form>
  );
}
