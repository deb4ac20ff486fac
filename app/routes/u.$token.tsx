import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { localeFromAcceptLanguage } from "~/i18n";
import { clientIp } from "~/modules/auth/index.server";
import { renderUnsubscribePage, unsubscribeByToken, unsubscribePage } from "~/modules/bulletins/index.server";
import { privacyNoticeFor } from "~/modules/settings/index.server";

/**
 * The unsubscribe link of every bulletin (a resource route: a small page of its own, no session,
 * no cookie). GET shows a page with a button and never unsubscribes (link scanners follow GETs);
 * POST — the button, or a mail client's RFC 8058 one-click "List-Unsubscribe=One-Click" from any
 * origin — unsubscribes at once, idempotently. A forged or expired token gets 400 and changes nothing.
 */
const HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "Referrer-Policy": "no-referrer",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await unsubscribePage(params.token, localeFromAcceptLanguage(request.headers.get("accept-language")));
  const state = !page.valid ? "invalid" : page.test ? "test" : page.unsubscribed ? "already" : "ask";
  const html = renderUnsubscribePage({ locale: page.locale, token: params.token ?? "", state, privacyNotice: page.privacyNotice });
  return new Response(html, { status: page.valid ? 200 : 400, headers: HEADERS });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const fallback = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const result = await unsubscribeByToken(params.token, clientIp(request), fallback);
  const locale = result.ok ? result.locale : fallback;
  const state = !result.ok ? "invalid" : result.test ? "test" : result.changed ? "done" : "already";
  const html = renderUnsubscribePage({ locale, token: params.token ?? "", state, privacyNotice: await privacyNoticeFor(locale) });
  return new Response(html, { status: result.ok ? 200 : 400, headers: HEADERS });
}
