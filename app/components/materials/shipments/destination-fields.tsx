import { FieldError, SearchPicker } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Choice = { id: string; name: string };
export type DestinationKind = "event" | "partner" | "location";
const KINDS: readonly DestinationKind[] = ["event", "partner", "location"];

/**
 * «¿A dónde va?»: one radio per kind of destination, each followed by the one search picker that
 * applies (events, institutions, places: thousands at scale, never rendered as options). CSS
 * (`.sh-dest` in materials.css, `:has(:checked)`) shows only the chosen kind's picker, so the form
 * reads right without JavaScript; the server ignores the other fields (shipmentFormSchema).
 */
/** The places a shipment may go to (the origin's kinds too). */
export const SHIPMENT_PLACE_KINDS = "WAREHOUSE,FOREIGN_SERVICE_POST,PARTNER_OFFICE";

export function DestinationFields({ kind, values, event, error }: { kind: DestinationKind; values: Record<string, string | undefined>; event?: Choice | null; error?: string }) {
  const t = useT();
  const choices: Record<DestinationKind, { name: string; label: string; source: string; params?: Record<string, string>; initial?: Choice | null }> = {
    event: { name: "eventId", label: t("materials.shipments.event"), source: "/events/options", initial: event },
    partner: { name: "partnerId", label: t("materials.shipments.partner"), source: "/partners/options" },
    location: { name: "toLocationId", label: t("materials.shipments.toPlace"), source: "/materials/locations/options", params: { kind: SHIPMENT_PLACE_KINDS } },
  };
  const labels: Record<DestinationKind, string> = { event: t("materials.shipments.toEvent"), partner: t("materials.shipments.toPartner"), location: t("materials.shipments.toLocation") };
  return (
    <fieldset className="ev-fieldset sh-dest field--wide" aria-describedby={error ? "sh-destination-error" : undefined}>
      <legend>{t("materials.shipments.destinationKind")}</legend>
      {KINDS.map((k) => {
        const c = choices[k];
        const posted = values[c.name] ?? "";
        return (
          <div key={k} className="sh-dest__option" data-kind={k}>
            <label className="ev-check-row">
              <input type="radio" name="destinationKind" value={k} defaultChecked={kind === k} />
              <span>{labels[k]}</span>
            </label>
            <div className="sh-dest__select">
              <SearchPicker
                id={`sh-${c.name}`}
                name={c.name}
                label={c.label}
                source={c.source}
                params={c.params}
                placeholder={t("materials.form.choose")}
                defaultValue={c.initial ? { id: c.initial.id, label: c.initial.name } : null}
                echo={posted && posted !== c.initial?.id ? posted : undefined}
                invalid={!!error && kind === k}
              />
            </div>
          </div>
        );
      })}
      <FieldError id="sh-destination-error" error={error} />
    </fieldset>
  );
}
