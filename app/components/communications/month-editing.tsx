import { Form } from "@remix-run/react";
import { Card, Field, FormActions, FormError, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { SubmissionResult } from "~/lib/forms";
import type { CsvReading } from "~/modules/communications/index.server";
import { AccountMonthForm, CsvReadingView, figureValues } from "./account-month";

type Editable = { id: string; network: string; handle: string; ownerArea: string; current: Partial<Record<string, unknown>> | null };
export type CsvPreview = { intent: "import"; accountId: string; fileName: string; reading: CsvReading };

/**
 * The accounts whose month the reader may type (one disclosure each), and a network's CSV: read
 * and shown first, saved only from the preview's form.
 */
export function MonthEditing({ accounts, maxMb, reply, preview, busy }: { accounts: readonly Editable[]; maxMb: number; reply: { intent: string; result: SubmissionResult<string[]> } | null; preview: CsvPreview | null; busy: boolean }) {
  const t = useT();
  const typed = reply?.intent === "account" ? reply.result : null;
  const importError = reply?.intent === "import" ? (reply.result.error?.file?.[0] ?? reply.result.error?.[""]?.[0]) : undefined;
  const previewAccount = preview ? accounts.find((x) => x.id === preview.accountId) : undefined;
  const label = (acc: Editable) => `${t(`communications.network.${acc.network}`)} ${acc.handle}`;
  return (
    <Card title={t("communications.month.editTitle")}>
      <p className="muted">{t("communications.month.editHint")}</p>
      {accounts.map((acc) => {
        const mine = typed && (typed.initialValue as { accountId?: string } | null)?.accountId === acc.id ? typed : null;
        const errors = Object.fromEntries(Object.entries(mine?.error ?? {}).map(([k, v]) => [k, v?.[0]]));
        return (
          <details key={acc.id} id={`account-${acc.id}`} open={!!mine}>
            <summary>
              {label(acc)} — {t(`communications.area.${acc.ownerArea}`)}
              {acc.current ? "" : ` (${t("communications.month.pending")})`}
            </summary>
            <AccountMonthForm account={acc} values={mine ? (mine.initialValue as Record<string, string>) : figureValues(acc.current)} errors={errors} source="TYPED" busy={busy} />
          </details>
        );
      })}

      <h3 id="import-title">{t("communications.import.title")}</h3>
      <p className="muted">{t("communications.import.hint", { max: maxMb })}</p>
      <Form method="post" encType="multipart/form-data" aria-labelledby="import-title">
        <input type="hidden" name="intent" value="import" />
        <FormError error={importError} params={{ max: maxMb }} />
        <div className="form-grid">
          <SelectField name="accountId" id="import-account" label={t("communications.fields.account")} defaultValue={preview?.accountId ?? ""} required options={accounts.map((acc) => ({ value: acc.id, label: label(acc) }))} />
          <Field name="file" id="import-file" type="file" label={t("communications.import.file")} accept=".csv,.tsv,.txt,text/csv" required />
        </div>
        <FormActions submitLabel={t("communications.import.preview")} busy={busy} />
      </Form>
      {preview ? (
        <section aria-labelledby="preview-title" id="import-preview">
          <h3 id="preview-title">{t("communications.import.previewTitle")}</h3>
          {preview.reading.problem ? (
            <FormError error={`communications.import.problem.${preview.reading.problem}`} />
          ) : (
            <>
              <CsvReadingView reading={preview.reading} fileName={preview.fileName} />
              {previewAccount ? <AccountMonthForm account={previewAccount} values={figureValues(preview.reading.figures)} errors={{}} source="CSV" busy={busy} /> : null}
            </>
          )}
        </section>
      ) : null}
    </Card>
  );
}
