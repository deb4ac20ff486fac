import { Form, useNavigation } from "@remix-run/react";
import { Fragment } from "react";
import { useFormatDate, useT } from "~/i18n/use-t";
import { MERGE_FIELDS } from "~/modules/contacts";
import { SubscriptionBadge } from "./badges";
import { display } from "./merge-chooser";

export type MergePreviewData = {
  survivorId: number;
  otherId: number;
  form: Record<string, string>;
  values: Record<string, unknown> & { source: string; sourceDetail: string | null; tags: string[]; subscriptionStatus: string; createdAt: string };
  consents: number;
};

/** What the surviving record will hold, and the button that merges (the other record is deleted). */
export function MergePreview({ preview }: { preview: MergePreviewData }) {
  const t = useT();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const v = preview.values;
  const none = t("common.none");
  return (
    <section className="panel cd-result" aria-labelledby="merge-result" role="status">
      <h2 id="merge-result">{t("contacts.merge.resultTitle", { id: preview.survivorId })}</h2>
      <dl className="cd-details">
        {MERGE_FIELDS.filter((f) => f !== "source").map((f) => (
          <Fragment key={f}>
            <dt>{t(`contacts.form.fields.${f}`)}</dt>
            <dd>{display(v[f]) || none}</dd>
          </Fragment>
        ))}
        <dt>{t("contacts.detail.source")}</dt>
        <dd>
          {t(`contacts.source.${v.source}`)}
          {v.sourceDetail ? ` · ${v.sourceDetail}` : ""}
        </dd>
        <dt>{t("contacts.form.fields.tags")}</dt>
        <dd>{display(v.tags) || none}</dd>
        <dt>{t("contacts.detail.subscription.title")}</dt>
        <dd>
          <SubscriptionBadge status={v.subscriptionStatus} />
        </dd>
        <dt>{t("contacts.merge.consent")}</dt>
        <dd>{t("contacts.merge.records", { count: preview.consents })}</dd>
        <dt>{t("contacts.detail.createdAt")}</dt>
        <dd>{formatDate(v.createdAt)}</dd>
      </dl>
      <p className="form-error">{t("contacts.merge.warning", { id: preview.otherId })}</p>
      <Form method="post">
        {Object.entries(preview.form).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" name="intent" value="confirm" className="button button--danger" disabled={busy}>
          {t("contacts.merge.confirm", { id: preview.otherId, survivor: preview.survivorId })}
        </button>
      </Form>
    </section>
  );
}

