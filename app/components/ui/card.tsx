/**
 * Card: a bordered surface with an optional heading. EmptyState: the «nothing here yet» box with
 * an optional next step.
 *
 *   <Card title={t("partners.agreements")} actions={<Link to="new">…</Link>}>…</Card>
 *   <EmptyState message={t("materials.list.empty")} action={<Link to="/materials/new" className="button">…</Link>} />
 */
import { useId, type ReactNode } from "react";
import { useT } from "~/i18n/use-t";

export function Card({ title, actions, children, className, headingLevel = 2, id: anchor, ...data }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; headingLevel?: 2 | 3; /** An anchor (#id) on the card. */ id?: string } & { [attr: `data-${string}`]: string | undefined }) {
  const id = useId();
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <section id={anchor} className={["panel ui-card", className ?? ""].filter(Boolean).join(" ")} aria-labelledby={title ? id : undefined} {...data}>
      {title || actions ? (
        <div className="ui-card__head">
          {title ? <Heading id={id}>{title}</Heading> : null}
          {actions ? <div className="form-actions">{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}

/** `message` defaults to «Sin resultados». */
export function EmptyState({ message, action, children }: { message?: ReactNode; action?: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="empty-state" data-testid="empty-state">
      <p>{message ?? t("ui.empty")}</p>
      {children}
      {action ? <div className="ui-empty__action">{action}</div> : null}
    </div>
  );
}
