/**
 * The note next to a list's FilterBar when the URL carried a filter value that cannot be one
 * (lib/filters.ts parseFilters): the list is shown without it, and the reader is told which.
 *
 *   <IgnoredFilters ignored={ignored} labels={{ from: t("admin.audit.fields.from") }} />
 */
import { useT } from "~/i18n/use-t";
import type { IgnoredFilter } from "~/lib/filters";

export function IgnoredFilters({ ignored, labels }: { ignored: readonly IgnoredFilter[]; labels: Record<string, string> }) {
  const t = useT();
  if (ignored.length === 0) return null;
  const list = ignored.map((f) => `${labels[f.param] ?? f.param} («${f.value}»)`).join(", ");
  return (
    <p className="ignored-filters" role="status" data-testid="ignored-filters">
      {t("admin.filters.ignored", { count: ignored.length, filters: list })}
    </p>
  );
}
