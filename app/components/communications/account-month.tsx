import { Form } from "@remix-run/react";
import { Field, FormActions, FormErrorSummary, useFormatNumber } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { ACCOUNT_FIGURE_FIELDS } from "~/modules/communications";
import type { CsvReading } from "~/modules/communications/index.server";

export type FigureValues = Record<string, string>;
type Account = { id: string; network: string; handle: string };

/** The typed (or CSV-read) figures of one account's month. */
export function AccountMonthForm({ account, values, errors, source, busy }: { account: Account; values: FigureValues; errors: Record<string, string | undefined>; source: "TYPED" | "CSV"; busy: boolean }) {
  const t = useT();
  const prefix = `acc-${account.id}-${source}`;
  const formError = errors[""];
  const fieldErrors = Object.keys(errors).some((k) => k !== "" && errors[k]);
  return (
    <Form method="post" noValidate aria-label={t("communications.month.formFor", { account: `${t(`communications.network.${account.network}`)} ${account.handle}` })}>
      <input type="hidden" name="intent" value="account" />
      <input type="hidden" name="accountId" value={account.id} />
      <input type="hidden" name="source" value={source} />
      <FormErrorSummary errors={formError ? [{ message: formError }] : fieldErrors ? [{ message: "communications.errors.fix" }] : []} />
      <div className="form-grid">
        {ACCOUNT_FIGURE_FIELDS.map((f) => (
          <Field key={f} name={f} idPrefix={prefix} label={t(`communications.fields.${f}`)} defaultValue={values[f] ?? ""} error={errors[f]} required={f === "posts"} inputMode="numeric" autoComplete="off" />
        ))}
        <Field name="bestPost" idPrefix={prefix} label={t("communications.fields.bestPost")} defaultValue={values.bestPost ?? ""} error={errors.bestPost} wide />
      </div>
      <FormActions submitLabel={t(source === "CSV" ? "communications.import.save" : "communications.month.save")} busy={busy} />
    </Form>
  );
}

/** A figure row (stored or read from a file) as the form's text values. */
export function figureValues(row: Partial<Record<string, unknown>> | null): FigureValues {
  return Object.fromEntries([...ACCOUNT_FIGURE_FIELDS, "bestPost"].map((f) => [f, row?.[f] === null || row?.[f] === undefined ? "" : String(row[f])]));
}

/** What a network's CSV held: the columns read and ignored, the refused lines and the month's figures. */
export function CsvReadingView({ reading, fileName }: { reading: CsvReading; fileName: string }) {
  const t = useT();
  const num = useFormatNumber();
  const read = reading.columns.filter((c) => c.field);
  const ignored = reading.columns.filter((c) => !c.field);
  return (
    <div className="comms-reading">
      <p>{t("communications.import.read", { file: fileName, kind: t(`communications.import.kind.${reading.kind}`), rows: reading.rows, inMonth: reading.inMonth, outside: reading.outsideMonth })}</p>
      <ul>
        {read.map((c) => (
          <li key={c.header}>
            «{c.header}» → {c.field ? t(`communications.import.field.${c.field}`) : null}
          </li>
        ))}
      </ul>
      {ignored.length ? <p className="muted">{t("communications.import.ignored", { columns: ignored.map((c) => `«${c.header}»`).join(", ") })}</p> : null}
      {reading.skipped ? <p className="muted">{t("communications.import.skipped", { count: reading.skipped })}</p> : null}
      {reading.rejectedCount ? (
        <div role="alert">
          <p className="form-error">{t("communications.import.rejected", { count: reading.rejectedCount })}</p>
          <ul>
            {reading.rejected.map((r) => (
              <li key={r.line}>{t(`communications.import.reason.${r.reason}`, { line: r.line, column: r.column ?? "" })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul aria-label={t("communications.import.figuresRead")}>
        {ACCOUNT_FIGURE_FIELDS.map((f) => (
          <li key={f}>
            {t(`communications.fields.${f}`)}: <strong>{reading.figures[f] === null ? t("communications.import.notInFile") : num(reading.figures[f])}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
