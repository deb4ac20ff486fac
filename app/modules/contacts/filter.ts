/**
 * A contact filter: what the list at /contacts shows, what a segment stores, what an export and a
 * bulletin select. Pure (no database): parsed from the URL's search parameters, written back to
 * them, and stored as JSON in Segment.filter.
 */
import { z } from "zod";
import { normalizeCountry, stateFilterValue } from "~/modules/geo";
import { CONSENT_STATUSES, CONTACT_SOURCES, SUBSCRIPTION_STATUSES, normalizeTags } from "./fields";

/** List orders. "created" is newest first; the others are ascending. */
export const CONTACT_SORTS = ["created", "name", "email", "country"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];
export const DEFAULT_SORT: ContactSort = "created";

/** Search terms shorter than this cannot use the trigram index: they match the start of the e-mail. */
export const MIN_CONTAINS_LENGTH = 3;

/** Trimmed, NFC, cut to `max` characters; empty means absent. */
const text = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim().normalize("NFC").slice(0, max).trim() || undefined : v === null ? undefined : v),
    z.string().max(max).optional(),
  );

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values).optional());

export const contactFilterSchema = z.object({
  q: text(200),
  country: text(100),
  state: text(100),
  language: text(20),
  tag: z.preprocess((v) => (typeof v === "string" ? normalizeTags(v)[0] : v === null ? undefined : v), z.string().max(60).optional()),
  source: choice(CONTACT_SOURCES),
  consent: choice(CONSENT_STATUSES),
  subscription: choice(SUBSCRIPTION_STATUSES),
  sort: z.preprocess((v) => (v === "" || v === null || v === undefined ? DEFAULT_SORT : v), z.enum(CONTACT_SORTS)),
});

export type ContactFilter = z.infer<typeof contactFilterSchema>;

/** The filter's keys in the order they appear in URLs and stored JSON. */
export const FILTER_KEYS = ["q", "country", "state", "language", "tag", "source", "consent", "subscription", "sort"] as const satisfies ReadonlyArray<keyof ContactFilter>;

export const EMPTY_FILTER: ContactFilter = { sort: DEFAULT_SORT };

/**
 * Reads a filter from search parameters. An invalid value (an unknown status, a sort that does not
 * exist) is dropped rather than failing the page: a hand-edited URL still lists something.
 */
export function filterFromSearchParams(params: URLSearchParams): ContactFilter {
  const out: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value === null) continue;
    const single = contactFilterSchema.shape[key].safeParse(value);
    if (single.success && single.data !== undefined) out[key] = single.data;
  }
  return codedRegion(contactFilterSchema.parse(out));
}

/**
 * Countries and states are stored as ISO codes, so a filter names them by code: "?country=México"
 * or a segment saved with "Estados Unidos" selects "MX" / "US". A value that names nothing is kept
 * (it still finds a stored value the data migration could not map).
 */
function codedRegion(filter: ContactFilter): ContactFilter {
  if (!filter.country && !filter.state) return filter;
  const country = filter.country ? (normalizeCountry(filter.country) ?? filter.country) : undefined;
  const state = filter.state ? stateFilterValue(filter.state, country) : undefined;
  return { ...filter, country, state };
}

/** The filter as search parameters, without defaults (so an empty filter is an empty query string). */
export function filterToSearchParams(filter: ContactFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value === undefined || value === "") continue;
    if (key === "sort" && value === DEFAULT_SORT) continue;
    params.set(key, value);
  }
  return params;
}

/** The JSON stored in a segment: only the keys that are set, in a fixed order. */
export function filterToJson(filter: ContactFilter): Record<string, string> {
  return Object.fromEntries(filterToSearchParams(filter));
}

/** Reads a stored filter (a segment's JSON); throws on anything that is not a filter. */
export function filterFromJson(value: unknown): ContactFilter {
  if (typeof value === "string") return codedRegion(contactFilterSchema.parse(JSON.parse(value)));
  return codedRegion(contactFilterSchema.parse(value ?? {}));
}

/** True when the filter selects something narrower than "every contact". */
export function isFiltered(filter: ContactFilter): boolean {
  return FILTER_KEYS.some((key) => key !== "sort" && filter[key] !== undefined);
}
