import type { SerializeFrom } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { LinkButton, PageHeader, type BackLink } from "~/components/ui";
import { useLocale } from "~/i18n/use-t";
import { formatDay } from "./labels";

/** «Editar» (the page with ?edit=1) and «Eliminar…» (a post that only asks first: decision 023). */
export function RecordActions({ editLabel, deleteLabel, busy }: { editLabel: string; deleteLabel: string; busy: boolean }) {
  return (
    <>
      <LinkButton to="?edit=1">{editLabel}</LinkButton>
      <Form method="post">
        <button type="submit" name="intent" value="delete" className="button button--danger" disabled={busy}>
          {deleteLabel}
        </button>
      </Form>
    </>
  );
}

/**
 * The head of a meeting's or an agreement's page: its date in long form and `children` (kind,
 * status…) under the title, and the record actions for those who may edit.
 */
export function RecordHeader({
  back,
  title,
  day,
  children,
  actions,
}: {
  back: BackLink;
  title: string;
  day: string;
  children: ReactNode;
  actions: { editLabel: string; deleteLabel: string; busy: boolean } | null;
}) {
  const locale = useLocale();
  return (
    <PageHeader
      back={back}
      title={title}
      description={
        <span className="meeting-meta">
          <time dateTime={day}>{formatDay(day, locale, "long")}</time>
          {children}
        </span>
      }
      actions={actions ? <RecordActions {...actions} /> : undefined}
    />
  );
}

/**
 * A record page's last answer: the edit form sent back with its errors (`values`), or the deletion
 * question (`impact`, decision 023). handleIntents answers unknown to the compiler, so the page
 * names its answer type `A`.
 */
export function useRecordAnswer<A extends object>() {
  const answer = useActionData() as SerializeFrom<A> | undefined;
  return {
    busy: useNavigation().state === "submitting",
    formAnswer: answer && "values" in answer ? (answer as Extract<SerializeFrom<A>, { values: unknown }>) : null,
    confirm: answer && "impact" in answer ? (answer as Extract<SerializeFrom<A>, { impact: unknown }>) : null,
  };
}
