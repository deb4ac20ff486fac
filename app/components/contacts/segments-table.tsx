import { Form, Link } from "@remix-run/react";
import { ConfirmDialog, DataTable, Field, StatusBadge, type Column } from "~/components/ui";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import type { ContactFilter } from "~/modules/contacts";
import { filterSummary } from "./labels";

export type SegmentRow = { id: string; name: string; filter: ContactFilter | null; query: string | null; count: { value: number; exact: boolean }; updatedAt: string | Date };
export type SegmentRefusal = { intent: string; id?: string; name?: string; error: string; params?: Record<string, string> };

/** A filter as badges («País: México»), or «Todos los contactos». */
export function FilterBadges({ filter }: { filter: ContactFilter }) {
  const t = useT();
  const locale = useLocale();
  const items = filterSummary(filter, t, locale);
  return (
    <ul className="filter-summary">
      {(items.length ? items : [t("contacts.segments.allContacts")]).map((item) => (
        <li key={item} className="badge">
          {item}
        </li>
      ))}
    </ul>
  );
}

function SegmentActions({ segment, canEdit, renameError }: { segment: SegmentRow; canEdit: boolean; renameError: SegmentRefusal | null }) {
  const t = useT();
  return (
    <div className="segment-actions">
      <Link to={segment.query ? `/contacts?${segment.query}` : "/contacts"} className="button">
        {t("contacts.segments.open")}
      </Link>
      {canEdit ? (
        <>
          <a href={`/contacts/export.csv?segment=${encodeURIComponent(segment.id)}`} className="button" download>
            {t("contacts.segments.export")}
          </a>
          <details open={renameError ? true : undefined}>
            <summary>{t("contacts.segments.rename")}</summary>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="rename" />
              <input type="hidden" name="id" value={segment.id} />
              <Field id={`rename-${segment.id}`} name="name" label={t("contacts.segments.renameLabel", { name: segment.name })} required maxLength={100} defaultValue={renameError?.name ?? segment.name} error={renameError ? t(renameError.error, renameError.params) : undefined} />
              <button type="submit" className="button">
                {t("common.save")}
              </button>
            </Form>
          </details>
          <ConfirmDialog trigger={t("contacts.segments.delete")} title={t("contacts.segments.delete")} intent="delete" fields={{ id: segment.id }} confirmLabel={t("contacts.segments.deleteConfirm", { name: segment.name })}>
            {t("contacts.segments.deleteWhat", { name: segment.name })}
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}

/** The saved segments: filter, current count, last change and what can be done with each. */
export function SegmentsTable({ segments, canEdit, refusal }: { segments: readonly SegmentRow[]; canEdit: boolean; refusal: SegmentRefusal | null }) {
  const t = useT();
  const formatDate = useFormatDate();
  const columns: Column<SegmentRow>[] = [
    { key: "name", header: t("contacts.segments.fields.name"), primary: true, cell: (s) => <Link to={`/contacts?segment=${encodeURIComponent(s.id)}`}>{s.name}</Link> },
    { key: "filter", header: t("contacts.segments.fields.filter"), cell: (s) => (s.filter ? <FilterBadges filter={s.filter} /> : <StatusBadge tone="danger" label={t("contacts.segments.invalidFilter")} />) },
    { key: "count", header: t("contacts.segments.fields.count"), className: "nowrap", cell: (s) => (s.count.exact ? t("contacts.count", { count: s.count.value }) : t("contacts.countEstimate", { count: s.count.value })) },
    { key: "updatedAt", header: t("contacts.segments.fields.updatedAt"), className: "nowrap", cell: (s) => formatDate(s.updatedAt, { dateStyle: "medium" }) },
    { key: "actions", header: t("common.actions"), cell: (s) => <SegmentActions segment={s} canEdit={canEdit} renameError={refusal?.intent === "rename" && refusal.id === s.id ? refusal : null} /> },
  ];
  return <DataTable label={t("contacts.segments.title")} columns={columns} rows={segments} rowKey={(s) => s.id} rowAttrs={(s) => ({ "data-count": String(s.count.value) })} empty={{ message: t("contacts.segments.empty") }} />;
}
