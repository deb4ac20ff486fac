import { FieldError } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { formatInstantDate } from "~/lib/format";

type Choice = { id: string; name: string };
export type DestinationKind = "event" | "partner" | "location";
const KINDS: readonly DestinationKind[] = ["event", "partner", "location"];

/**
 * «¿A dónde va?»: one radio per kind of destination, each followed by the one select that applies.
 * CSS (`.sh-dest` in materials.css, `:has(:checked)`) shows only the chosen kind's select, so the
 * form reads right without JavaScript; the server ignores the other selects (shipmentFormSchema).
 */
export function DestinationFields({
  kind,
  values,
  events,
  partners,
  locations,
  error,
}: {
  kind: DestinationKind;
  values: Record<string, string | undefined>;
  events: ReadonlyArray<Choice & { startsAt: string | Date; timeZone: string }>;
  partners: readonly Choice[];
  locations: ReadonlyArray<Choice & { kind: string }>;
  error?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const choices: Record<DestinationKind, { name: string; label: string; options: Array<{ value: string; label: string }> }> = {
    event: { name: "eventId", label: t("materials.shipments.event"), options: events.map((e) => ({ value: e.id, label: `${e.name} (${formatInstantDate(e.startsAt, locale, e.timeZone)})` })) },
    partner: { name: "partnerId", label: t("materials.shipments.partner"), options: partners.map((p) => ({ value: p.id, label: p.name })) },
    location: { name: "toLocationId", label: t("materials.shipments.toPlace"), options: locations.map((l) => ({ value: l.id, label: `${l.name} — ${t(`materials.locationKind.${l.kind}`)}` })) },
  };
  const labels: Record<DestinationKind, string> = { event: t("materials.shipments.toEvent"), partner: t("materials.shipments.toPartner"), location: t("materials.shipments.toLocation") };
  return (
    <fieldset className="ev-fieldset sh-dest field--wide" aria-describedby={error ? "sh-destination-error" : undefined}>
      <legend>{t("materials.shipments.destinationKind")}</legend>
      {KINDS.map((k) => {
        const c = choices[k];
        return (
          <div key={k} className="sh-dest__option" data-kind={k}>
            <label className="ev-check-row">
              <input type="radio" name="destinationKind" value={k} defaultChecked={kind === k} />
              <span>{labels[k]}</span>
            </label>
            <div className="field sh-dest__select">
              <label htmlFor={`sh-${c.name}`}>{c.label}</label>
              <select id={`sh-${c.name}`} name={c.name} defaultValue={values[c.name] ?? ""} aria-invalid={error && kind === k ? true : undefined}>
                <option value="">{t("materials.form.choose")}</option>
                {c.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        );
      })}
      <FieldError id="sh-destination-error" error={error} />
    </fieldset>
  );
}
