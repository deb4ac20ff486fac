import { DataTable, StatusBadge, type Column } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Requirement = { id: string; name: string; description: string | null; required: boolean };

/** The requirement checklist as it reads: name (whole, wrapped), what the reviewer checks, required or not. */
export function RequirementsTable({ requirements }: { requirements: readonly Requirement[] }) {
  const t = useT();
  const columns: Column<Requirement>[] = [
    { key: "name", header: t("contest.requirements.name"), primary: true, cell: (r) => r.name, className: "ct-wrap" },
    { key: "description", header: t("contest.requirements.description"), cell: (r) => r.description ?? "—", className: "ct-wrap" },
    { key: "required", header: t("contest.requirements.required"), cell: (r) => <StatusBadge tone={r.required ? "accent" : "neutral"} label={t(r.required ? "contest.requirements.required" : "contest.requirements.optional")} /> },
  ];
  return <DataTable label={t("contest.requirements.title")} columns={columns} rows={requirements} rowKey={(r) => r.id} empty={{ message: t("contest.requirements.empty") }} />;
}
