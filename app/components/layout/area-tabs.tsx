import { NavLink } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export type AreaTab = { to: string; label: string; end?: boolean };

/** An area's views as tabs above its pages. Labels are translation keys; className styles them. */
export function AreaTabs({ label, tabs, className }: { label: string; tabs: AreaTab[]; className: string }) {
  const t = useT();
  return (
    <nav aria-label={t(label)}>
      <ul className={className}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} prefetch="intent">
              {t(tab.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
