import { Form } from "@remix-run/react";
import { Card, DataTable, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Plan = {
  sha256: string;
  columns: Array<{ header: string; column: string | null }>;
  sample: Array<{ line: number; fields: string[] }>;
  counts: { create: number; update: number; unchanged: number; rejected: number };
  rejected: Array<{ line: number; name: string | null; reason: string }>;
};

/** How the file's columns were read, and its first rows as they will be read. */
export function ImportPreview({ plan }: { plan: Plan }) {
  const t = useT();
  const columns: Column<Plan["sample"][number]>[] = [
    { key: "line", header: t("partners.import.line"), cell: (r) => r.line },
    ...plan.columns.map((c, i) => ({ key: `c${i}`, header: c.header, primary: i === 0, cell: (r: Plan["sample"][number]) => r.fields[i] ?? "" })),
  ];
  return (
    <>
      <Card title={t("partners.import.mapping")}>
        <ul>
          {plan.columns.map((c, i) => (
            <li key={i}>
              «{c.header}» → {c.column ? t(`partners.import.column.${c.column}`) : t("partners.import.ignored")}
            </li>
          ))}
        </ul>
      </Card>
      {plan.sample.length ? (
        <section aria-labelledby="import-preview">
          <h2 id="import-preview">{t("partners.import.preview")}</h2>
          <DataTable label={t("partners.import.preview")} columns={columns} rows={plan.sample} rowKey={(r) => String(r.line)} />
        </section>
      ) : null}
    </>
  );
}

/** The dry run: what the import would do, its rejected lines, and the one button that writes. */
export function ImportDryRun({ plan, busy }: { plan: Plan; busy: boolean }) {
  const t = useT();
  const toWrite = plan.counts.create + plan.counts.update;
  return (
    <Card title={t("partners.import.dryRun")}>
      <dl>
        {(["create", "update", "unchanged", "rejected"] as const).map((k) => (
          <div key={k} data-count={k}>
            <dt>{t(`partners.import.counts.${k}`)}</dt>
            <dd>{plan.counts[k]}</dd>
          </div>
        ))}
      </dl>
      {plan.rejected.length ? (
        <>
          <DataTable
            label={t("partners.import.rejections")}
            rows={plan.rejected}
            rowKey={(r) => String(r.line)}
            columns={[
              { key: "line", header: t("partners.import.line"), cell: (r) => r.line },
              { key: "name", header: t("partners.fields.name"), primary: true, cell: (r) => r.name ?? "" },
              { key: "reason", header: t("partners.import.reason"), cell: (r) => t(`partners.import.reasons.${r.reason}`) },
            ]}
          />
          <p>
            <a href={`/partners/import/${plan.sha256}/rejections.csv`} download>
              {t("partners.import.downloadRejections")}
            </a>
          </p>
        </>
      ) : null}
      {toWrite > 0 ? (
        <Form method="post">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("partners.import.confirm", { count: toWrite })}
          </button>
        </Form>
      ) : (
        <p>{t("partners.import.nothing")}</p>
      )}
    </Card>
  );
}
