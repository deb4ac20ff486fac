/**
 * KeysetPager: «Anterior / Siguiente» by key, every other parameter (the filters) kept. The loader
 * gives `nextCursor` (the last key of this page) and, when it can, `prevCursor`; without
 * `prevCursor` the back link goes to the first page.
 *
 *   <KeysetPager nextCursor={nextCursor} prevCursor={prevCursor} />
 *
 * ResultSummary: «N resultados» and the export links of the list as it is filtered.
 *
 *   <ResultSummary count={total} exports={[{ href: `/materials/export.csv?${query}`, label: t("materials.export.stock") }]} />
 */
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "~/i18n/use-t";
import { useFormatNumber } from "./number";
import { withParams } from "./url";

export function KeysetPager({ nextCursor, prevCursor, param = "cursor" }: { nextCursor?: string | null; prevCursor?: string | null; param?: string }) {
  const t = useT();
  const location = useLocation();
  const onFirstPage = !new URLSearchParams(location.search).has(param);
  if (onFirstPage && !nextCursor) return null;
  const back = withParams(location.search, { [param]: prevCursor ?? undefined });
  return (
    <nav className="pager" aria-label={t("ui.pager.label")}>
      {onFirstPage ? (
        <span />
      ) : (
        <Link to={back === "?" ? location.pathname : back} className="button" rel="prev">
          {prevCursor ? t("ui.pager.previous") : t("ui.pager.first")}
        </Link>
      )}
      {nextCursor ? (
        <Link to={withParams(location.search, { [param]: nextCursor })} className="button" rel="next">
          {t("ui.pager.next")}
        </Link>
      ) : (
        <span className="muted">{t("ui.pager.end")}</span>
      )}
    </nav>
  );
}

export type ExportLink = { href: string; label: ReactNode };

export function ResultSummary({ count, text, exports = [] }: { count?: number; text?: ReactNode; exports?: readonly ExportLink[] }) {
  const t = useT();
  const format = useFormatNumber();
  if (count === undefined && !text && exports.length === 0) return null;
  return (
    <div className="ui-result-summary">
      <p className="muted" aria-live="polite">
        {text ?? (count !== undefined ? t("ui.results", { count, n: format(count) }) : null)}
      </p>
      {exports.length ? (
        <div className="form-actions">
          {exports.map((e) => (
            <a key={e.href} href={e.href} className="button" download>
              {e.label}
            </a>
          ))}
        </div>
      ) : null}
    </div>
  );
}
