import { Form, useNavigation } from "@remix-run/react";
import { Card, FormError, PageHeader, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { subdivisionName } from "~/modules/geo";

type Check = {
  contest: { id: string; name: string };
  project: { folio: string; title: string; organisation: { name: string; city: string | null; state: string | null } | null };
};

/** Before a juror opens a project: confirm no conflict of interest, or declare one with a reason. */
export function ConflictCheck({ check, errors, reason }: { check: Check; errors: Record<string, string>; reason?: string }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const org = check.project.organisation;
  return (
    <>
      <PageHeader title={t("jury.conflict.title")} back={{ to: `/jury/${check.contest.id}`, label: check.contest.name }} />
      <Card>
        <p className="jy-item__title">
          {check.project.folio} · {check.project.title}
        </p>
        <p className="muted">{org ? [org.name, org.city, org.state ? subdivisionName(org.state) : null].filter(Boolean).join(", ") : t("jury.workspace.organisationHidden")}</p>
        <p>{t("jury.conflict.explain")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("jury.conflict.confirm")}
          </button>
        </Form>
      </Card>
      <Card title={t("jury.conflict.declareTitle")}>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="conflict" />
          <TextareaField name="reason" id="conflict-reason" label={t("jury.conflict.reason")} defaultValue={reason ?? ""} error={errors.reason} />
          <FormError error={errors._form} />
          <button type="submit" className="button button--danger" disabled={busy}>
            {t("jury.conflict.declare")}
          </button>
        </Form>
      </Card>
    </>
  );
}
