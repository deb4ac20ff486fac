import type { LinksFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import enquiryStylesHref from "./enquiries.css?url";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber, formatPercent } from "~/lib/format";
import { ENQUIRY_CHANNELS, type EnquiryFigures } from "~/modules/enquiries";

export const enquiryLinks: LinksFunction = () => [{ rel: "stylesheet", href: enquiryStylesHref }];

export type TotalsErrors = Record<string, { key: string; value?: string }>;

/** The month's enquiry figures as the report counts them (names of states and countries come from the server). */
export function EnquiryFiguresView({ figures: f, names }: { figures: EnquiryFigures; names: Record<string, string> }) {
  const t = useT();
  const locale = useLocale();
  const num = (v: number) => formatNumber(v, locale);
  const pct = (v: number | null) => (v === null ? "—" : formatPercent(v, locale));
  if (f.source === null) return <p>{t("enquiries.figures.none")}</p>;
  const count = (v: number | null) => (v === null ? "—" : num(v));
  return (
    <div className="enq-figures">
      <dl className="enq-kpis">
        <div data-figure="total">
          <dt>{t("enquiries.figures.total")}</dt>
          <dd>{num(f.total)}</dd>
        </div>
        <div data-figure="us">
          <dt>{t("enquiries.figures.us")}</dt>
          <dd>
            {pct(f.usPercent)}
            {f.fromUs !== null && f.source === "records" ? ` (${num(f.fromUs)})` : ""}
          </dd>
        </div>
        <div data-figure="rest">
          <dt>{t("enquiries.figures.rest")}</dt>
          <dd>{pct(f.restPercent)}</dd>
        </div>
      </dl>
      {f.byChannel.length ? (
        <FigureTable caption={t("enquiries.figures.byChannel")} head={t("enquiries.column.channel")} id="channel" rows={f.byChannel.map((c) => [t(`enquiries.channel.${c.channel}`), count(c.count)])} />
      ) : null}
      {f.byUsState.length ? (
        <FigureTable caption={t(f.source === "records" ? "enquiries.figures.byUsState" : "enquiries.figures.topUsStates")} head={t("enquiries.column.state")} id="states" rows={f.byUsState.map((s) => [names[s.code] ?? s.code, count(s.count)])} />
      ) : null}
      {f.byCountry.length ? (
        <FigureTable caption={t(f.source === "records" ? "enquiries.figures.byCountry" : "enquiries.figures.topCountries")} head={t("enquiries.column.country")} id="countries" rows={f.byCountry.map((c) => [names[c.code] ?? c.code, count(c.count)])} />
      ) : null}
      {f.byTopic.length ? <FigureTable caption={t("enquiries.figures.byTopic")} head={t("enquiries.column.topic")} id="topics" rows={f.byTopic.map((x) => [x.topic, count(x.count)])} /> : null}
    </div>
  );
}

function FigureTable({ caption, head, rows, id }: { caption: string; head: string; rows: string[][]; id: string }) {
  const t = useT();
  return (
    <div className="table-wrap" data-table={id}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              {t("enquiries.figures.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value], i) => (
            <tr key={i}>
              <td>{label}</td>
              <td className="num">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Totals = { total: number; usPercent: number | null; byChannel: Record<string, number>; topUsStates: string[]; topCountries: string[] } | null;

/** Typed totals: when the contact centre gives only totals. */
export function EnquiryTotalsForm({ totals, names, errors, values, busy }: { totals: Totals; names: Record<string, string>; errors?: TotalsErrors; values?: Record<string, string>; busy: boolean }) {
  const t = useT();
  const initial = (field: string, fallback: string) => values?.[field] ?? fallback;
  const error = (field: string) => {
    const e = errors?.[field];
    return e ? (
      <p className="field-error" id={`${field}-error`}>
        {t(e.key, { value: e.value ?? "" })}
      </p>
    ) : null;
  };
  const invalid = (field: string) => (errors?.[field] ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {});
  const summary = errors ? Object.keys(errors) : [];
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="totals" />
      {summary.length ? (
        <div className="form-error" role="alert" tabIndex={-1} autoFocus>
          <p>{t("enquiries.errors.summary")}</p>
          <ul>
            {summary.map((f) => (
              <li key={f}>
                <a href={`#enq-${f}`}>{t(errors![f]!.key, { value: errors![f]!.value ?? "" })}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="enq-form-grid">
        <div className="field">
          <label htmlFor="enq-total">{t("enquiries.totals.total")}</label>
          <input id="enq-total" name="total" inputMode="numeric" required defaultValue={initial("total", totals ? String(totals.total) : "")} {...invalid("total")} />
          {error("total")}
        </div>
        <div className="field">
          <label htmlFor="enq-usPercent">{t("enquiries.totals.usPercent")}</label>
          <input id="enq-usPercent" name="usPercent" inputMode="decimal" defaultValue={initial("usPercent", totals?.usPercent !== null && totals?.usPercent !== undefined ? String(totals.usPercent) : "")} {...invalid("usPercent")} />
          {error("usPercent")}
        </div>
      </div>
      <fieldset>
        <legend>{t("enquiries.totals.byChannel")}</legend>
        <div className="enq-form-grid">
          {ENQUIRY_CHANNELS.map((c) => (
            <div className="field" key={c}>
              <label htmlFor={`enq-channel_${c}`}>{t(`enquiries.channel.${c}`)}</label>
              <input id={`enq-channel_${c}`} name={`channel_${c}`} inputMode="numeric" defaultValue={initial(`channel_${c}`, totals?.byChannel[c] !== undefined ? String(totals.byChannel[c]) : "")} {...invalid(`channel_${c}`)} />
              {error(`channel_${c}`)}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="enq-topUsStates">{t("enquiries.totals.topUsStates")}</label>
        <input id="enq-topUsStates" name="topUsStates" defaultValue={initial("topUsStates", (totals?.topUsStates ?? []).map((c) => names[c] ?? c).join(", "))} aria-describedby="enq-topUsStates-hint" {...invalid("topUsStates")} />
        <p className="hint muted" id="enq-topUsStates-hint">
          {t("enquiries.totals.listHint")}
        </p>
        {error("topUsStates")}
      </div>
      <div className="field">
        <label htmlFor="enq-topCountries">{t("enquiries.totals.topCountries")}</label>
        <input id="enq-topCountries" name="topCountries" defaultValue={initial("topCountries", (totals?.topCountries ?? []).map((c) => names[c] ?? c).join(", "))} {...invalid("topCountries")} />
        {error("topCountries")}
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t("enquiries.totals.save")}
      </button>
    </Form>
  );
}
