import { useT } from "~/i18n/use-t";
import type { PartnerKind } from "~/generated/prisma/enums";

export type PartnerOption = { id: string; name: string; acronym: string | null; kind: PartnerKind };

function OptionLabel({ p }: { p: PartnerOption }) {
  const t = useT();
  return (
    <span>
      {p.name}
      {p.acronym ? ` (${p.acronym})` : ""} <span className="muted">· {t(`partners.kind.${p.kind}`)}</span>
    </span>
  );
}

/**
 * The meeting's institutions: the ticked ones, and a search that posts the form (intent
 * «findPartners», saves nothing) and comes back with matches, so it works without JavaScript.
 */
export function PartnerPicker({ chosen, found, query, error, busy }: { chosen: PartnerOption[]; found: PartnerOption[] | null; query: string; error?: string; busy: boolean }) {
  const t = useT();
  const chosenIds = new Set(chosen.map((p) => p.id));
  const others = (found ?? []).filter((p) => !chosenIds.has(p.id));
  return (
    <fieldset aria-describedby="meeting-partners-hint">
      <legend>{t("meetings.fields.partners")}</legend>
      <p className="hint muted" id="meeting-partners-hint">
        {t("meetings.form.partnerSearchHint")}
      </p>
      <h3 className="sr-only">{t("meetings.form.chosenPartners")}</h3>
      {chosen.length ? (
        <ul className="meeting-choices" aria-label={t("meetings.form.chosenPartners")}>
          {chosen.map((p) => (
            <li key={p.id}>
              <label>
                <input type="checkbox" name="partnerIds" value={p.id} defaultChecked />
                <OptionLabel p={p} />
              </label>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("meetings.form.noChosenPartners")}</p>
      )}
      {error ? (
        <p className="field-error" role="alert" id="meeting-partnerIds">
          {t(error)}
        </p>
      ) : null}
      <div className="meeting-search">
        <div className="field">
          <label htmlFor="meeting-partnerQuery">{t("meetings.form.partnerSearch")}</label>
          <input id="meeting-partnerQuery" name="partnerQuery" type="search" defaultValue={query} maxLength={200} autoComplete="off" />
        </div>
        <button type="submit" name="intent" value="findPartners" className="button" disabled={busy} formNoValidate>
          {t("meetings.form.partnerSearchButton")}
        </button>
      </div>
      {found !== null ? (
        others.length ? (
          <ul className="meeting-choices meeting-choices--found" aria-label={t("meetings.form.foundPartners")}>
            {others.map((p) => (
              <li key={p.id}>
                <label>
                  <input type="checkbox" name="partnerIds" value={p.id} />
                  <OptionLabel p={p} />
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted" role="status">
            {t("meetings.form.noneFound", { q: query })}
          </p>
        )
      ) : null}
    </fieldset>
  );
}
