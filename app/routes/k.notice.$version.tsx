import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { eventsLinks } from "~/components/events/styles";
import { makeT, type Locale } from "~/i18n";
import { formatDate } from "~/lib/format";
import { publicNotice } from "~/modules/events/index.server";
import { kioskLanguageSchema } from "~/modules/events";
import { idParam, notFound } from "~/lib/params";

export const links = eventsLinks;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: makeT(d?.lang ?? "es")("events.notice.title") }, { name: "robots", content: "noindex" }];

function langOf(request: Request): Locale {
  return kioskLanguageSchema.parse(new URL(request.url).searchParams.get("lang") ?? undefined);
}

/**
 * One published privacy notice version, public: the kiosk links it when the visitor's language has
 * no notice of its own, and the confirmation mail links the version the visitor accepted.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const version = idParam(request, params.version, "int");
  const lang = langOf(request);
  const notice = await publicNotice(version, lang);
  if (!notice) throw notFound(request);
  return { lang, notice };
}

export default function NoticePage() {
  const { lang, notice } = useLoaderData<typeof loader>();
  const t = makeT(lang);
  const published = formatDate(new Date(notice.publishedAt), lang, "long");
  return (
    <div className="kiosk" lang={lang === "en" ? "en" : "es-MX"}>
      <section className="panel">
        <h1>{t("events.notice.title")}</h1>
        <p className="muted">{t("events.notice.version", { version: notice.version, date: published })}</p>
        {notice.otherLanguage ? <p className="kiosk-notice-language">{t(notice.language === "es" ? "events.notice.spanishOnly" : "events.notice.englishOnly")}</p> : null}
        {notice.inForce ? null : <p className="kiosk-notice-language">{t("events.notice.superseded")}</p>}
        <div className="notice-text" lang={notice.language === "en" ? "en" : "es-MX"} style={{ whiteSpace: "pre-wrap" }}>
          {notice.text}
        </div>
      </section>
    </div>
  );
}
