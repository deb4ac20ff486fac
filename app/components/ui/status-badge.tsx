/**
 * ONE badge. Its colour comes from a tone, never from the area: each area keeps a tone map
 * (status → tone) next to its labels and passes the translated label.
 *
 *   // app/components/materials/labels.tsx
 *   export const SHIPMENT_TONES = toneMap({ RECEIVED: "success", CANCELLED: "danger", SHIPPED: "info" });
 *   // a page
 *   <StatusBadge tone={SHIPMENT_TONES(status)} label={t(`materials.shipmentStatus.${status}`)} />
 */
import type { ReactNode } from "react";

export type Tone = "success" | "warning" | "danger" | "info" | "neutral" | "accent";

/** A lookup from a status to its tone; unknown statuses are "neutral" (or `fallback`). */
export function toneMap<K extends string>(tones: Partial<Record<K, Tone>>, fallback: Tone = "neutral"): (status: K | string | null | undefined) => Tone {
  return (status) => (status ? (tones as Record<string, Tone | undefined>)[status] : undefined) ?? fallback;
}

export function StatusBadge({ tone = "neutral", label, children, className, ...data }: { tone?: Tone; label?: ReactNode; children?: ReactNode; className?: string } & { [attr: `data-${string}`]: string | undefined }) {
  return (
    <span className={["badge", `badge--${tone}`, className ?? ""].filter(Boolean).join(" ")} {...data}>
      {label ?? children}
    </span>
  );
}
