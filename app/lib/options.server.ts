/**
 * The resource routes behind the kit's SearchPicker (app/components/ui/search-picker.tsx): one
 * reading of their query (`q`, `after`, `limit`) and one answer shape, so every area's picker
 * behaves the same. The area's module does the search (routes stay thin).
 */
import { decodeCursor } from "./paging.server";
export const OPTIONS_LIMIT = 20;
export const OPTIONS_MAX = 50;

export type OptionItem = { id: string; label: string; detail?: string | null };
export type OptionsPage = { items: OptionItem[]; next: string | null };
export type OptionsQuery = { q: string | null; after: string | null; limit: number };

/** A query parameter as text PostgreSQL accepts (no NUL), at most `max` characters; null when empty. */
export function textParam(url: URL, name: string, max: number): string | null {
  return url.searchParams.get(name)?.replaceAll("\u0000", "").trim().slice(0, max) || null;
}

/** `q` (≤ 200 chars), `after` (a cursor the previous page gave, ≤ 500), `limit` (1–50, default 20). */
export function optionsQuery(request: Request): OptionsQuery {
  const url = new URL(request.url);
  const q = textParam(url, "q", 200);
  const after = textParam(url, "after", 500);
  const n = Number.parseInt(url.searchParams.get("limit") ?? "", 10);
  const limit = Number.isFinite(n) ? Math.min(Math.max(n, 1), OPTIONS_MAX) : OPTIONS_LIMIT;
  return { q, after, limit };
}

/** Personal to the session's permissions and fresh: never cached by a browser or proxy. */
export function optionsResponse(page: OptionsPage): Response {
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
}

/** The key values of an `after` cursor (decodeCursor), or null when it is not one this route gave. */
export function optionsCursor(after: string | null, arity: number): string[] | null {
  const values = decodeCursor(after, arity);
  if (!values || !values.every((v) => typeof v === "string" && !v.includes("\u0000"))) return null;
  return values as string[];
}

/** One page from rows fetched with limit + 1: the extra row only says a next page exists. */
export function pageOf<R>(rows: R[], limit: number, item: (row: R) => OptionItem, cursor: (row: R) => string): OptionsPage {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(item), next: rows.length > limit && last ? cursor(last) : null };
}
