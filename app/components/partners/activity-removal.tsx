import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { Removal } from "./timeline-context";

/**
 * The second step of removing a shared activity (decision 023): it names every institution and
 * offers the two outcomes (only this institution leaves / the activity goes for all of them), with
 * the count seen so the server refuses a stale answer. Two choices, so not the kit's ConfirmDialog.
 */
export function ActivityRemovalQuestion({ removal, partner }: { removal: Removal; partner: { id: string; name: string; acronym: string | null } }) {
  const t = useT();
  const institutions = removal.confirm.institutions;
  return (
    <div className="partner-confirm" role="alert" data-confirm="removeActivity">
      <p>
        <strong>{removal.stale ? t("partners.activity.removeStale", { count: institutions.length }) : t("partners.activity.removeShared", { count: institutions.length })}</strong>
      </p>
      <ul>
        {institutions.map((i) => (
          <li key={i.id}>{i.acronym ? `${i.name} (${i.acronym})` : i.name}</li>
        ))}
      </ul>
      <Form method="post" className="entry-actions">
        <input type="hidden" name="intent" value="removeActivity" />
        <input type="hidden" name="activityId" value={removal.confirm.activityId} />
        <input type="hidden" name="institutions" value={institutions.length} />
        <button type="submit" name="scope" value="institution" className="button" autoFocus>
          {t("partners.activity.removeThisOnly", { name: partner.acronym ?? partner.name })}
        </button>
        <button type="submit" name="scope" value="all" className="button button--danger">
          {t("partners.activity.removeForAll", { count: institutions.length })}
        </button>
        <Link to={`/partners/${partner.id}`}>{t("partners.activity.removeKeep")}</Link>
      </Form>
    </div>
  );
}
