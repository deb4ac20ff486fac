import { StatusBadge } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { AgreementForm } from "./agreement-form";
import { formatDay } from "./labels";
import { echoOf, type EntryOf, type TimelineContext } from "./timeline-context";

/** An agreement with the institution: status, reference, validity (with its expiry alert) and document. */
export function AgreementEntry({ entry, ctx }: { entry: EntryOf<"agreement">; ctx: TimelineContext }) {
  const t = useT();
  const locale = useLocale();
  const a = entry.agreement;
  const echo = echoOf(ctx.failed, "agreement", "agreementId", a.id);
  return (
    <>
      <h3>{a.title}</h3>
      <p>
        {t(`partners.agreementStatus.${a.status}`)}
        {a.reference ? ` · ${a.reference}` : ""}
        {a.validUntil ? ` · ${t("partners.agreement.validUntilLine", { date: formatDay(a.validUntil, locale) })}` : ""}{" "}
        {a.alert?.kind === "expiring" ? (
          <StatusBadge tone="warning" data-alert="expiring" label={t("partners.agreement.expiring", { count: a.alert.daysLeft })} />
        ) : a.alert?.kind === "expired" ? (
          <StatusBadge tone="danger" data-alert="expired" label={t("partners.agreement.expired")} />
        ) : null}
      </p>
      {a.fileSha256 ? (
        <p>
          <a href={`/files/${a.fileSha256}?name=${encodeURIComponent(a.fileName ?? "convenio")}`}>{t("partners.agreement.download", { name: a.fileName ?? "" })}</a>
        </p>
      ) : null}
      {a.notes ? <p className="summary">{a.notes}</p> : null}
      {ctx.canEdit ? (
        <details open={!!echo}>
          <summary>{t("partners.agreement.edit")}</summary>
          <AgreementForm
            maxMb={ctx.maxMb}
            idPrefix={`agreement-${a.id}`}
            agreementId={a.id}
            values={echo?.values ?? { title: a.title, reference: a.reference ?? "", signedOn: a.signedOn ?? "", validUntil: a.validUntil ?? "", status: a.status, notes: a.notes ?? "" }}
            errors={echo?.errors ?? {}}
            busy={ctx.busy}
          />
        </details>
      ) : null}
    </>
  );
}
