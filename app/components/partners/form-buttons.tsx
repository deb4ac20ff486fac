import { FormActions } from "~/components/ui";

/** A form's primary button and «Cancelar» (kept for partners' imports; the kit's FormActions is the one implementation). */
export function FormButtons({ submitLabel, cancelTo, busy, intent }: { submitLabel: string; cancelTo: string; busy: boolean; intent?: string }) {
  return <FormActions submitLabel={submitLabel} cancelTo={cancelTo} busy={busy} intent={intent} />;
}
