import { Form, useNavigation } from "@remix-run/react";
import { Card, DataTable, Field, FormError, type Column } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { ConsentBadge } from "./badges";

export type ConsentRow = {
  id: number | string;
  at: string | Date;
  status: string;
  method: string;
  basis: string | null;
  privacyNoticeVersion: number | string | null;
  recordedBy: { name: string } | null;
  recordedById: string | null;
};

/** The consent history and the forms that confirm or withdraw it. */
export function ConsentPanel({ status, consents, canEdit, errors }: { status: string; consents: readonly ConsentRow[]; canEdit: boolean; errors: { confirm: Record<string, string>; withdraw: Record<string, string> } }) {
  const t = useT();
  const formatDate = useFormatDate();
  const busy = useNavigation().state === "submitting";
  const columns: Column<ConsentRow>[] = [
    { key: "at", header: t("contacts.detail.consent.at"), primary: true, className: "cd-nowrap", cell: (c) => formatDate(c.at) },
    { key: "status", header: t("contacts.detail.consent.status"), cell: (c) => (
        <span>
          <ConsentBadge status={c.status} />
        </span>
      ) },
    { key: "method", header: t("contacts.detail.consent.method"), cell: (c) => t(`contacts.detail.consentMethod.${c.method}`) },
    { key: "basis", header: t("contacts.detail.consent.basis"), cell: (c) => c.basis ?? t("common.none") },
    { key: "notice", header: t("contacts.detail.consent.notice"), cell: (c) => (c.privacyNoticeVersion ? t("contacts.detail.consent.noticeVersion", { version: c.privacyNoticeVersion }) : t("common.none")) },
    {
      key: "by",
      header: t("contacts.detail.consent.recordedBy"),
      cell: (c) => (c.recordedBy ? c.recordedBy.name : c.recordedById ? t("contacts.detail.consent.formerUser") : t("contacts.detail.consent.system")),
    },
  ];
  const formError = errors.withdraw._form ?? errors.confirm._form;
  return (
    <Card title={t("contacts.detail.consent.title")}>
      <p>
        {t("contacts.detail.consent.current")} <ConsentBadge status={status} />
      </p>
      <DataTable label={t("contacts.detail.consent.history")} columns={columns} rows={consents} rowKey={(c) => String(c.id)} empty={{ message: t("contacts.detail.consent.none") }} />
      {canEdit ? (
        <>
          {formError ? <FormError error={formError} /> : null}
          {status !== "CONFIRMED" ? (
            <Form method="post" className="cd-inline-form">
              <input type="hidden" name="intent" value="confirmConsent" />
              <Field idPrefix="confirm" name="basis" label={t("contacts.detail.consent.confirmBasis")} hint={t("contacts.detail.consent.confirmHint")} error={errors.confirm.basis} required />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("contacts.detail.consent.confirm")}
              </button>
            </Form>
          ) : null}
          {status !== "WITHDRAWN" ? (
            <Form method="post" className="cd-inline-form">
              <input type="hidden" name="intent" value="withdrawConsent" />
              <Field idPrefix="withdraw" name="basis" label={t("contacts.detail.consent.withdrawReason")} error={errors.withdraw.basis} />
              <button type="submit" className="button" disabled={busy}>
                {t("contacts.detail.consent.withdraw")}
              </button>
            </Form>
          ) : null}
          <p className="cd-note">{t("contacts.detail.consent.doubleOptInLater")}</p>
        </>
      ) : null}
    </Card>
  );
}
