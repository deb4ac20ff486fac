/**
 * The browser's stand-in for catalog.server.ts (package.json "imports": "#i18n/catalog" under the
 * "browser" condition). It starts empty; root.tsx pours in the messages the root loader sends (one
 * language, the namespaces of the current page: app/i18n/namespaces.ts). Kept across navigations,
 * so going back to an area needs nothing new.
 */
import type { Locale } from "./locales";

type Messages = Record<string, string>;

export const MESSAGES: Record<Locale, Messages> = { es: {}, en: {} };

export const COMPLETE = false;
