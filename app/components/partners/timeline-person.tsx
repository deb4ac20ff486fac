import { Link } from "@remix-run/react";
import { ConfirmDialog } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { PersonForm } from "./person-form";
import { echoOf, type EntryOf, type TimelineContext } from "./timeline-context";

/** A person at the institution (possibly a contact of the directory); editors correct or remove them. */
export function PersonEntry({ entry, ctx }: { entry: EntryOf<"person">; ctx: TimelineContext }) {
  const t = useT();
  const p = entry.person;
  const echo = echoOf(ctx.failed, "person", "personId", p.id);
  const stored = p.contactId ? { contactEmail: p.email ?? "", position: p.position ?? "" } : { name: p.name ?? "", position: p.position ?? "", email: p.email ?? "", phone: p.phone ?? "" };
  return (
    <>
      <h3>{p.name ?? p.email}</h3>
      <p>
        {[p.position, p.email, p.phone].filter(Boolean).join(" · ")}
        {p.contactId ? (
          <>
            {" · "}
            <Link to={`/contacts/${p.contactId}`}>{p.receivesBulletins ? t("partners.person.contactReceives") : t("partners.person.contactLinked")}</Link>
          </>
        ) : null}
      </p>
      {ctx.canEdit ? (
        <>
          <details open={!!echo}>
            <summary>{t("partners.person.edit")}</summary>
            <PersonForm personId={p.id} idPrefix={`person-${p.id}`} values={echo?.values ?? stored} errors={echo?.errors ?? {}} busy={ctx.busy} />
          </details>
          <ConfirmDialog trigger={t("partners.person.remove")} title={t("partners.person.removeTitle")} intent="removePerson" fields={{ personId: p.id }} confirmLabel={t("partners.person.remove")}>
            {t("partners.person.removeWhat", { name: p.name ?? p.email ?? "", institution: ctx.partner.name })}
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}
