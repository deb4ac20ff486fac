import { useLocation } from "@remix-run/react";
import { Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { ActivityForm } from "./activity-form";
import { AgreementForm } from "./agreement-form";
import { FollowUpForm } from "./follow-up-form";
import { PersonForm } from "./person-form";
import { activityChoices, newEchoOf, type TimelineContext } from "./timeline-context";

/** The «add» panel of an institution's page: one closed disclosure per kind of record (open again when its post failed). */
export function PartnerAdd({ ctx }: { ctx: TimelineContext }) {
  const t = useT();
  const location = useLocation();
  const activity = newEchoOf(ctx.failed, "activity", "activityId");
  const followUp = newEchoOf(ctx.failed, "followUp", "followUpId");
  const person = newEchoOf(ctx.failed, "person", "personId");
  const agreement = newEchoOf(ctx.failed, "agreement", "agreementId");
  return (
    // Keyed by the location: after a successful save (a redirect) the forms start empty and closed.
    <Card key={location.key} title={t("partners.detail.add")} className="partner-add">
      <details open={activity.open}>
        <summary>{t("partners.activity.new")}</summary>
        <ActivityForm
          values={activity.values}
          errors={activity.errors}
          {...activityChoices(ctx)}
          defaultPartLabel={t(`reportPart.${ctx.defaultPart}`)}
        />
      </details>
      <details open={followUp.open}>
        <summary>{t("partners.followUp.new")}</summary>
        <FollowUpForm values={followUp.values} errors={followUp.errors} staff={ctx.staff} me={ctx.me} busy={ctx.busy} />
      </details>
      <details open={person.open}>
        <summary>{t("partners.person.new")}</summary>
        <PersonForm values={person.values} errors={person.errors} busy={ctx.busy} />
      </details>
      <details open={agreement.open}>
        <summary>{t("partners.agreement.new")}</summary>
        <AgreementForm maxMb={ctx.maxMb} values={agreement.values} errors={agreement.errors} busy={ctx.busy} />
      </details>
    </Card>
  );
}
