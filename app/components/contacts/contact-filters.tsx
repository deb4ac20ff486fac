import type { ReactNode } from "react";
import { FilterBar, FilterSelect } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { CONSENT_STATUSES, CONTACT_SORTS, CONTACT_SOURCES, SUBSCRIPTION_STATUSES, type ContactFilter } from "~/modules/contacts";
import { filterChips, languageName, stateName } from "./labels";

export type FilterOptions = { countries: string[]; states: Array<{ country: string; state: string }>; languages: string[]; tags: string[] };

/** A stored value missing from the cached options (just imported, hand-typed URL) stays selectable. */
const withCurrent = (values: string[], current: string | undefined) => (current && !values.includes(current) ? [current, ...values] : values);

function GroupedSelect({ name, label, value, children }: { name: string; label: string; value: string | undefined; children: ReactNode }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={`contacts-${name}`}>{label}</label>
      <select id={`contacts-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">{t("contacts.filters.any")}</option>
        {children}
      </select>
    </div>
  );
}

/**
 * The list's filters on the kit's FilterBar: closed on phones so the first screen shows contacts,
 * active filters as chips. Country and state keep their own selects (grouped options).
 */
export function ContactFilters({ filter, options, allCountries, nameOf }: { filter: ContactFilter; options: FilterOptions; allCountries: ReadonlyArray<{ code: string; name: string }>; nameOf: (code: string) => string }) {
  const t = useT();
  const locale = useLocale();
  const any = t("contacts.filters.any");
  const states = filter.country ? options.states.filter((s) => s.country === filter.country) : options.states;
  const stateOption = (s: { country: string; state: string }) => (
    <option key={`${s.country}-${s.state}`} value={s.state}>
      {stateName(s.state)}
    </option>
  );
  return (
    <FilterBar label={t("contacts.filters.label")} submitLabel={t("contacts.filters.apply")} chips={filterChips(filter, t, locale, nameOf)}>
      <div className="field ui-filters__search contacts-search">
        <label htmlFor="contacts-q">{t("contacts.filters.q")}</label>
        <input id="contacts-q" name="q" type="search" defaultValue={filter.q ?? ""} placeholder={t("contacts.filters.qPlaceholder")} aria-describedby="contacts-q-hint" maxLength={200} />
        <p className="hint" id="contacts-q-hint">
          {t("contacts.filters.qHint")}
        </p>
      </div>
      <GroupedSelect name="country" label={t("contacts.filters.country")} value={filter.country}>
        {/* Stored values that are not ISO codes (legacy text the iso_regions migration could not map, listed on /admin/integrity) are not offered: they would stand next to the real country under the same name. */}
        {withCurrent(options.countries.filter((c) => /^[A-Z]{2}$/.test(c)), filter.country).map((c) => (
          <option key={c} value={c}>
            {nameOf(c)}
          </option>
        ))}
        {/* The stored countries come from a cache refreshed every minute: a country just imported is still offered, with every other. */}
        <optgroup label={t("contacts.filters.otherCountries")}>
          {allCountries
            .filter((c) => c.code !== filter.country && !options.countries.includes(c.code))
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
        </optgroup>
      </GroupedSelect>
      <GroupedSelect name="state" label={t("contacts.filters.state")} value={filter.state}>
        {filter.state && !states.some((s) => s.state === filter.state) ? <option value={filter.state}>{stateName(filter.state)}</option> : null}
        {filter.country
          ? states.map(stateOption)
          : options.countries.map((c) => {
              const own = states.filter((s) => s.country === c);
              return own.length ? (
                <optgroup key={c} label={nameOf(c)}>
                  {own.map(stateOption)}
                </optgroup>
              ) : null;
            })}
      </GroupedSelect>
      <FilterSelect name="language" id="contacts-language" label={t("contacts.filters.language")} anyLabel={any} defaultValue={filter.language} options={withCurrent(options.languages, filter.language).map((l) => ({ value: l, label: languageName(l, locale) }))} />
      <FilterSelect name="tag" id="contacts-tag" label={t("contacts.filters.tag")} anyLabel={any} defaultValue={filter.tag} options={withCurrent(options.tags, filter.tag).map((tag) => ({ value: tag, label: tag }))} />
      <FilterSelect name="source" id="contacts-source" label={t("contacts.filters.source")} anyLabel={any} defaultValue={filter.source} options={CONTACT_SOURCES.map((s) => ({ value: s, label: t(`contacts.source.${s}`) }))} />
      <FilterSelect name="consent" id="contacts-consent" label={t("contacts.filters.consent")} anyLabel={any} defaultValue={filter.consent} options={CONSENT_STATUSES.map((s) => ({ value: s, label: t(`contacts.consent.${s}`) }))} />
      <FilterSelect name="subscription" id="contacts-subscription" label={t("contacts.filters.subscription")} anyLabel={any} defaultValue={filter.subscription} options={SUBSCRIPTION_STATUSES.map((s) => ({ value: s, label: t(`contacts.subscription.${s}`) }))} />
      <FilterSelect name="sort" id="contacts-sort" label={t("contacts.filters.sort")} defaultValue={filter.sort} options={CONTACT_SORTS.map((s) => ({ value: s, label: t(`contacts.sort.${s}`) }))} />
    </FilterBar>
  );
}
