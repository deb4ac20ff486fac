/**
 * The month's communications figures (decision 025), as plain JSON: what figures.server.ts
 * computes from the records, what an approved report freezes, and what report.ts writes from.
 * Pure: the counting rules (totals per owner area, media shares) live here so they can be worked
 * by hand in unit tests; the database only supplies the rows.
 */

export const OWNER_AREAS = ["VMRE_OFFICE", "CNCS"] as const;
export type OwnerArea = (typeof OWNER_AREAS)[number];
export const NETWORKS = ["FACEBOOK", "TWITTER", "INSTAGRAM", "YOUTUBE", "TIKTOK", "OTHER"] as const;
export type Network = (typeof NETWORKS)[number];
export const MEDIA_MEDIUMS = ["INTERNET", "PRINT", "RADIO", "TV"] as const;
export type MediaMedium = (typeof MEDIA_MEDIUMS)[number];
export const MEDIA_TYPES = ["NOTE", "PRESS_RELEASE", "INTERVIEW", "PAID_INSERTION"] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
export const MEDIA_TONES = ["POSITIVE", "NEUTRAL", "NEGATIVE"] as const;
export type MediaTone = (typeof MEDIA_TONES)[number];

/** The figures one account can carry for a month (null: not given for this network or month). */
export const ACCOUNT_FIGURE_FIELDS = ["posts", "impressions", "reach", "followers", "shares", "likes", "comments", "engagements", "bestPostReach"] as const;
export type AccountFigureField = (typeof ACCOUNT_FIGURE_FIELDS)[number];

/** One account's month. `engagements` (interactions) is read when the column exists (see accounts.server.ts). */
export type AccountMonth = {
  accountId: string;
  network: Network;
  ownerArea: OwnerArea;
  handle: string;
  name: string | null;
  source: "TYPED" | "CSV";
} & AccountFigures;

/** A month's figures of one account, typed or read from a CSV; null where nobody knows the figure. */
export type AccountFigures = {
  posts: number;
  impressions: number | null;
  reach: number | null;
  /** At the month's close. */
  followers: number | null;
  /** Shares, retweets, reposts. */
  shares: number | null;
  likes: number | null;
  comments: number | null;
  engagements: number | null;
  bestPost: string | null;
  bestPostReach: number | null;
};

export type AreaTotals = { accounts: number; posts: number; impressions: number; reach: number; followers: number; shares: number; likes: number; comments: number; engagements: number };

export type AreaFigures = {
  /** The accounts with figures for the month, Facebook first, then Twitter, then the rest; by handle. */
  accounts: AccountMonth[];
  /** Active accounts of the area with no figures for the month yet. */
  missing: Array<{ accountId: string; network: Network; handle: string }>;
  /** Sums over `accounts` (a null figure adds nothing). */
  totals: AreaTotals;
};

export type MicrositeFigures = { visits: number; countries: number; topCountries: string[]; source: "TYPED" | "CSV" };

export type Counts<K extends string> = Record<K, number>;

export type MediaFigures = {
  notes: number;
  byMedium: Counts<MediaMedium>;
  byType: Counts<MediaType>;
  byTone: Counts<MediaTone>;
  /** Each count as a percentage of `notes`, rounded to whole numbers as the source prints them (0 when there are none). */
  shares: { byMedium: Counts<MediaMedium>; byType: Counts<MediaType>; byTone: Counts<MediaTone> };
  /** `log`: counted from the monitoring log; `input`: totals typed on the old monthly form (no notes logged for the month). */
  source: "log" | "input";
};

export type CommunicationsFigures = {
  month: string;
  areas: Record<OwnerArea, AreaFigures>;
  microsite: MicrositeFigures | null;
  media: MediaFigures;
};

const NETWORK_ORDER: Record<Network, number> = { FACEBOOK: 0, TWITTER: 1, INSTAGRAM: 2, YOUTUBE: 3, TIKTOK: 4, OTHER: 5 };

export function sortAccounts<T extends { network: Network; handle: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => NETWORK_ORDER[a.network] - NETWORK_ORDER[b.network] || a.handle.localeCompare(b.handle));
}

export function areaTotals(accounts: AccountMonth[]): AreaTotals {
  const t: AreaTotals = { accounts: accounts.length, posts: 0, impressions: 0, reach: 0, followers: 0, shares: 0, likes: 0, comments: 0, engagements: 0 };
  for (const a of accounts) {
    t.posts += a.posts;
    t.impressions += a.impressions ?? 0;
    t.reach += a.reach ?? 0;
    t.followers += a.followers ?? 0;
    t.shares += a.shares ?? 0;
    t.likes += a.likes ?? 0;
    t.comments += a.comments ?? 0;
    t.engagements += a.engagements ?? 0;
  }
  return t;
}

const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
const shareOf = <K extends string>(counts: Counts<K>, total: number): Counts<K> =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, total ? Math.round(((v as number) / total) * 100) : 0])) as Counts<K>;

/** The media figures from the month's notes (each note once: by medium, by type, by tone). */
export function mediaFromNotes(notes: ReadonlyArray<{ medium: MediaMedium; type: MediaType; tone: MediaTone }>): MediaFigures {
  const byMedium = zero(MEDIA_MEDIUMS);
  const byType = zero(MEDIA_TYPES);
  const byTone = zero(MEDIA_TONES);
  for (const n of notes) {
    byMedium[n.medium] += 1;
    byType[n.type] += 1;
    byTone[n.tone] += 1;
  }
  return withShares({ notes: notes.length, byMedium, byType, byTone, source: "log" });
}

/** Counts already grouped (GROUP BY in SQL) as MediaFigures. */
export function mediaFromCounts(rows: ReadonlyArray<{ medium: MediaMedium; type: MediaType; tone: MediaTone; n: number }>): MediaFigures {
  const byMedium = zero(MEDIA_MEDIUMS);
  const byType = zero(MEDIA_TYPES);
  const byTone = zero(MEDIA_TONES);
  let notes = 0;
  for (const r of rows) {
    byMedium[r.medium] += r.n;
    byType[r.type] += r.n;
    byTone[r.tone] += r.n;
    notes += r.n;
  }
  return withShares({ notes, byMedium, byType, byTone, source: "log" });
}

function withShares(m: Omit<MediaFigures, "shares">): MediaFigures {
  return { ...m, shares: { byMedium: shareOf(m.byMedium, m.notes), byType: shareOf(m.byType, m.notes), byTone: shareOf(m.byTone, m.notes) } };
}

/** The old monthly form's fields (MonthlyInput.data), as far as communications go. */
export type LegacyInput = Partial<
  Record<
    | "facebookPosts"
    | "facebookImpressions"
    | "facebookFollowers"
    | "twitterPosts"
    | "twitterRetweets"
    | "twitterLikes"
    | "twitterComments"
    | "twitterFollowers"
    | "micrositeVisits"
    | "micrositeCountries"
    | "mediaInternet"
    | "mediaPrint"
    | "mediaRadio"
    | "mediaTv"
    | "mediaPositive"
    | "mediaNeutral"
    | "mediaNegative",
    number
  >
>;

/** Media totals typed on the old monthly form (all notes counted as type NOTE). Null when none were typed. */
export function mediaFromInput(i: LegacyInput | null | undefined): MediaFigures | null {
  if (!i || typeof i.mediaInternet !== "number") return null;
  const byMedium = { INTERNET: i.mediaInternet ?? 0, PRINT: i.mediaPrint ?? 0, RADIO: i.mediaRadio ?? 0, TV: i.mediaTv ?? 0 };
  const notes = byMedium.INTERNET + byMedium.PRINT + byMedium.RADIO + byMedium.TV;
  return withShares({ notes, byMedium, byType: { ...zero(MEDIA_TYPES), NOTE: notes }, byTone: { POSITIVE: i.mediaPositive ?? 0, NEUTRAL: i.mediaNeutral ?? 0, NEGATIVE: i.mediaNegative ?? 0 }, source: "input" });
}

export const emptyMedia = (): MediaFigures => mediaFromNotes([]);

/**
 * A report approved before communications were records froze only the typed monthly input: its
 * figures as this shape (the programme's Facebook and Twitter accounts, the microsite, the media
 * totals), so the same builders print what it printed.
 */
export function communicationsFromInput(month: string, i: LegacyInput | null | undefined): CommunicationsFigures {
  const accounts: AccountMonth[] = [];
  const base = { ownerArea: "VMRE_OFFICE" as const, name: null, reach: null, engagements: null, bestPost: null, bestPostReach: null, source: "TYPED" as const };
  if (i && typeof i.facebookPosts === "number")
    accounts.push({ ...base, accountId: "social_vmre_facebook", network: "FACEBOOK", handle: "Facebook", posts: i.facebookPosts, impressions: i.facebookImpressions ?? null, followers: i.facebookFollowers ?? null, shares: null, likes: null, comments: null });
  if (i && typeof i.twitterPosts === "number")
    accounts.push({ ...base, accountId: "social_vmre_twitter", network: "TWITTER", handle: "Twitter", posts: i.twitterPosts, impressions: null, followers: i.twitterFollowers ?? null, shares: i.twitterRetweets ?? null, likes: i.twitterLikes ?? null, comments: i.twitterComments ?? null });
  const microsite = i && typeof i.micrositeVisits === "number" ? { visits: i.micrositeVisits, countries: i.micrositeCountries ?? 0, topCountries: [], source: "TYPED" as const } : null;
  return {
    month,
    areas: { VMRE_OFFICE: { accounts, missing: [], totals: areaTotals(accounts) }, CNCS: { accounts: [], missing: [], totals: areaTotals([]) } },
    microsite,
    media: mediaFromInput(i) ?? emptyMedia(),
  };
}
