/**
 * An area's views as tabs (links; the current one is marked by NavLink). Labels are translated
 * text. Wraps on phones instead of scrolling sideways.
 *
 *   <Tabs label={t("materials.tabs.label")} tabs={[{ to: "/materials", label: t("materials.tabs.catalogue"), end: true }, …]} />
 */
import { NavLink } from "@remix-run/react";

export type Tab = { to: string; label: string; end?: boolean };

export function Tabs({ label, tabs, className }: { label: string; tabs: readonly Tab[]; className?: string }) {
  return (
    <nav aria-label={label} className="ui-tabs-nav">
      <ul className={["ui-tabs", className ?? ""].filter(Boolean).join(" ")}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end} prefetch="intent">
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
