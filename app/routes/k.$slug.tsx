import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { countryName } from "~/lib/format";
import { subdivisionName } from "~/modules/geo";
import { EventTime } from "~/components/events/labels";
import { eventsLinks } from "~/components/events/styles";
import { makeT, type Locale } from "~/i18n";
import { clientIp } from "~/modules/auth/index.server";
import { HONEYPOT_FIELD, kioskLanguageSchema } from "~/modules/events";
import { getKiosk, submitKioskSignup } from "~/modules/events/index.server";
import { idParam, notFound } from "~/lib/params";
import { idleSecondsOf, KIOSK_IDLE_SECONDS, KioskIdleScript } from "~/components/events/kiosk/idle";
import { KioskSignupForm } from "~/components/events/kiosk/signup-form";
import { readSmallForm } from "~/lib/small-form.server";

/** The kiosk form is a few short fields; nothing larger is ever read (the page is public). */
export const KIOSK_BODY_MAX = 16 * 1024;

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

/** Keeps a shortened idle time (`?idle=N`) from the form's address through the thanks page. */
function idleQuery(request: Request): string {
  const seconds = idleSecondsOf(new URL(request.url));
  return seconds === KIOSK_IDLE_SECONDS ? "" : `&idle=${seconds}`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const slug = idParam(request, params.slug, "key");
  const form = await readSmallForm(request, KIOSK_BODY_MAX);
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
  const home = `?lang=${lang}${idleSeconds === KIOSK_IDLE_SECONDS ? "" : `&idle=${idleSeconds}`}`;
  const actionData = useActionData<typeof action>();
  const t = makeT(lang);
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const closed = state !== "open" || actionData?.error === "events.kiosk.closed";
  const place = [event.venue, event.city, event.state ? subdivisionName(event.state) : null, event.country ? countryName(event.country, lang) : null].filter(Boolean).join(", ");
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
        <KioskSignupForm t={t} lang={lang} notice={notice} values={values} errors={errors} error={actionData?.error} />
      )}
      <KioskIdleScript />
    </div>
  );
}
