/**
 * The institutions list's filter, read from and written back to the URL. Pure. An invalid value (a
 * hand-edited URL) is dropped rather than failing the page.
 */
import { z } from "zod";
import { normalizeTags, PARTNER_KINDS, PARTNER_STATUSES } from "./fields";

const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().normalize("NFC").slice(0, max).trim() || undefined : v === null ? undefined : v),
    z.string().max(max).optional()
  );

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values).optional());

export const partnerFilterSchema = z.object({
  q: text(200),
  kind: choice(PARTNER_KINDS),
  country: z.preprocess((v) => (typeof v === "string" && /^[A-Za-z]{2}$/.test(v.trim()) ? v.trim().toUpperCase() : undefined), z.string().length(2).optional()),
  state: text(120),
  tag: z.preprocess((v) => (typeof v === "string" ? normalizeTags(v)[0] : undefined), z.string().max(60).optional()),
  status: choice(PARTNER_STATUSES),
  overdue: z.preprocess((v) => (v === "1" || v === "true" || v === true ? true : undefined), z.literal(true).optional()),
});

export type PartnerFilter = z.infer<typeof partnerFilterSchema>;

export const PARTNER_FILTER_KEYS = ["q", "kind", "country", "state", "tag", "status", "overdue"] as const satisfies ReadonlyArray<keyof PartnerFilter>;

export function partnerFilterFromSearchParams(params: URLSearchParams): PartnerFilter {
  const out: Record<string, unknown> = {};
  for (const key of PARTNER_FILTER_KEYS) {
    const value = params.get(key);
    if (value === null) continue;
    const single = partnerFilterSchema.shape[key].safeParse(value);
    if (single.success && single.data !== undefined) out[key] = single.data;
  }
  return partnerFilterSchema.parse(out);
}

export function partnerFilterToSearchParams(filter: PartnerFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of PARTNER_FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === "") continue;
    params.set(key, value === true ? "1" : value);
  }
  return params;
}

export function isPartnerFiltered(filter: PartnerFilter): boolean {
  return PARTNER_FILTER_KEYS.some((key) => filter[key] !== undefined);
}
