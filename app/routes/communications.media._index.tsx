import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { pageTitle } from "~/components/contact-detail/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import { enumParam, monthParam } from "~/lib/params";
import { mayEdit, requireCommunications } from "~/modules/communications/access.server";
import { listMediaNotes } from "~/modules/communications/media.server";
import { MEDIA_MEDIUMS, MEDIA_TONES } from "~/modules/communications/shapes";

export const meta = pageTitle("communications.media.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const access = await requireCommunications(request);
  const params = new URL(request.url).searchParams;
  const filter = { month: monthParam(request, params.get("month")), medium: enumParam(params.get("medium"), MEDIA_MEDIUMS), tone: enumParam(params.get("tone"), MEDIA_TONES) };
  const list = await listMediaNotes(filter, params.get("cursor"));
  // Adding: staff who edit, or the CNCS while its section of the month (or of this month) is open.
  const canAdd = access.kind === "staff" ? access.edit : await mayEdit(access, filter.month ?? new Date().toISOString().slice(0, 7), "MEDIA");
  return { filter, ...list, canAdd };
}

export default function MediaLogPage() {
  const { filter, rows, nextCursor, canAdd } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const filtered = !!(filter.month || filter.medium || filter.tone);
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("communications.media.logTitle")}</h1>
          <p className="muted">{t("communications.media.intro")}</p>
        </div>
        {canAdd ? (
          <div className="form-actions">
            <Link to={`/communications/media/new${filter.month ? `?month=${filter.month}` : ""}`} className="button button--primary">
              {t("communications.media.add")}
            </Link>
          </div>
        ) : null}
      </header>
      <Form method="get" className="filters" role="search" aria-label={t("communications.media.filters")}>
        <div className="field">
          <label htmlFor="media-month">{t("communications.month.pick")}</label>
          <input id="media-month" name="month" type="month" defaultValue={filter.month ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="media-medium">{t("communications.fields.medium")}</label>
          <select id="media-medium" name="medium" defaultValue={filter.medium ?? ""}>
            <option value="">{t("communications.media.any")}</option>
            {MEDIA_MEDIUMS.map((m) => (
              <option key={m} value={m}>
                {t(`communications.medium.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="media-tone">{t("communications.fields.tone")}</label>
          <select id="media-tone" name="tone" defaultValue={filter.tone ?? ""}>
            <option value="">{t("communications.media.any")}</option>
            {MEDIA_TONES.map((m) => (
              <option key={m} value={m}>
                {t(`communications.tone.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("communications.media.apply")}
          </button>
          {filtered ? (
            <Link to="/communications/media" className="button">
              {t("communications.media.clear")}
            </Link>
          ) : null}
        </div>
      </Form>
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>{t(filtered ? "communications.media.emptyFiltered" : "communications.media.empty")}</p>
        </div>
      ) : (
        <ol className="panel" style={{ listStyle: "none", paddingLeft: "1.25rem" }} aria-label={t("communications.media.logTitle")}>
          {rows.map((r) => (
            <li key={r.id} data-note={r.id} style={{ padding: "0.4rem 0", overflowWrap: "anywhere" }}>
              <span className="muted">
                <time dateTime={r.publishedOn}>{formatDate(r.publishedOn, locale)}</time> · {t(`communications.medium.${r.medium}`)} · {t(`communications.type.${r.type}`)} ·{" "}
                {t(`communications.tone.${r.tone}`)}
              </span>
              <br />
              <Link to={`/communications/media/${r.id}`}>{r.outlet}</Link>
              {r.title ? ` — ${r.title}` : ""}
            </li>
          ))}
        </ol>
      )}
      <KeysetPager nextCursor={nextCursor ?? undefined} />
    </>
  );
}
