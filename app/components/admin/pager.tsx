import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/**
 * Paging by key: a link to the next page (the last key seen) and one back to the first page.
 * Every other search parameter (the filters) is kept.
 */
export function KeysetPager({ nextCursor, param = "cursor" }: { nextCursor?: string; param?: string }) {
  const t = useT();
  const location = useLocation();
  const params = new URLSearchParams(location.search);
  const onFirstPage = !params.has(param);
  params.delete(param);
  const first = params.toString();
  const nextParams = new URLSearchParams(params);
  if (nextCursor) nextParams.set(param, nextCursor);
  if (onFirstPage && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={t("admin.pager.label")}>
      {onFirstPage ? (
        <span />
      ) : (
        <Link to={first ? `?${first}` : location.pathname} className="button">
          {t("common.first")}
        </Link>
      )}
      {nextCursor ? (
        <Link to={`?${nextParams.toString()}`} className="button" rel="next">
          {t("common.next")}
        </Link>
      ) : (
        <span className="muted">{t("admin.pager.end")}</span>
      )}
    </nav>
  );
}
