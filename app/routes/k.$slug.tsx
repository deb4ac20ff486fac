import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { countryName } from "~/components/contacts/labels";
import { subdivisionName } from "~/modules/geo";
import { EventTime } from "~/components/events/labels";
import { eventsLinks } from "~/components/events/styles";
import { makeT, type Locale } from "~/i18n";
import { clientIp } from "~/modules/auth/index.server";
import { COMMON_COUNTRIES, HONEYPOT_FIELD, kioskLanguageSchema } from "~/modules/events";
import { getKiosk, submitKioskSignup } from "~/modules/events/index.server";
import { idParam, notFound } from "~/lib/params";
import { useNonce } from "~/components/nonce";

/** An unattended tablet returns to an empty form after this long without input. */
const KIOSK_IDLE_SECONDS = 60;

/**
 * Seconds of inactivity before the kiosk clears itself: 60, or `?idle=N` (2–600) for a browser
 * test or a stand that wants it shorter. Harmless to expose: it only decides how soon this screen
 * forgets its visitor.
 */
function idleSecondsOf(url: URL): number {
  const n = Number(url.searchParams.get("idle"));
  return Number.isInteger(n) && n >= 2 && n <= 600 ? n : KIOSK_IDLE_SECONDS;
}

/**
 * Installed once per page load and kept across client navigations (React never re-runs an inline
 * script): every input re-arms the timer; when it fires on the thanks page, or on a form holding
 * anything, the page is replaced by the empty form (a full load, so nothing typed survives in
 * memory or in the history). No-JS thanks pages use a meta refresh instead.
 */
const IDLE_SCRIPT = `(function(){
var root=document.querySelector("[data-kiosk-idle]");if(!root)return;
var ms=Number(root.getAttribute("data-kiosk-idle"))*1000||60000,timer;
function holdsData(){var k=document.querySelector("[data-kiosk-idle]");if(!k)return false;
if(k.querySelector(".kiosk-done[data-kiosk-thanks]")||k.querySelector("[role=alert]"))return true;
var f=k.querySelector("form");if(!f)return false;
return Array.prototype.some.call(f.elements,function(e){
if(e.type==="hidden"||e.type==="radio"||e.tabIndex===-1)return false;
if(e.type==="checkbox")return e.checked;
if(e.tagName==="SELECT")return e.selectedIndex>0;
return typeof e.value==="string"&&e.value!=="";});}
function fire(){var k=document.querySelector("[data-kiosk-idle]");if(!k)return;
if(holdsData())location.replace(k.getAttribute("data-kiosk-home"));else arm();}
function arm(){clearTimeout(timer);timer=setTimeout(fire,ms);}
["input","change","keydown","pointerdown","touchstart","wheel"].forEach(function(n){document.addEventListener(n,arm,{capture:true,passive:true});});
arm();})();`;

export const links = eventsLinks;

/** A rate-limited answer says when to try again. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction<typeof loader> = ({ data: d }) => {
  const t = makeT(d?.lang ?? "es");
  return [{ title: d?.event ? `${t("events.kiosk.title")} — ${d.event.name}` : t("events.kiosk.title") }, { name: "robots", content: "noindex" }];
};

function langOf(request: Request): Locale {
  return kioskLanguageSchema.parse(new URL(request.url).searchParams.get("lang") ?? undefined);
}

/** The public sign-up page of an event: no login; closed outside the event's sign-up window. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langOf(request);
  const kiosk = await getKiosk(idParam(request, params.slug, "key"), lang);
  if (!kiosk) throw notFound(request);
  const url = new URL(request.url);
  const { event } = kiosk;
  return {
    lang,
    done: url.searchParams.get("done") === "1",
    idleSeconds: idleSecondsOf(url),
    state: kiosk.state,
    notice: kiosk.notice,
    event: { name: event.name, startsAt: event.startsAt, timeZone: event.timeZone, city: event.city, state: event.state, country: event.country, venue: event.venue },
  };
}

/** The kiosk form is a few short fields; nothing larger is ever read (the page is public). */
export const KIOSK_BODY_MAX = 16 * 1024;

/**
 * Reads the posted form without buffering more than KIOSK_BODY_MAX bytes: the form's own
 * encoding only, refused (413/415) before anything else runs, so nobody can exhaust the server's
 * memory with an anonymous upload.
 */
async function readKioskForm(request: Request): Promise<Record<string, string>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new Response("Unsupported Media Type", { status: 415 });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > KIOSK_BODY_MAX) throw new Response("Payload Too Large", { status: 413, headers: { Connection: "close" } });
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Stop reading (the rest is discarded unbuffered by the server): the answer still arrives.
      if (size > KIOSK_BODY_MAX) throw new Response("Payload Too Large", { status: 413, headers: { Connection: "close" } });
      chunks.push(value);
    }
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}

/** Keeps a shortened idle time (`?idle=N`) from the form's address through the thanks page. */
function idleQuery(request: Request): string {
  const seconds = idleSecondsOf(new URL(request.url));
  return seconds === KIOSK_IDLE_SECONDS ? "" : `&idle=${seconds}`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = idParam(request, params.slug, "key");
  const form = await readKioskForm(request);
  const lang = kioskLanguageSchema.parse(typeof form.lang === "string" ? form.lang : undefined);
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(form)) if (k !== HONEYPOT_FIELD) values[k] = v;
  const result = await submitKioskSignup(slug, form, { ip: clientIp(request) });
  switch (result.status) {
    case "accepted":
      return redirect(`/k/${slug}?done=1${lang === "en" ? "&lang=en" : ""}${idleQuery(request)}`);
    case "invalid":
      return data({ error: "events.kiosk.errors.fix", errors: result.errors, values }, { status: 400 });
    case "noticeChanged":
      return data({ error: "events.kiosk.errors.noticeChanged", errors: {} as Record<string, string>, values }, { status: 409 });
    case "closed":
      return data({ error: "events.kiosk.closed", errors: {} as Record<string, string>, values }, { status: 403 });
    case "rateLimited":
      return data(
        { error: "events.kiosk.errors.rateLimited", errors: {} as Record<string, string>, values },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
  }
}

export default function KioskPage() {
  const { lang, done, idleSeconds, state, notice, event } = useLoaderData<typeof loader>();
  const nonce = useNonce();
  const home = `?lang=${lang}${idleSeconds === KIOSK_IDLE_SECONDS ? "" : `&idle=${idleSeconds}`}`;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const t = makeT(lang);
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const closed = state !== "open" || actionData?.error === "events.kiosk.closed";
  const place = [event.venue, event.city, event.state ? subdivisionName(event.state) : null, event.country ? countryName(event.country, lang) : null].filter(Boolean).join(", ");
  const countries = [...COMMON_COUNTRIES].sort((a, b) => (a === "US" ? -1 : b === "US" ? 1 : countryName(a, lang).localeCompare(countryName(b, lang), lang)));
  const field = (name: string) => ({
    id: `kiosk-${name}`,
    name,
    defaultValue: values[name] ?? "",
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `kiosk-${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p className="field-error" id={`kiosk-${name}-error`}>
        {t(errors[name])}
      </p>
    ) : null;
  return (
    <div className="kiosk" lang={lang === "en" ? "en" : "es-MX"} data-kiosk-idle={idleSeconds} data-kiosk-home={home}>
      <nav className="kiosk-lang" aria-label={t("events.kiosk.language")}>
        <Link to="?lang=es" aria-current={lang === "es" ? "true" : undefined} lang="es">
          Español
        </Link>
        <span aria-hidden="true">|</span>
        <Link to="?lang=en" aria-current={lang === "en" ? "true" : undefined} lang="en">
          English
        </Link>
      </nav>
      <h1>{event.name}</h1>
      <p className="muted">
        <EventTime at={event.startsAt} zone={event.timeZone} localOnly lang={lang} />
        {place ? <> · {place}</> : null}
      </p>
      {done ? (
        <section className="panel kiosk-done" role="status" aria-live="polite" data-kiosk-thanks="">
          {/* Without JavaScript the thanks page still goes back to an empty form. */}
          <meta httpEquiv="refresh" content={`${idleSeconds};url=${home}`} />
          <h2>{t("events.kiosk.thanksTitle")}</h2>
          <p>{t("events.kiosk.thanks")}</p>
          <Link to={home} className="button button--primary">
            {t("events.kiosk.next")}
          </Link>
        </section>
      ) : closed ? (
        <section className="panel kiosk-done" role="status">
          <h2>{state === "notYet" ? t("events.kiosk.notYetTitle") : t("events.kiosk.closedTitle")}</h2>
          <p>{state === "notYet" ? t("events.kiosk.notYet") : t("events.kiosk.closed")}</p>
        </section>
      ) : !notice ? (
        <section className="panel kiosk-done" role="status">
          <p>{t("events.kiosk.noNotice")}</p>
        </section>
      ) : (
        <Form method="post" noValidate className="panel">
          <h2>{t("events.kiosk.title")}</h2>
          <p>{t("events.kiosk.intro")}</p>
          {actionData?.error ? (
            <p className="form-error" role="alert">
              {t(actionData.error)}
            </p>
          ) : null}
          <input type="hidden" name="lang" value={lang} />
          <input type="hidden" name="noticeVersion" value={notice.version} />
          <div className="field">
            <label htmlFor="kiosk-givenName">
              {t("events.kiosk.givenName")} <span aria-hidden="true">*</span>
            </label>
            <input {...field("givenName")} autoComplete="given-name" maxLength={120} required />
            {error("givenName")}
          </div>
          <div className="field">
            <label htmlFor="kiosk-familyName">{t("events.kiosk.familyName")}</label>
            <input {...field("familyName")} autoComplete="family-name" maxLength={120} />
            {error("familyName")}
          </div>
          <div className="field">
            <label htmlFor="kiosk-email">
              {t("events.kiosk.email")} <span aria-hidden="true">*</span>
            </label>
            <input {...field("email")} type="email" inputMode="email" autoComplete="email" autoCapitalize="none" spellCheck={false} maxLength={320} required />
            {error("email")}
          </div>
          <div className="field">
            <label htmlFor="kiosk-country">{t("events.kiosk.country")}</label>
            <select {...field("country")}>
              <option value="">{t("events.kiosk.countryChoose")}</option>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {countryName(c, lang)}
                </option>
              ))}
            </select>
            {error("country")}
          </div>
          <div className="field">
            <label htmlFor="kiosk-state">{t("events.kiosk.state")}</label>
            <input {...field("state")} autoComplete="address-level1" maxLength={120} />
            {error("state")}
          </div>
          <fieldset className="ev-fieldset">
            <legend>{t("events.kiosk.languagePreference")}</legend>
            <label className="ev-check-row">
              <input type="radio" name="language" value="es" defaultChecked={(values.language ?? lang) === "es"} /> Español
            </label>
            <label className="ev-check-row">
              <input type="radio" name="language" value="en" defaultChecked={(values.language ?? lang) === "en"} /> English
            </label>
            {error("language")}
          </fieldset>
          <div className="kiosk-hp" aria-hidden="true">
            <label htmlFor={`kiosk-${HONEYPOT_FIELD}`}>{t("events.kiosk.honeypot")}</label>
            <input id={`kiosk-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <h3 id="kiosk-notice-title">{t("events.kiosk.noticeTitle", { version: notice.version })}</h3>
          {notice.fallback ? (
            <p className="kiosk-notice-language" id="kiosk-notice-language">
              {t("events.kiosk.noticeSpanishOnly")}{" "}
              <a href={`/k/notice/${notice.version}?lang=${lang}`} target="_blank" rel="noreferrer">
                {t("events.kiosk.noticeOpen")}
              </a>
            </p>
          ) : null}
          <div className="kiosk-notice" role="region" aria-labelledby="kiosk-notice-title" tabIndex={0} lang={notice.language === "en" ? "en" : "es-MX"} data-notice-language={notice.language}>
            {notice.text}
          </div>
          <label className="kiosk-consent">
            <input
              type="checkbox"
              name="consent"
              value="on"
              aria-invalid={errors.consent ? true : undefined}
              aria-describedby={[errors.consent ? "kiosk-consent-error" : null, notice.fallback ? "kiosk-notice-language" : null].filter(Boolean).join(" ") || undefined}
            />
            <span>{t(notice.fallback ? "events.kiosk.consentSpanishNotice" : "events.kiosk.consent")}</span>
          </label>
          {error("consent")}
          <button type="submit" className="button button--primary button--block" disabled={busy}>
            {t("events.kiosk.submit")}
          </button>
          <p className="muted">{t("events.kiosk.afterSubmit")}</p>
        </Form>
      )}
      <script nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: IDLE_SCRIPT }} />
    </div>
  );
}
