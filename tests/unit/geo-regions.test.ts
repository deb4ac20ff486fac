import { describe, expect, it } from "vitest";
import { countryName, normalizeCountry, normalizeSubdivision, subdivisionName, subdivisionOptions } from "~/modules/geo/regions";

describe("normalizeCountry", () => {
  it.each([
    ["US", "US"], ["us", "US"], ["USA", "US"], ["EUA", "US"], ["EE. UU.", "US"], ["EE.UU.", "US"], ["E.U.A.", "US"],
    ["Estados Unidos", "US"], ["estados unidos de américa", "US"], ["United States", "US"], ["United States of America", "US"],
    ["México", "MX"], ["Mexico", "MX"], ["MEXICO", "MX"], ["mx", "MX"], ["Canadá", "CA"], ["Canada", "CA"],
    ["España", "ES"], ["Spain", "ES"], ["Alemania", "DE"], ["Germany", "DE"], ["Reino Unido", "GB"], ["UK", "GB"],
    ["Francia", "FR"], ["France", "FR"], [" Guatemala ", "GT"], ["Países Bajos", "NL"],
  ])("%s → %s", (input, code) => {
    expect(normalizeCountry(input)).toBe(code);
  });

  it("empty is null, unknown is undefined", () => {
    expect(normalizeCountry("")).toBeNull();
    expect(normalizeCountry("   ")).toBeNull();
    expect(normalizeCountry(null)).toBeNull();
    expect(normalizeCountry("Narnia")).toBeUndefined();
    expect(normalizeCountry("ZZ")).toBeUndefined();
  });
});

describe("normalizeSubdivision", () => {
  it.each([
    ["Texas", "US", "US-TX"], ["TX", "US", "US-TX"], ["tx", "US", "US-TX"], ["US-TX", "US", "US-TX"],
    ["Nueva York", "US", "US-NY"], ["New York", "US", "US-NY"], ["Carolina del Norte", "US", "US-NC"],
    ["Ontario", "CA", "CA-ON"], ["Québec", "CA", "CA-QC"], ["Columbia Británica", "CA", "CA-BC"],
    ["Jalisco", "MX", "MX-JAL"], ["Nuevo León", "MX", "MX-NLE"], ["CDMX", "MX", "MX-CMX"], ["Ciudad de México", "MX", "MX-CMX"],
    ["Estado de México", "MX", "MX-MEX"], ["Michoacan", "MX", "MX-MIC"],
  ])("%s in %s → %s", (input, country, code) => {
    expect(normalizeSubdivision(input, country)).toBe(code);
  });

  it("a full code is recognised without a country; free text stays outside coded countries", () => {
    expect(normalizeSubdivision("US-CA", null)).toBe("US-CA");
    expect(normalizeSubdivision("Texas", null)).toBeUndefined();
    expect(normalizeSubdivision("Bayern", "DE")).toBe("Bayern");
    expect(normalizeSubdivision("Atlantis", "US")).toBeUndefined();
    expect(normalizeSubdivision("", "US")).toBeNull();
  });
});

describe("names", () => {
  it("names codes in the reader's language", () => {
    expect(countryName("US", "es-MX")).toBe("Estados Unidos");
    expect(countryName("US", "en")).toBe("United States");
    expect(subdivisionName("US-TX")).toBe("Texas");
    expect(subdivisionName("MX-CMX")).toBe("Ciudad de México");
    expect(subdivisionName("Bayern")).toBe("Bayern");
  });

  it("lists every state of the three coded countries", () => {
    expect(subdivisionOptions("US").length).toBe(57);
    expect(subdivisionOptions("CA").length).toBe(13);
    expect(subdivisionOptions("MX").length).toBe(32);
  });
});
