import { Form, Link, useNavigation } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { Counts, Progress, type ImportCounts } from "./progress";

type Batch = ImportCounts & { dryRun: boolean; status: string; percent: number };

function IntentButton({ intent, label, primary }: { intent: string; label: string; primary?: boolean }) {
  const busy = useNavigation().state !== "idle";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={primary ? "button button--primary" : "button"} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

/** The stage the import is at: analysing, the dry run's verdict, running, done or failed. */
export function StagePanels({ batch, active, failedFile }: { batch: Batch; active: boolean; failedFile: boolean }) {
  const t = useT();
  const { dryRun, status } = batch;
  return (
    <>
      {dryRun && active ? <Progress percent={batch.percent} label={t("contacts.import.dryRun.analyzing")} /> : null}
      {dryRun && status === "ANALYZED" ? (
        <Card title={t("contacts.import.dryRun.title")}>
          <p className="muted">{t("contacts.import.dryRun.hint")}</p>
          <Counts batch={batch} final={false} />
          <div className="form-actions">
            <IntentButton intent="confirm" primary label={t("contacts.import.confirm", { count: batch.created + batch.updated })} />
            <IntentButton intent="cancel" label={t("contacts.import.cancel")} />
          </div>
        </Card>
      ) : null}
      {dryRun && (status === "UPLOADED" || (status === "FAILED" && failedFile)) ? <IntentButton intent="cancel" label={t("contacts.import.cancel")} /> : null}
      {!dryRun && active ? (
        <Card title={t("contacts.import.run.title")}>
          <Progress percent={batch.percent} label={t("contacts.import.run.progress")} />
          <Counts batch={batch} final />
        </Card>
      ) : null}
      {status === "DONE" ? (
        <Card title={t("contacts.import.done.title")}>
          <Progress percent={100} label={t("contacts.import.run.progress")} />
          <Counts batch={batch} final />
          <p>
            <Link to="/contacts" className="button button--primary">
              {t("contacts.import.done.toList")}
            </Link>
          </p>
        </Card>
      ) : null}
      {!dryRun && status === "FAILED" ? <Counts batch={batch} final /> : null}
    </>
  );
}
