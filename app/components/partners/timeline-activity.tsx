import { Form, Link } from "@remix-run/react";
import { ConfirmDialog } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDay } from "./labels";
import { ActivityForm } from "./activity-form";
import { ActivityRemovalQuestion } from "./activity-removal";
import { activityChoices, echoOf, type EntryOf, type TimelineContext } from "./timeline-context";

/** An activity on the timeline: what happened, with whom, its figures, and (to editors) correct/remove. */
export function ActivityEntry({ entry, ctx }: { entry: EntryOf<"activity">; ctx: TimelineContext }) {
  const t = useT();
  const locale = useLocale();
  const a = entry.activity;
  const echo = echoOf(ctx.failed, "activity", "activityId", a.id);
  const facts = [
    a.peopleReached !== null ? t("partners.activity.peopleReachedN", { count: a.peopleReached }) : null,
    a.itemsDistributed !== null ? t("partners.activity.itemsDistributedN", { count: a.itemsDistributed }) : null,
    a.bulletinRecipients !== null ? t("partners.activity.bulletinRecipientsN", { count: a.bulletinRecipients }) : null,
    a.users.length ? t("partners.activity.usersList", { names: a.users.map((u) => u.name).join(", ") }) : null,
    a.people.length ? t("partners.activity.peopleList", { names: a.people.map((p) => p.name ?? "").join(", ") }) : null,
  ].filter((f): f is string => f !== null);
  return (
    <>
      <h3>{t(`partners.activityKind.${a.kind}`)}</h3>
      <p className="summary">{a.summary}</p>
      {a.others.length ? (
        <p className="shared-with" data-shared={a.others.length + 1}>
          {t("partners.activity.sharedWith", { count: a.others.length })}{" "}
          {a.others.map((o, i) => (
            <span key={o.id}>
              {i > 0 ? ", " : ""}
              <Link to={`/partners/${o.id}`}>{o.acronym ?? o.name}</Link>
            </span>
          ))}
        </p>
      ) : null}
      <p className="muted meta">{t("partners.activity.reportPartLine", { part: t(`reportPart.${a.reportPart}`) })}</p>
      <ul>
        {facts.map((f, i) => (
          <li key={i}>{f}</li>
        ))}
        {a.event ? (
          <li>
            <Link to={`/events/${a.event.id}`}>{t("partners.activity.eventLink", { name: a.event.name })}</Link>
          </li>
        ) : null}
      </ul>
      {ctx.canEdit ? (
        <details open={!!echo}>
          <summary>{t("partners.activity.edit")}</summary>
          <ActivityForm
            activityId={a.id}
            idPrefix={`activity-${a.id}`}
            values={
              echo?.values ?? {
                occurredOn: entry.date,
                kind: a.kind,
                summary: a.summary,
                peopleReached: a.peopleReached?.toString() ?? "",
                itemsDistributed: a.itemsDistributed?.toString() ?? "",
                bulletinRecipients: a.bulletinRecipients?.toString() ?? "",
                eventId: a.event?.id ?? "",
                reportPart: a.reportPart,
                userIds: a.users.map((u) => u.id).join(","),
                personIds: a.people.map((p) => p.id).join(","),
              }
            }
            errors={echo?.errors ?? {}}
            {...activityChoices(ctx)}
            event={a.event}
            others={a.others}
            defaultPartLabel={t(`reportPart.${ctx.defaultParts[a.id] ?? ctx.defaultPart}`)}
          />
        </details>
      ) : null}
      {ctx.canEdit && ctx.removal?.confirm.activityId === a.id ? (
        <ActivityRemovalQuestion removal={ctx.removal} partner={ctx.partner} />
      ) : ctx.canEdit && a.others.length ? (
        // Shared: the server asks which outcome (ActivityRemovalQuestion), naming the institutions.
        <Form method="post" className="entry-actions">
          <input type="hidden" name="intent" value="removeActivity" />
          <input type="hidden" name="activityId" value={a.id} />
          <button type="submit" className="link-button">
            {t("partners.activity.removeSharedButton")}
          </button>
        </Form>
      ) : ctx.canEdit ? (
        <ConfirmDialog trigger={t("partners.activity.remove")} title={t("partners.activity.removeTitle")} intent="removeActivity" fields={{ activityId: a.id }} confirmLabel={t("partners.activity.remove")}>
          {t("partners.activity.removeWhat", { date: formatDay(entry.date, locale), summary: a.summary.length > 80 ? `${a.summary.slice(0, 80)}…` : a.summary })}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
