import { describe, expect, it } from "vitest";
import { LOCALES, localeFromAcceptLanguage, translate } from "~/i18n";
import { CATALOGS } from "~/i18n/catalog.server";
import { NAV_AREAS, ROLES } from "~/modules/auth/permissions";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it("has the same namespaces in every language", () => {
    expect(Object.keys(CATALOGS.en).sort()).toEqual(Object.keys(CATALOGS.es).sort());
  });

  for (const namespace of Object.keys(CATALOGS.es)) {
    it(`has the same keys in Spanish and English in ${namespace}`, () => {
      const es = Object.keys(CATALOGS.es[namespace]!).sort();
      const en = Object.keys(CATALOGS.en[namespace] ?? {}).sort();
      expect(en.filter((k) => !es.includes(k)), "keys only in English").toEqual([]);
      expect(es.filter((k) => !en.includes(k)), "keys only in Spanish").toEqual([]);
    });

    it(`uses the same placeholders in both languages in ${namespace}`, () => {
      for (const [key, value] of Object.entries(CATALOGS.es[namespace]!)) {
        expect(placeholders(CATALOGS.en[namespace]?.[key] ?? ""), key).toEqual(placeholders(value));
      }
    });
  }

  it("never defines a key twice across namespaces", () => {
    for (const locale of LOCALES) {
      const seen = new Map<string, string>();
      for (const [namespace, messages] of Object.entries(CATALOGS[locale])) {
        for (const key of Object.keys(messages)) {
          expect(seen.get(key), `${locale}: ${key} in ${namespace} and ${seen.get(key)}`).toBeUndefined();
          seen.set(key, namespace);
        }
      }
    }
  });

  it("translates every navigation label and role name", () => {
    const all = (locale: "es" | "en") => Object.assign({}, ...Object.values(CATALOGS[locale])) as Record<string, string>;
    for (const locale of LOCALES) {
      for (const area of NAV_AREAS) {
        expect(all(locale)[area.label], `${locale}: ${area.label}`).toBeTruthy();
        expect(all(locale)[`${area.label}.description`], `${locale}: ${area.label}.description`).toBeTruthy();
      }
      for (const role of ROLES) expect(all(locale)[`roles.${role}`]).toBeTruthy();
    }
  });

  it("interpolates values and picks plural forms with number formatting", () => {
    expect(translate("es", "home.greeting", { name: "Ana" })).toBe("Hola, Ana");
    expect(translate("es", "common.total", { count: 1 })).toBe("1 resultado");
    expect(translate("es", "common.total", { count: 22000 })).toBe("22,000 resultados");
    expect(translate("en", "common.total", { count: 2 })).toBe("2 results");
  });

  it("picks the language from Accept-Language, Spanish by default", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("fr-FR,es;q=0.5,en;q=0.4")).toBe("es");
    expect(localeFromAcceptLanguage("de-DE")).toBe("es");
    expect(localeFromAcceptLanguage(null)).toBe("es");
  });
});
