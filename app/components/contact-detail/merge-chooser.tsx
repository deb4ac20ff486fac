import { Form, Link, useNavigation } from "@remix-run/react";
import { FormActions } from "~/components/ui";
import { useState } from "react";
import { useFormatDate, useT } from "~/i18n/use-t";
import { MERGE_FIELDS, type ContactView, type MergeField } from "~/modules/contacts";
import { ConsentBadge, SubscriptionBadge } from "./badges";

export type PairContact = ContactView & { _count: { consents: number } };

/** A value as one line of text ("" when empty; lists joined). */
export function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

/** The two records side by side: which survives, and per field which value stays. */
export function MergeChooser({ a, b, previous }: { a: PairContact; b: PairContact; previous?: Record<string, string> }) {
  const t = useT();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [survivor, setSurvivor] = useState<"a" | "b">(previous?.survivor === "b" ? "b" : "a");
  const fieldLabel = (f: MergeField) => (f === "source" ? t("contacts.detail.source") : t(`contacts.form.fields.${f}`));
  const show = (c: PairContact, f: MergeField) => (f === "source" ? t(`contacts.source.${c.source}`) + (c.sourceDetail ? ` · ${c.sourceDetail}` : "") : display(c[f]));
  const initialSide = (f: MergeField): "a" | "b" => {
    const fromPreview = previous?.[`field_${f}`];
    if (fromPreview === "a" || fromPreview === "b") return fromPreview;
    return display(a[f]) === "" && display(b[f]) !== "" ? "b" : "a";
  };
  const empty = <span className="cd-empty-value">{t("contacts.merge.empty")}</span>;
  return (
    <Form method="post" className="panel">
      <input type="hidden" name="a" value={a.id} />
      <input type="hidden" name="b" value={b.id} />
      <p className="cd-note">{t("contacts.merge.intro")}</p>
      <div className="table-wrap">
        <table className="cd-merge">
          <caption className="sr-only">{t("contacts.merge.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("contacts.merge.field")}</th>
              <th scope="col">
                <Link to={`/contacts/${a.id}`}>#{a.id}</Link>
              </th>
              <th scope="col">
                <Link to={`/contacts/${b.id}`}>#{b.id}</Link>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("contacts.merge.survivor")}</th>
              {(["a", "b"] as const).map((side) => (
                <td key={side}>
                  <label>
                    <input type="radio" name="survivor" value={side} checked={survivor === side} onChange={() => setSurvivor(side)} />
                    <span>{t("contacts.merge.keepRecord", { id: side === "a" ? a.id : b.id })}</span>
                  </label>
                </td>
              ))}
            </tr>
            {MERGE_FIELDS.map((f) => {
              const same = show(a, f) === show(b, f);
              return (
                <tr key={f}>
                  <th scope="row">{fieldLabel(f)}</th>
                  {same ? (
                    <td colSpan={2} className="cd-merge__same">
                      {show(a, f) || empty} · {t("contacts.merge.same")}
                    </td>
                  ) : (
                    (["a", "b"] as const).map((side) => {
                      const contact = side === "a" ? a : b;
                      return (
                        <td key={side}>
                          <label>
                            <input type="radio" name={`field_${f}`} value={side} defaultChecked={initialSide(f) === side} />
                            <span>{show(contact, f) || empty}</span>
                          </label>
                        </td>
                      );
                    })
                  )}
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t("contacts.form.fields.tags")}</th>
              <td>{display(a.tags) || empty}</td>
              <td>{display(b.tags) || empty}</td>
            </tr>
            <tr>
              <th scope="row">{t("contacts.merge.consent")}</th>
              {[a, b].map((c) => (
                <td key={c.id}>
                  <ConsentBadge status={c.consentStatus} /> · {t("contacts.merge.records", { count: c._count.consents })}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("contacts.detail.subscription.title")}</th>
              {[a, b].map((c) => (
                <td key={c.id}>
                  <SubscriptionBadge status={c.subscriptionStatus} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("contacts.detail.createdAt")}</th>
              {[a, b].map((c) => (
                <td key={c.id}>{formatDate(c.createdAt)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <ul className="cd-note">
        <li>{t("contacts.merge.rules.tags")}</li>
        <li>{t("contacts.merge.rules.consent")}</li>
        <li>{t("contacts.merge.rules.subscription")}</li>
        <li>{t("contacts.merge.rules.history")}</li>
      </ul>
      <FormActions submitLabel={t("contacts.merge.preview")} busy={busy} intent="preview" cancelTo={`/contacts/${a.id}`} />
    </Form>
  );
}

