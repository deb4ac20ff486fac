import { Form, Link } from "@remix-run/react";
import { DataTable, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { ENQUIRY_CHANNELS } from "~/modules/enquiries";

export type ContestEnquiryRow = { id: string; receivedOn: string; organisation: string; partner: { id: string; name: string } | null; channel: string; topic: string; notes: string | null };
export type ContestEnquiryErrors = Record<string, string>;

/** Enquiries organisations made about the contest: the list and, for those who may edit, the form to log one (decision 025). */
export function ContestEnquiries(props: {
  contestId: string;
  items: ContestEnquiryRow[];
  total: number;
  canEdit: boolean;
  organisations: string[];
  errors?: ContestEnquiryErrors;
  values?: Record<string, string>;
  /** On the contest's overview: a link to the whole list instead of the pager. */
  moreLink?: boolean;
}) {
  const { contestId, items, total, canEdit, organisations, errors, values, moreLink } = props;
  const t = useT();
  const formatDate = useFormatDate();
  const value = (f: string, fallback = "") => values?.[f] ?? fallback;
  const invalid = (f: string) => (errors?.[f] ? { "aria-invalid": true as const, "aria-describedby": `ce-${f}-error` } : {});
  const error = (f: string) =>
    errors?.[f] ? (
      <p className="field-error" id={`ce-${f}-error`}>
        {t(errors[f]!)}
      </p>
    ) : null;
  const today = new Date().toISOString().slice(0, 10);
  const columns: Column<ContestEnquiryRow>[] = [
    { key: "date", header: t("contest.enquiries.date"), className: "ct-nowrap", cell: (e) => formatDate(`${e.receivedOn}T12:00:00Z`, { dateStyle: "medium", timeZone: "UTC" }) },
    { key: "organisation", header: t("contest.enquiries.organisation"), primary: true, cell: (e) => (e.partner ? <Link to={`/partners/${e.partner.id}`}>{e.organisation}</Link> : e.organisation) },
    { key: "channel", header: t("contest.enquiries.channel"), cell: (e) => t(`enquiries.channel.${e.channel}`) },
    { key: "topic", header: t("contest.enquiries.topic"), cell: (e) => e.topic },
    { key: "notes", header: t("contest.enquiries.notes"), cell: (e) => e.notes ?? "" },
  ];
  return (
    <section className="panel enq-form" aria-labelledby="enquiries-title" id="enquiries">
      <h2 id="enquiries-title">{t("contest.enquiries.title")}</h2>
      <p className="muted">{t("contest.enquiries.count", { count: total })}</p>
      <DataTable label={t("contest.enquiries.title")} columns={columns} rows={items} rowKey={(e) => e.id} className="enq-list" empty={{ message: t("contest.enquiries.empty") }} />
      {moreLink && total > items.length ? (
        <p>
          <Link to={`/contest/${contestId}/enquiries`}>{t("contest.enquiries.all", { count: total })}</Link>
        </p>
      ) : null}
      {canEdit ? (
        <Form method="post" action={`/contest/${contestId}/enquiries`} noValidate>
          <h3>{t("contest.enquiries.add")}</h3>
          {errors && Object.keys(errors).length ? (
            <div className="form-error" role="alert" tabIndex={-1} autoFocus>
              <p>{t("contest.enquiries.errors.summary")}</p>
              <ul>
                {Object.entries(errors).map(([f, key]) => (
                  <li key={f}>
                    <a href={`#ce-${f}`}>{t(key)}</a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="enq-form-grid">
            <div className="field">
              <label htmlFor="ce-receivedOn">{t("contest.enquiries.date")}</label>
              <input id="ce-receivedOn" name="receivedOn" type="date" required defaultValue={value("receivedOn", today)} {...invalid("receivedOn")} />
              {error("receivedOn")}
            </div>
            <div className="field">
              <label htmlFor="ce-channel">{t("contest.enquiries.channel")}</label>
              <select id="ce-channel" name="channel" defaultValue={value("channel", "PHONE")} {...invalid("channel")}>
                {ENQUIRY_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {t(`enquiries.channel.${c}`)}
                  </option>
                ))}
              </select>
              {error("channel")}
            </div>
          </div>
          <div className="field">
            <label htmlFor="ce-organisation">{t("contest.enquiries.organisation")}</label>
            <input id="ce-organisation" name="organisation" list="ce-organisations" required maxLength={200} defaultValue={value("organisation")} aria-describedby="ce-organisation-hint" {...invalid("organisation")} />
            <datalist id="ce-organisations">
              {organisations.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
            <p className="hint muted" id="ce-organisation-hint">
              {t("contest.enquiries.organisationHint")}
            </p>
            {error("organisation")}
          </div>
          <div className="field">
            <label htmlFor="ce-topic">{t("contest.enquiries.topic")}</label>
            <input id="ce-topic" name="topic" required maxLength={200} defaultValue={value("topic")} {...invalid("topic")} />
            {error("topic")}
          </div>
          <div className="field">
            <label htmlFor="ce-notes">{t("contest.enquiries.notes")}</label>
            <textarea id="ce-notes" name="notes" rows={2} maxLength={2000} defaultValue={value("notes")} {...invalid("notes")} />
            {error("notes")}
          </div>
          <button type="submit" className="button button--primary">
            {t("contest.enquiries.save")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
