/**
 * The resource routes behind the kit's SearchPicker (app/components/ui/search-picker.tsx): one
 * reading of their query (`q`, `after`, `limit`) and one answer shape, so every area's picker
 * behaves the same. The area's module does the search (routes stay thin).
 */
export const OPTIONS_LIMIT = 20;
export const OPTIONS_MAX = 50;

export type OptionItem = { id: string; label: string; detail?: string | null };
export type OptionsPage = { items: OptionItem[]; next: string | null };
export type OptionsQuery = { q: string | null; after: string | null; limit: number };

/** `q` (≤ 200 chars), `after` (a cursor the previous page gave, ≤ 500), `limit` (1–50, default 20). */
export function optionsQuery(request: Request): OptionsQuery {
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 200) || null;
  const after = url.searchParams.get("after")?.slice(0, 500) || null;
  const n = Number.parseInt(url.searchParams.get("limit") ?? "", 10);
  const limit = Number.isFinite(n) ? Math.min(Math.max(n, 1), OPTIONS_MAX) : OPTIONS_LIMIT;
  return { q, after, limit };
}

/** Personal to the session's permissions and fresh: never cached by a browser or proxy. */
export function optionsResponse(page: OptionsPage): Response {
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
}

/** One page from rows fetched with limit + 1: the extra row only says a next page exists. */
export function pageOf<R>(rows: R[], limit: number, item: (row: R) => OptionItem, cursor: (row: R) => string): OptionsPage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(item), next: rows.length > limit && last ? cursor(last) : null };
}
