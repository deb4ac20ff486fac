import type { LinksFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import enquiryStylesHref from "./enquiries.css?url";
import { Field, FormActions, FormErrorSummary } from "~/components/ui";
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
  const stored = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
  const field = (name: string) => ({ name, idPrefix: "enq", error: errors?.[name]?.key, errorParams: { value: errors?.[name]?.value ?? "" } });
  const named = (codes: string[] | undefined) => (codes ?? []).map((c) => names[c] ?? c).join(", ");
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="totals" />
      <FormErrorSummary
        idPrefix="enq"
        title={t("enquiries.errors.summary")}
        errors={Object.entries(errors ?? {}).map(([name, e]) => ({ field: name, message: e.key, params: { value: e.value ?? "" } }))}
      />
      <div className="enq-form-grid">
        <Field {...field("total")} label={t("enquiries.totals.total")} inputMode="numeric" required defaultValue={initial("total", stored(totals?.total))} />
        <Field {...field("usPercent")} label={t("enquiries.totals.usPercent")} inputMode="decimal" defaultValue={initial("usPercent", stored(totals?.usPercent))} />
      </div>
      <fieldset>
        <legend>{t("enquiries.totals.byChannel")}</legend>
        <div className="enq-form-grid">
          {ENQUIRY_CHANNELS.map((c) => (
            <Field key={c} {...field(`channel_${c}`)} label={t(`enquiries.channel.${c}`)} inputMode="numeric" defaultValue={initial(`channel_${c}`, stored(totals?.byChannel[c]))} />
          ))}
        </div>
      </fieldset>
      <Field {...field("topUsStates")} label={t("enquiries.totals.topUsStates")} hint={t("enquiries.totals.listHint")} defaultValue={initial("topUsStates", named(totals?.topUsStates))} />
      <Field {...field("topCountries")} label={t("enquiries.totals.topCountries")} defaultValue={initial("topCountries", named(totals?.topCountries))} />
      <FormActions submitLabel={t("enquiries.totals.save")} busy={busy} />
    </Form>
  );
}
