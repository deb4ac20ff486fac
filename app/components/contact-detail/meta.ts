import type { MetaFunction } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, makeT, type TParams } from "~/i18n";

/** A page title in the reader's language (the root loader knows it). */
export function pageTitle(key: string, params?: TParams): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
    const t = makeT(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
    return [{ title: `${t(key, params)} — Alcance` }];
  };
}
