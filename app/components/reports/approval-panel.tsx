/**
 * Approving the report (it names the commission agreement that approved it), or, once approved,
 * opening a new version. Shown to editors on the latest version only.
 */
import { Form } from "@remix-run/react";
import { Card, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Agreement = { id: string; label: string };

export function ApprovalPanel({ state, agreements, error, busy }: { state: string; agreements: readonly Agreement[]; error?: string; busy: boolean }) {
  const t = useT();
  return (
    <Card title={t("reports.approval.title")}>
      {state !== "DRAFT" ? (
        <Form method="post">
          <p className="muted">{t("reports.approval.frozen")}</p>
          <button type="submit" name="intent" value="newVersion" className="button" disabled={busy}>
            {t("reports.approval.newVersion")}
          </button>
        </Form>
      ) : agreements.length ? (
        <Form method="post" noValidate>
          <p className="muted">{t("reports.approval.hint")}</p>
          <SelectField
            id="approval-agreement"
            name="agreementId"
            label={t("reports.approval.agreement")}
            placeholder={t("reports.approval.choose")}
            options={agreements.map((a) => ({ value: a.id, label: a.label }))}
            error={error}
          />
          <button type="submit" name="intent" value="approve" className="button button--primary" disabled={busy}>
            {t("reports.approval.approve")}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("reports.approval.noAgreements")}</p>
      )}
    </Card>
  );
}
