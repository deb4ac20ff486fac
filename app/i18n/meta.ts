import type { MetaFunction } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, makeT, provideMessages, type MessageKey, type TParams } from "./index";

type Matches = Parameters<MetaFunction>[0]["matches"];

/** "Contactos — Alcance" in the reader's language (the root loader's), for a meta() that computes more. */
export function titleText(matches: Matches, key: MessageKey, params?: TParams): string {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown; messages?: Record<string, string> } | undefined;
  const locale = isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE;
  provideMessages(locale, root?.messages);
  return `${makeT(locale)(key, params)} — Alcance`;
}

/** The one page-title helper: `export const meta = pageTitle("contacts.title")`. */
export function pageTitle(key: MessageKey, params?: TParams): MetaFunction {
  return ({ matches }) => [{ title: titleText(matches, key, params) }];
}
