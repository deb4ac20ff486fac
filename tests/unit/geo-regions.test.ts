import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { eventContestStatesMigrationSql, isoRegionsMigrationSql } from "~/modules/geo/migration-sql";
import {
  countryName,
  foldKey,
  impliedSubdivision,
  normalizeCountry,
  normalizeRegion,
  normalizeSubdivision,
  regionLookupTables,
  subdivisionName,
  subdivisionOptions,
  unknownRegionNote,
} from "~/modules/geo/regions";

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
    // The Spanish report names a US state in Spanish where Spanish has its own name.
    expect(subdivisionName("US-NY", "es")).toBe("Nueva York");
    expect(subdivisionName("US-NC", "es-MX")).toBe("Carolina del Norte");
    expect(subdivisionName("US-TX", "es")).toBe("Texas");
    expect(subdivisionName("US-NY", "en")).toBe("New York");
    expect(subdivisionName("MX-CMX", "es")).toBe("Ciudad de México");
    expect(subdivisionName("Bayern")).toBe("Bayern");
  });

  it("lists every state of the three coded countries", () => {
    expect(subdivisionOptions("US").length).toBe(57);
    expect(subdivisionOptions("CA").length).toBe(13);
    expect(subdivisionOptions("MX").length).toBe(32);
  });
});

describe("normalizeRegion: the rule every way in follows", () => {
  it.each([
    ["Estados Unidos", "Texas", "US", "US-TX"],
    ["EE. UU.", "TX", "US", "US-TX"],
    ["USA", "tx", "US", "US-TX"],
    ["United States", "US-TX", "US", "US-TX"],
    ["España", "Andalucía", "ES", "Andalucía"],
    ["Spain", "", "ES", null],
    ["México", "Jalisco", "MX", "MX-JAL"],
    ["", "Texas", "US", "US-TX"],
    ["", "Ontario", "CA", "CA-ON"],
    ["", "BC", null, "BC"],
    ["", "", null, null],
  ])("%s / %s → %s / %s", (country, state, code, stateCode) => {
    expect(normalizeRegion(country, state)).toEqual({ country: code, state: stateCode, unknown: [] });
  });

  it("reports what it cannot code, and never keeps it as a country", () => {
    expect(normalizeRegion("Narnia", "Texas")).toEqual({ country: null, state: "Texas", unknown: [{ field: "country", value: "Narnia" }] });
    expect(normalizeRegion("US", "Cair Paravel")).toEqual({ country: "US", state: null, unknown: [{ field: "state", value: "Cair Paravel" }] });
    expect(unknownRegionNote({ field: "country", value: "Narnia" })).toBe("País sin reconocer: «Narnia»");
  });

  it("implies a country only from a state name unique to one of the three", () => {
    expect(impliedSubdivision("Jalisco")).toBe("MX-JAL");
    expect(impliedSubdivision("BC")).toBeUndefined();
    expect(impliedSubdivision("Bayern")).toBeUndefined();
  });
});

describe("the iso_regions data migration", () => {
  it("is the generator's output (regenerate with npx tsx scripts/geo-regions-sql.ts)", () => {
    const stored = readFileSync(new URL("../../prisma/migrations/20261207100000_iso_regions/migration.sql", import.meta.url), "utf8");
    expect(stored).toBe(isoRegionsMigrationSql());
  });

  it("the event_contest_states migration is the generator's output too (npx tsx scripts/geo-regions-sql.ts --event-contest-states)", () => {
    const stored = readFileSync(new URL("../../prisma/migrations/20261207150000_event_contest_states/migration.sql", import.meta.url), "utf8");
    expect(stored).toBe(eventContestStatesMigrationSql());
  });

  it("holds every spelling the normaliser recognises for the office's countries and states", () => {
    const { countries, subdivisions } = regionLookupTables();
    const keys = new Map(countries);
    for (const spelling of ["Estados Unidos", "EE. UU.", "USA", "United States", "España", "Spain", "México", "Canadá"]) {
      expect(keys.get(foldKey(spelling))).toBe(normalizeCountry(spelling));
    }
    const states = new Map(subdivisions.map(([country, key, code]) => [`${country}|${key}`, code]));
    expect(states.get(`US|${foldKey("Texas")}`)).toBe("US-TX");
    expect(states.get(`MX|${foldKey("Nuevo León")}`)).toBe("MX-NLE");
  });
});
