/**
 * A list's filters: a GET form (the URL is the state; the pager's cursor is dropped on apply).
 * On phones (<640 px) it is a closed «Filtros» disclosure so the first screen shows the list; on
 * wider screens it is always open. Active filters show as chips; each chip is a link to the same
 * URL without that parameter. Works without JavaScript.
 *
 *   <FilterBar label={t("materials.list.filters")} chips={[{ param: "kind", label: t(`materials.kind.${kind}`) }]}>
 *     <FilterSearch name="q" label={t("materials.list.q")} defaultValue={filter.q} />
 *     <FilterSelect name="kind" label={t("materials.fields.kind")} anyLabel={t("materials.list.any")}
 *       options={MATERIAL_KINDS.map((k) => ({ value: k, label: t(`materials.kind.${k}`) }))} defaultValue={filter.kind} />
 *   </FilterBar>
 *
 * A chip's label should say the filter and its value («Tipo: Folleto»); leave out chips for
 * parameters at their default.
 */
import { Form, Link, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { withParams } from "./url";

export type FilterChip = { param: string; label: ReactNode };

export function FilterBar({ label, children, chips = [], action, submitLabel, id = "filters", resetParams = ["cursor"] }: { label: string; children: ReactNode; chips?: readonly FilterChip[]; action?: string; submitLabel?: string; id?: string; resetParams?: readonly string[] }) {
  const t = useT();
  const location = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  // Without JS the CSS keeps it open on wide screens; with JS, open it there so `open` is true too.
  useEffect(() => {
    if (ref.current && window.matchMedia("(min-width: 640px)").matches) ref.current.open = true;
  }, []);
  const drop = Object.fromEntries(resetParams.map((p) => [p, undefined]));
  return (
    <div className="ui-filters">
      <details ref={ref} className="ui-filters__details">
        <summary>
          {t("ui.filters.toggle")}
          {chips.length ? ` (${chips.length})` : ""}
        </summary>
        <Form method="get" action={action} className="filters" role="search" aria-label={label} id={id}>
          {children}
          <button type="submit" className="button">
            {submitLabel ?? t("ui.filters.apply")}
          </button>
        </Form>
      </details>
      {chips.length ? (
        <ul className="ui-chips" aria-label={t("ui.filters.active")}>
          {chips.map((chip) => (
            <li key={chip.param}>
              <Link to={withParams(location.search, { ...drop, [chip.param]: undefined })} className="ui-chip" aria-label={`${t("ui.filters.remove")}: ${typeof chip.label === "string" ? chip.label : chip.param}`}>
                {chip.label} <span aria-hidden="true">×</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type Choice = { value: string; label: string };

/** A select in a FilterBar; `anyLabel` is the first, empty choice («Cualquiera»). */
export function FilterSelect({ name, label, options, defaultValue, anyLabel, id }: { name: string; label: string; options: readonly Choice[]; defaultValue?: string | null; anyLabel?: string; id?: string }) {
  const fieldId = id ?? `filter-${name}`;
  return (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <select id={fieldId} name={name} defaultValue={defaultValue ?? ""}>
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A search box in a FilterBar (a label always; the placeholder is only an example). */
export function FilterSearch({ name = "q", label, defaultValue, placeholder, id, maxLength = 200 }: { name?: string; label: string; defaultValue?: string | null; placeholder?: string; id?: string; maxLength?: number }) {
  const fieldId = id ?? `filter-${name}`;
  return (
    <div className="field ui-filters__search">
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} name={name} type="search" defaultValue={defaultValue ?? ""} placeholder={placeholder} maxLength={maxLength} />
    </div>
  );
}
