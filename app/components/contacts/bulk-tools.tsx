import { Form, Link, useLocation, useNavigation } from "@remix-run/react";
import { ConfirmDialog, Field, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { BULK_OPERATIONS } from "~/modules/contacts";
import type { BulkConfirm } from "~/modules/contacts/index.server";
import { BULK_FORM_ID } from "./contacts-table";

/**
 * The list's tools under one disclosure: act on the ticked rows (or every match) and save the filter
 * as a segment. Closed on phones (the rows come first), open on wide screens and after an error.
 */
export function BulkTools({ filterQuery, count, errors, showBulk }: { filterQuery: string; count: { value: number; exact: boolean }; errors: Record<string, string>; showBulk: boolean }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "bulk-preview";
  const failed = Object.keys(errors).length > 0;
  return (
    <details className="contacts-tools" open={failed || undefined}>
      <summary>{t("contacts.tools")}</summary>
      <div className="contacts-tools__body">
        {showBulk ? (
          <Form method="post" id={BULK_FORM_ID} className="bulk-panel" noValidate>
            <input type="hidden" name="intent" value="bulk-preview" />
            <input type="hidden" name="filter" value={filterQuery} />
            <fieldset>
              <legend>{t("contacts.bulk.title")}</legend>
              <SelectField name="operation" id="bulk-operation" label={t("contacts.bulk.operation")} defaultValue="tag" error={errors.operation} options={BULK_OPERATIONS.map((op) => ({ value: op, label: t(`contacts.bulk.op.${op}`) }))} />
              <Field name="tag" id="bulk-tag" label={t("contacts.bulk.tag")} hint={t("contacts.bulk.tagHint")} maxLength={60} error={errors.tag} />
              <div className="field" role="radiogroup" aria-label={t("contacts.bulk.scope")}>
                <div className="radio-group">
                  <label>
                    <input type="radio" name="scope" value="selection" defaultChecked /> {t("contacts.bulk.scope.selection")}
                  </label>
                  <label>
                    <input type="radio" name="scope" value="all" /> {count.exact ? t("contacts.bulk.scope.all", { count: count.value }) : t("contacts.bulk.scope.allEstimate", { count: count.value })}
                  </label>
                </div>
                {errors.id ? (
                  <p className="field-error" role="alert">
                    {t(errors.id)}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button" disabled={busy}>
                {t("contacts.bulk.continue")}
              </button>
            </fieldset>
          </Form>
        ) : null}
        <Form method="post" action="/contacts/segments" className="segment-save">
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="filter" value={filterQuery} />
          <Field name="name" id="segment-name" label={t("contacts.segments.save.title")} required maxLength={100} placeholder={t("contacts.segments.fields.name")} />
          <button type="submit" className="button">
            {t("contacts.segments.save.submit")}
          </button>
        </Form>
      </div>
    </details>
  );
}

/** Back to the list as it was (a document POST leaves ?index in the address). */
function cancelHref(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("index");
  return params.size ? `/contacts?${params}` : "/contacts";
}

/** The second step: what will happen and to how many, posting the fingerprint of that set. */
export function BulkConfirmPanel({ confirm }: { confirm: BulkConfirm }) {
  const t = useT();
  const location = useLocation();
  const danger = confirm.operation === "delete";
  const changed = confirm.changedFrom !== null ? t("contacts.bulk.confirm.changed", { before: confirm.changedFrom, count: confirm.count }) : null;
  if (confirm.count === 0) {
    return (
      <section className="panel ui-confirm" role="alertdialog" aria-labelledby="bulk-confirm-title" data-testid="confirm-dialog">
        <h2 id="bulk-confirm-title">{t("contacts.bulk.confirm.title")}</h2>
        {changed ? (
          <p className="form-error" role="alert">
            {changed}
          </p>
        ) : null}
        <p>{t("contacts.bulk.confirm.none")}</p>
        <Link to={cancelHref(location.search)} className="button">
          {t("common.cancel")}
        </Link>
      </section>
    );
  }
  return (
    <ConfirmDialog
      title={t("contacts.bulk.confirm.title")}
      intent="bulk-apply"
      danger={danger}
      notice={changed}
      fields={{ operation: confirm.operation, scope: confirm.scope, filter: confirm.filterQuery, confirmed: confirm.fingerprint, tag: confirm.tag, id: confirm.ids }}
      confirmLabel={danger ? t("contacts.bulk.confirm.deleteSubmit") : t("contacts.bulk.confirm.submit")}
      cancelLabel={t("common.cancel")}
      cancelTo={cancelHref(location.search)}
    >
      <strong>{t(`contacts.bulk.confirm.${confirm.operation}`, { count: confirm.count, tag: confirm.tag ?? "" })}</strong>
      {confirm.scope === "all" ? <> {t("contacts.bulk.confirm.scopeAll")}</> : null}
      {confirm.operation === "unsubscribe" ? <> {t("contacts.bulk.confirm.unsubscribeNote")}</> : null}
      {danger ? <> {t("contacts.bulk.confirm.deleteNotArco")}</> : null}
    </ConfirmDialog>
  );
}
