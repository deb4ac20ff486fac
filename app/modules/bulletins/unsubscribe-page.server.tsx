/**
 * The public unsubscribe page, rendered on the server as a small self-contained document: no
 * script, no cookie, no session, no app chrome. It is served by a resource route so that the
 * RFC 8058 one-click POST works from any origin (the token is the credential).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { INTL_LOCALE, makeT, type Locale } from "~/i18n";
import type { NoticeShown } from "~/modules/settings/index.server";

const STYLE = `body{font-family:Helvetica,Arial,sans-serif;background:#f6f7f9;color:#1b1f24;margin:0}
main{max-width:34rem;margin:3rem auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.5rem;margin-top:0}button{background:#8a1538;color:#fff;border:0;border-radius:6px;padding:.75rem 1.25rem;font-size:1rem;cursor:pointer;width:100%}
details{margin-top:1.5rem;color:#525a66}.status{font-weight:600}`;

export type UnsubscribeView = { locale: Locale; token: string; state: "ask" | "done" | "already" | "invalid" | "test"; privacyNotice: NoticeShown | null };

export function renderUnsubscribePage(view: UnsubscribeView): string {
  const t = makeT(view.locale);
  const messages = {
    done: t("bulletins.unsubscribe.done"),
    already: t("bulletins.unsubscribe.already"),
    invalid: t("bulletins.unsubscribe.invalid"),
    test: t("bulletins.unsubscribe.test"),
  };
  const markup = renderToStaticMarkup(
    <html lang={INTL_LOCALE[view.locale]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <meta name="referrer" content="no-referrer" />
        <title>{t("bulletins.unsubscribe.title")}</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <main>
          <h1>{t("bulletins.unsubscribe.title")}</h1>
          {view.state === "ask" ? (
            <>
              <p>{t("bulletins.unsubscribe.intro")}</p>
              <form method="post" action={`/u/${view.token}`}>
                <input type="hidden" name="List-Unsubscribe" value="One-Click" />
                <button type="submit">{t("bulletins.unsubscribe.button")}</button>
              </form>
            </>
          ) : (
            <p className="status" role="status" data-testid="unsubscribe-result">
              {messages[view.state]}
            </p>
          )}
          <details id="aviso-de-privacidad">
            <summary>{t("bulletins.unsubscribe.privacy")}</summary>
            {view.privacyNotice ? (
              <>
                {/* No notice in the reader's language: the Spanish one, and a plain word that it is Spanish only. */}
                {view.privacyNotice.fallback ? <p data-testid="privacy-language">{t("bulletins.unsubscribe.privacySpanishOnly")}</p> : null}
                <p style={{ whiteSpace: "pre-wrap" }} lang={INTL_LOCALE[view.privacyNotice.language]} data-notice-version={view.privacyNotice.version}>
                  {view.privacyNotice.text}
                </p>
              </>
            ) : (
              <p>{t("bulletins.unsubscribe.noPrivacy")}</p>
            )}
          </details>
        </main>
      </body>
    </html>,
  );
  return `<!DOCTYPE html>${markup}`;
}
