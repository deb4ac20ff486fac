export const LOCALES = ["es", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "es";
export const INTL_LOCALE: Record<Locale, string> = { es: "es-MX", en: "en-US" };
