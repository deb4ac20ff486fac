/**
 * The top of a page: title, an optional line under it, actions to the right (below on phones) and an
 * optional back link. Toolbar is the row of buttons/links used in `actions` or above a list.
 *
 *   <PageHeader
 *     title={t("materials.list.title")}
 *     description={t("materials.list.intro")}
 *     back={{ to: "/materials", label: t("materials.back") }}
 *     actions={<Link to="/materials/new" className="button button--primary">{t("materials.actions.new")}</Link>}
 *   />
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type BackLink = { to: string; label: ReactNode };

export function PageHeader({ title, description, eyebrow, actions, back, children }: { title: ReactNode; description?: ReactNode; eyebrow?: ReactNode; actions?: ReactNode; back?: BackLink; children?: ReactNode }) {
  return (
    <header className={actions ? "page-header page-header--actions" : "page-header"}>
      <div className="page-header__text">
        {back ? (
          <p className="page-header__back">
            <Link to={back.to}>← {back.label}</Link>
          </p>
        ) : null}
        {eyebrow ? <p className="muted page-header__eyebrow">{eyebrow}</p> : null}
        <h1>{title}</h1>
        {description ? <p className="muted">{description}</p> : null}
        {children}
      </div>
      {actions ? <Toolbar>{actions}</Toolbar> : null}
    </header>
  );
}

/** Buttons and links in a wrapping row. */
export function Toolbar({ children, label, className }: { children: ReactNode; label?: string; className?: string }) {
  return (
    <div className={["form-actions ui-toolbar", className ?? ""].filter(Boolean).join(" ")} role={label ? "toolbar" : undefined} aria-label={label}>
      {children}
    </div>
  );
}
