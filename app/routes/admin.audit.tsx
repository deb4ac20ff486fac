import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { AuditTable } from "~/components/admin/audit-table";
import { IgnoredFilters } from "~/components/admin/ignored-filters";
import { Field, FilterBar, KeysetPager, PageHeader, type FilterChip } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { auditFilterParams } from "~/modules/audit";
import { auditQueryFromUrl, searchAudit } from "~/modules/audit/index.server";
import { requirePermission } from "~/modules/auth/index.server";

export const meta = adminTitle("admin.audit.title");

/** Mistyped filters (a day that does not exist, a cursor past int8…) are ignored and named on the page (lib/filters.ts). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:audit");
  const { query, ignored } = auditQueryFromUrl(request.url);
  const page = await searchAudit(query, user);
  return { ...page, query, ignored };
}

// Each filter and the field label it shows under (a list of pairs: the audit-action scan reads
// dotted literals after an `action` key as action codes).
const LABELS = [
  ["action", "admin.audit.fields.action"],
  ["actor", "admin.audit.fields.actorEmail"],
  ["entity", "admin.audit.fields.entity"],
  ["entityId", "admin.audit.fields.entityId"],
  ["from", "admin.audit.fields.from"],
  ["to", "admin.audit.fields.to"],
] as const;
const FILTERS = LABELS.map(([filter]) => filter);

export default function AuditPage() {
  const { entries, nextCursor, query, ignored, timeZone } = useLoaderData<typeof loader>();
  const t = useT();
  const filterParams = auditFilterParams(query);
  const filtered = filterParams.toString() !== "";
  const labels = Object.fromEntries(LABELS.map(([f, key]) => [f, t(key)])) as Record<(typeof FILTERS)[number], string>;
  const chips: FilterChip[] = FILTERS.filter((f) => query[f]).map((f) => ({ param: f, label: `${labels[f]}: ${query[f]}` }));
  return (
    <>
      <PageHeader
        title={t("admin.audit.title")}
        description={t("admin.audit.intro", { timeZone })}
        actions={
          <a href={`/admin/audit.csv${filtered ? `?${filterParams}` : ""}`} className="button" download>
            {t("admin.audit.export")}
          </a>
        }
      />
      <FilterBar label={t("admin.audit.filters")} submitLabel={t("common.filter")} chips={chips}>
        <Field idPrefix="audit" name="action" label={labels.action} hint={t("admin.audit.actionHint")} defaultValue={query.action} placeholder="user." />
        <Field idPrefix="audit" name="actor" type="email" label={labels.actor} defaultValue={query.actor} />
        <Field idPrefix="audit" name="entity" label={labels.entity} defaultValue={query.entity} />
        <Field idPrefix="audit" name="entityId" label={labels.entityId} defaultValue={query.entityId} />
        <Field idPrefix="audit" name="from" type="date" label={labels.from} defaultValue={query.from} />
        <Field idPrefix="audit" name="to" type="date" label={labels.to} defaultValue={query.to} />
      </FilterBar>
      <IgnoredFilters ignored={ignored} labels={labels} />
      <AuditTable entries={entries} emptyMessage={filtered ? t("admin.audit.emptyFiltered") : t("admin.audit.empty")} />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
