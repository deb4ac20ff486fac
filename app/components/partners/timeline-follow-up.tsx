import { Form, Link } from "@remix-run/react";
import { StatusBadge } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { FollowUpForm } from "./follow-up-form";
import { FOLLOW_UP_TONES, formatDay } from "./labels";
import { echoOf, type EntryOf, type TimelineContext } from "./timeline-context";

/** A follow-up: what, when, who; editors close, reopen or correct it. */
export function FollowUpEntry({ entry, ctx }: { entry: EntryOf<"followUp">; ctx: TimelineContext }) {
  const t = useT();
  const locale = useLocale();
  const f = entry.followUp;
  const echo = echoOf(ctx.failed, "followUp", "followUpId", f.id);
  return (
    <>
      <h3>{f.title}</h3>
      {f.meeting ? (
        <p>
          <Link to={`/meetings/${f.meeting.id}`}>{t("partners.followUp.fromMeeting", { subject: f.meeting.subject, date: formatDay(f.meeting.heldOn, locale) })}</Link>
        </p>
      ) : null}
      <p>
        {t("partners.followUp.dueLine", { date: formatDay(f.dueOn, locale), owner: f.owner.name })}{" "}
        <StatusBadge tone={f.overdue ? "danger" : FOLLOW_UP_TONES(f.state)} label={f.overdue ? t("partners.followUp.overdue") : t(`partners.followUp.stateLabel.${f.state}`)} />
      </p>
      {ctx.canEdit ? (
        <>
          <Form method="post" className="entry-actions">
            <input type="hidden" name="intent" value="followUpState" />
            <input type="hidden" name="followUpId" value={f.id} />
            {f.state === "OPEN" ? (
              <>
                <button type="submit" name="state" value="DONE" className="button">
                  {t("partners.followUp.markDone")}
                </button>
                <button type="submit" name="state" value="CANCELLED" className="button">
                  {t("partners.followUp.cancel")}
                </button>
              </>
            ) : (
              <button type="submit" name="state" value="OPEN" className="button">
                {t("partners.followUp.reopen")}
              </button>
            )}
          </Form>
          <details open={!!echo}>
            <summary>{t("partners.followUp.edit")}</summary>
            <FollowUpForm
              followUpId={f.id}
              idPrefix={`followUp-${f.id}`}
              values={echo?.values ?? { title: f.title, dueOn: f.dueOn, ownerId: f.owner.id, notes: f.notes ?? "" }}
              errors={echo?.errors ?? {}}
              staff={ctx.staff.some((u) => u.id === f.owner.id) ? ctx.staff : [f.owner, ...ctx.staff]}
              me={ctx.me}
              busy={ctx.busy}
            />
          </details>
        </>
      ) : null}
    </>
  );
}
