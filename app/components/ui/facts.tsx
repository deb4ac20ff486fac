/**
 * A record's facts as a description list: label on the left (above on phones), value on the
 * right. An item whose value is empty (null, undefined, "", an empty list) is left out, so a
 * record shows only what it has; a list value is shown one item a line.
 *
 *   <Facts items={[
 *     { label: t("meetings.fields.date"), value: formatDate(m.date) },
 *     { label: t("meetings.fields.ineAreas"), value: m.ineAreas.map((a) => t(`ineArea.${a}`)) },
 *   ]} />
 */
import type { ReactNode } from "react";

export type Fact = { label: ReactNode; value: ReactNode | ReactNode[]; className?: string; key?: string };

function isEmpty(value: Fact["value"]): boolean {
  return value === null || value === undefined || value === false || value === "" || (Array.isArray(value) && value.length === 0);
}

export function Facts({ items, className, label }: { items: Fact[]; className?: string; label?: string }) {
  const shown = items.filter((item) => !isEmpty(item.value));
  if (shown.length === 0) return null;
  return (
    <dl className={["ui-facts", className ?? ""].filter(Boolean).join(" ")} aria-label={label}>
      {shown.map((item, i) => (
        <div className="ui-facts__row" key={item.key ?? i}>
          <dt>{item.label}</dt>
          <dd className={item.className}>
            {Array.isArray(item.value) ? (
              <ul className="ui-facts__list">
                {item.value.map((v, j) => (
                  <li key={j}>{v}</li>
                ))}
              </ul>
            ) : (
              item.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
