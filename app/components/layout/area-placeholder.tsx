import { useT } from "~/i18n/use-t";

/** An area whose module has not landed yet: says so plainly instead of a broken page. */
export function AreaPlaceholder({ area }: { area: string }) {
  const t = useT();
  return (
    <>
      <header className="page-header">
        <h1>{t(`nav.${area}`)}</h1>
        <p className="muted">{t(`nav.${area}.description`)}</p>
      </header>
      <div className="empty-state">
        <p>{t("layout.areaComingSoon")}</p>
      </div>
    </>
  );
}
