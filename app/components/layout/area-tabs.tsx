import { Tabs, type Tab } from "~/components/ui";
import { useT } from "~/i18n/use-t";

export type AreaTab = Tab;

/** Kept for the area layouts: the kit's Tabs with translation keys for labels. New code uses Tabs. */
export function AreaTabs({ label, tabs, className }: { label: string; tabs: AreaTab[]; className?: string }) {
  const t = useT();
  return <Tabs label={t(label)} tabs={tabs.map((tab) => ({ ...tab, label: t(tab.label) }))} className={className} />;
}
