/** One section of the outline editor: number and title, its badges, move up/down, delete (added ones), rename. */
import { Form } from "@remix-run/react";
import { Field, StatusBadge } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { IntentButton } from "../intent-button";
import type { EditorNode } from "~/modules/reports/index.server";

export const outlineLabel = (n: { number: string | null; title: string }) => (n.number ? `${n.number}. ${n.title}` : n.title);

export function OutlineRow({ node: n, rename, busy }: { node: EditorNode; rename: { errors: Record<string, string>; title: string } | null; busy: boolean }) {
  const t = useT();
  const label = outlineLabel(n);
  return (
    <li id={`s-${n.key}`} className={n.depth === 1 ? "outline-row outline-row--top" : "outline-row"} style={{ paddingLeft: `${Math.min(n.depth - 1, 5) * 0.9}rem` }}>
      <span className="outline-row__title">
        {n.number ? <span className="nowrap">{n.number}. </span> : null}
        {n.title}
      </span>
      <span className="outline-row__badges">
        <StatusBadge label={t(`admin.reportOutline.kind.${n.kind}`)} />
        {n.computed ? <StatusBadge label={t(`admin.reportOutline.computed.${n.computed}`)} /> : null}
        {!n.numbered ? <StatusBadge tone="danger" label={t("admin.reportOutline.unnumbered")} /> : null}
        {n.added ? <StatusBadge tone="success" label={t("admin.reportOutline.addedHere")} /> : null}
      </span>
      <span className="outline-row__actions">
        <Form method="post">
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="key" value={n.key} />
          <button type="submit" name="direction" value="up" className="button" disabled={n.first || busy} aria-label={t("admin.reportOutline.moveUpLabel", { title: label })}>
            {t("admin.reportOutline.moveUp")}
          </button>
          <button type="submit" name="direction" value="down" className="button" disabled={n.last || busy} aria-label={t("admin.reportOutline.moveDownLabel", { title: label })}>
            {t("admin.reportOutline.moveDown")}
          </button>
        </Form>
        {n.added ? (
          <IntentButton intent="delete" fields={{ key: n.key }} label={t("admin.reportOutline.delete.action")} ariaLabel={t("admin.reportOutline.deleteLabel", { title: label })} danger busy={busy} />
        ) : null}
      </span>
      <details open={!!rename}>
        <summary>{t("admin.reportOutline.rename")}</summary>
        <Form method="post" className="inline-form" noValidate>
          <input type="hidden" name="intent" value="rename" />
          <input type="hidden" name="key" value={n.key} />
          <Field id={`title-${n.key}`} name="title" label={t("admin.reportOutline.renameLabel", { title: label })} defaultValue={rename ? rename.title : n.title} maxLength={300} required error={rename?.errors.title} />
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("admin.reportOutline.save")}
          </button>
        </Form>
      </details>
    </li>
  );
}
