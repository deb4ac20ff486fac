/**
 * Countries and states are stored as ISO codes, whatever way they came in: a country is its ISO 3166-1
 * alpha-2 code ("US"), a state, province or Mexican state is its ISO 3166-2 code ("US-TX", "CA-ON",
 * "MX-JAL"). This is the one normaliser every way in uses (contacts import and CLI, partners import,
 * kiosk, forms); the pages name the codes in the reader's language.
 *
 * Pure and client-safe: no database, no server-only import. Country names come from the runtime's
 * Intl (every ISO country in Spanish and English); subdivisions are listed here for the three
 * countries the office works with (United States, Canada, Mexico). Elsewhere a state stays free text.
 */

/** Case, accents, spaces and punctuation do not matter: "EE. UU." → "eeuu", "Nuevo León" → "nuevoleon". */
export function foldKey(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Codes Intl names that are not countries (regions, reserved and exceptional codes). */
const NOT_COUNTRIES = new Set(["AC", "CP", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "ZZ", "XA", "XB", "XK"]);

let codes: readonly string[] | undefined;

/** Every ISO 3166-1 alpha-2 country code the runtime can name, computed once. */
export function countryCodes(): readonly string[] {
  if (codes) return codes;
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const out: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      try {
        // Withdrawn codes ("UK", "DD", "YU") are aliases of current ones: keep only the current.
        if (names.of(code) && Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`) out.push(code);
      } catch {
        // not a region code
      }
    }
  }
  codes = out;
  return out;
}

/** Spellings people type that Intl does not produce. Keys are folded (see foldKey). */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: "US",
  us: "US",
  eua: "US",
  eeuu: "US",
  eu: "US",
  estadosunidos: "US",
  estadosunidosdeamerica: "US",
  estadosunidosdenorteamerica: "US",
  unitedstates: "US",
  unitedstatesofamerica: "US",
  mexico: "MX",
  mejico: "MX",
  estadosunidosmexicanos: "MX",
  mex: "MX",
  canada: "CA",
  can: "CA",
  uk: "GB",
  reinounido: "GB",
  granbretana: "GB",
  greatbritain: "GB",
  inglaterra: "GB",
  england: "GB",
  escocia: "GB",
  scotland: "GB",
  gales: "GB",
  wales: "GB",
  holanda: "NL",
  holland: "NL",
  paisesbajos: "NL",
  alemania: "DE",
  deutschland: "DE",
  espana: "ES",
  spain: "ES",
  francia: "FR",
  corea: "KR",
  coreadelsur: "KR",
  southkorea: "KR",
  rusia: "RU",
  russia: "RU",
};

let countryByName: Map<string, string> | undefined;

function countryIndex(): Map<string, string> {
  if (countryByName) return countryByName;
  const index = new Map<string, string>();
  for (const locale of ["en", "es", "es-MX", "fr", "de"]) {
    const names = new Intl.DisplayNames([locale], { type: "region" });
    for (const code of countryCodes()) {
      const key = foldKey(names.of(code) ?? "");
      if (key && !index.has(key)) index.set(key, code);
    }
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) index.set(alias, code);
  countryByName = index;
  return index;
}

/**
 * "MX", "mx", "México", "Mexico", "EE. UU.", "Estados Unidos de América", "USA" → the ISO code;
 * null for an empty value; undefined when the value names no country we know.
 */
export function normalizeCountry(value: string | null | undefined): string | null | undefined {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return null;
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && countryCodes().includes(upper)) return upper;
  return countryIndex().get(foldKey(trimmed));
}

type Subdivision = readonly [code: string, name: string, ...aliases: string[]];

// ISO 3166-2 codes and names. Aliases are what people type besides the name and the code's suffix.
const US: readonly Subdivision[] = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"],
  ["CO", "Colorado"], ["CT", "Connecticut"], ["DE", "Delaware"], ["FL", "Florida"], ["GA", "Georgia"],
  ["HI", "Hawaii", "Hawái", "Hawai"], ["ID", "Idaho"], ["IL", "Illinois"], ["IN", "Indiana"], ["IA", "Iowa"],
  ["KS", "Kansas"], ["KY", "Kentucky"], ["LA", "Louisiana", "Luisiana"], ["ME", "Maine"], ["MD", "Maryland"],
  ["MA", "Massachusetts"], ["MI", "Michigan", "Míchigan"], ["MN", "Minnesota"], ["MS", "Mississippi", "Misisipi"],
  ["MO", "Missouri", "Misuri"], ["MT", "Montana"], ["NE", "Nebraska"], ["NV", "Nevada"], ["NH", "New Hampshire", "Nuevo Hampshire"],
  ["NJ", "New Jersey", "Nueva Jersey"], ["NM", "New Mexico", "Nuevo México"], ["NY", "New York", "Nueva York"],
  ["NC", "North Carolina", "Carolina del Norte"], ["ND", "North Dakota", "Dakota del Norte"], ["OH", "Ohio"],
  ["OK", "Oklahoma"], ["OR", "Oregon", "Oregón"], ["PA", "Pennsylvania", "Pensilvania"], ["RI", "Rhode Island"],
  ["SC", "South Carolina", "Carolina del Sur"], ["SD", "South Dakota", "Dakota del Sur"], ["TN", "Tennessee", "Tenesí"],
  ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"], ["VA", "Virginia"], ["WA", "Washington"],
  ["WV", "West Virginia", "Virginia Occidental"], ["WI", "Wisconsin"], ["WY", "Wyoming"],
  ["DC", "District of Columbia", "Washington DC", "Washington D.C.", "Distrito de Columbia"],
  ["PR", "Puerto Rico"], ["GU", "Guam"], ["VI", "U.S. Virgin Islands", "Islas Vírgenes"], ["AS", "American Samoa", "Samoa Americana"],
  ["MP", "Northern Mariana Islands", "Islas Marianas del Norte"], ["UM", "U.S. Minor Outlying Islands"],
];

const CA: readonly Subdivision[] = [
  ["AB", "Alberta"], ["BC", "British Columbia", "Columbia Británica"], ["MB", "Manitoba"],
  ["NB", "New Brunswick", "Nuevo Brunswick", "Nouveau-Brunswick"], ["NL", "Newfoundland and Labrador", "Terranova y Labrador", "Newfoundland"],
  ["NS", "Nova Scotia", "Nueva Escocia", "Nouvelle-Écosse"], ["ON", "Ontario"], ["PE", "Prince Edward Island", "Isla del Príncipe Eduardo", "Île-du-Prince-Édouard"],
  ["QC", "Quebec", "Québec"], ["SK", "Saskatchewan"], ["NT", "Northwest Territories", "Territorios del Noroeste"],
  ["NU", "Nunavut"], ["YT", "Yukon"],
];

const MX: readonly Subdivision[] = [
  ["AGU", "Aguascalientes", "Ags"], ["BCN", "Baja California", "BC"], ["BCS", "Baja California Sur"],
  ["CAM", "Campeche"], ["CHP", "Chiapas", "Chis"], ["CHH", "Chihuahua", "Chih"], ["CMX", "Ciudad de México", "CDMX", "Distrito Federal", "DF", "Mexico City"],
  ["COA", "Coahuila", "Coahuila de Zaragoza", "Coah"], ["COL", "Colima"], ["DUR", "Durango", "Dgo"],
  ["GUA", "Guanajuato", "Gto"], ["GRO", "Guerrero", "Gro"], ["HID", "Hidalgo", "Hgo"], ["JAL", "Jalisco", "Jal"],
  ["MEX", "Estado de México", "México", "Edomex", "Mexico State", "State of Mexico"], ["MIC", "Michoacán", "Michoacán de Ocampo", "Mich"],
  ["MOR", "Morelos"], ["NAY", "Nayarit"], ["NLE", "Nuevo León", "NL"], ["OAX", "Oaxaca"], ["PUE", "Puebla"],
  ["QUE", "Querétaro", "Querétaro de Arteaga", "Qro"], ["ROO", "Quintana Roo", "QRoo"], ["SLP", "San Luis Potosí"],
  ["SIN", "Sinaloa"], ["SON", "Sonora"], ["TAB", "Tabasco"], ["TAM", "Tamaulipas", "Tamps"], ["TLA", "Tlaxcala"],
  ["VER", "Veracruz", "Veracruz de Ignacio de la Llave"], ["YUC", "Yucatán"], ["ZAC", "Zacatecas"],
];

const SUBDIVISIONS: Record<string, readonly Subdivision[]> = { US, CA, MX };

/** Countries whose states are stored as ISO 3166-2 codes. */
export const COUNTRIES_WITH_SUBDIVISIONS = Object.keys(SUBDIVISIONS) as readonly string[];

let subdivisionIndex: Map<string, Map<string, string>> | undefined;

function subdivisions(): Map<string, Map<string, string>> {
  if (subdivisionIndex) return subdivisionIndex;
  const index = new Map<string, Map<string, string>>();
  for (const [country, list] of Object.entries(SUBDIVISIONS)) {
    const byKey = new Map<string, string>();
    for (const [suffix, name, ...aliases] of list) {
      const code = `${country}-${suffix}`;
      for (const spelling of [suffix, code, name, ...aliases]) byKey.set(foldKey(spelling), code);
    }
    index.set(country, byKey);
  }
  subdivisionIndex = index;
  return index;
}

/**
 * "Texas", "TX", "tx", "US-TX" with country "US" → "US-TX". Without a country (or with an unknown
 * one) a full code ("US-TX") is still recognised. null for an empty value; undefined when the
 * country has listed subdivisions and the value names none of them. In other countries a state is
 * not coded: the trimmed text is returned as it was typed.
 */
export function normalizeSubdivision(value: string | null | undefined, country: string | null | undefined): string | null | undefined {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return null;
  const key = foldKey(trimmed);
  const full = /^([A-Za-z]{2})-([A-Za-z0-9]{1,3})$/.exec(trimmed);
  if (!country || !SUBDIVISIONS[country]) {
    if (full) {
      const byKey = subdivisions().get(full[1]!.toUpperCase());
      const code = byKey?.get(key);
      if (code) return code;
    }
    return country ? trimmed : undefined;
  }
  return subdivisions().get(country)!.get(key);
}

/** The country a subdivision code belongs to: "US-TX" → "US". */
export function countryOfSubdivision(code: string): string | null {
  const match = /^([A-Z]{2})-/.exec(code);
  return match && SUBDIVISIONS[match[1]!] ? match[1]! : null;
}

const names = new Map<string, string>();

/** The country's name in the reader's language ("US" → "Estados Unidos"); an unknown value as it is. */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return "";
  const cacheKey = `${locale}|${code}`;
  let name = names.get(cacheKey);
  if (name === undefined) {
    try {
      name = /^[A-Z]{2}$/.test(code) ? (new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code) : code;
    } catch {
      name = code;
    }
    names.set(cacheKey, name);
  }
  return name;
}

/** A subdivision's name ("US-TX" → "Texas", "MX-CMX" → "Ciudad de México"); free text as it is. */
export function subdivisionName(code: string | null | undefined, locale?: string): string {
  if (!code) return "";
  const match = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code);
  const entry = match ? SUBDIVISIONS[match[1]!]?.find(([suffix]) => suffix === match[2]) : undefined;
  if (!entry) return code;
  // A US state's first alias is its Spanish name where Spanish has its own (Nueva York, Carolina del Norte).
  if (locale?.startsWith("es") && match![1] === "US" && entry[2]) return entry[2];
  return entry[1];
}

/** Every subdivision of a country as [code, name], in the list's order (for select boxes). */
export function subdivisionOptions(country: string): Array<[code: string, name: string]> {
  return (SUBDIVISIONS[country] ?? []).map(([suffix, name]) => [`${country}-${suffix}`, name]);
}

/**
 * A state typed without a country: its ISO 3166-2 code when the spelling names a subdivision of
 * exactly one of the coded countries ("Texas" → "US-TX", "Jalisco" → "MX-JAL"); undefined when it
 * names none or is ambiguous ("BC" is British Columbia and Baja California).
 */
export function impliedSubdivision(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return undefined;
  const key = foldKey(trimmed);
  const found = new Set<string>();
  for (const byKey of subdivisions().values()) {
    const code = byKey.get(key);
    if (code) found.add(code);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

export type RegionField = "country" | "state";
export type UnknownRegion = { field: RegionField; value: string };
export type Region = { country: string | null; state: string | null; unknown: UnknownRegion[] };

/**
 * A country and a state as typed → as stored, the one rule for every way in:
 * - the country is an ISO code, or null; a value naming no country is reported in `unknown`;
 * - in the United States, Canada and Mexico the state is an ISO 3166-2 code relative to that
 *   country, or null with the value reported in `unknown`; elsewhere it stays the typed text;
 * - a state given without a country implies the country when it names a subdivision of exactly
 *   one of the three (a country that was typed but is unknown implies nothing: the state is then
 *   kept as text, since we cannot tell where it is).
 */
export function normalizeRegion(countryValue: string | null | undefined, stateValue: string | null | undefined): Region {
  const unknown: UnknownRegion[] = [];
  const countryText = countryValue?.trim() ?? "";
  const stateText = stateValue?.trim() ?? "";
  let country = normalizeCountry(countryText);
  if (country === undefined) {
    unknown.push({ field: "country", value: countryText });
    country = null;
  }
  if (stateText === "") return { country, state: null, unknown };
  if (country === null) {
    const implied = countryText === "" ? impliedSubdivision(stateText) : undefined;
    if (implied) return { country: countryOfSubdivision(implied), state: implied, unknown };
    return { country, state: stateText, unknown };
  }
  const state = normalizeSubdivision(stateText, country);
  if (state === undefined) {
    unknown.push({ field: "state", value: stateText });
    return { country, state: null, unknown };
  }
  return { country, state, unknown };
}

/**
 * The line kept in a contact's notes for a value that could not be coded, so nothing typed is
 * lost. Stored data, in the office's language (Spanish), like the other notes the system writes.
 */
export function unknownRegionNote({ field, value }: UnknownRegion): string {
  return `${field === "country" ? "País sin reconocer" : "Estado sin reconocer"}: «${value}»`;
}

/** Every spelling the normaliser recognises, folded, for the data migration's lookup tables. */
export function regionLookupTables(): { countries: Array<[key: string, code: string]>; subdivisions: Array<[country: string, key: string, code: string]> } {
  const countries = [...countryIndex().entries()];
  for (const code of countryCodes()) countries.push([foldKey(code), code]);
  const subs: Array<[string, string, string]> = [];
  for (const [country, byKey] of subdivisions()) for (const [key, code] of byKey) subs.push([country, key, code]);
  const unique = new Map(countries.map(([key, code]) => [key, code]));
  return { countries: [...unique.entries()].sort(), subdivisions: subs.sort() };
}

/**
 * Every country as [code, name] for a select: the office's three first, then by name. Computed on
 * the server and sent with the page, so the browser's own country names (another ICU) cannot make
 * the hydrated page differ from the one served.
 */
export function countryChoices(locale: string): Array<{ code: string; name: string }> {
  const all = countryCodes().map((code) => ({ code, name: countryName(code, locale) }));
  const first = ["MX", "US", "CA"].map((code) => all.find((c) => c.code === code)!);
  const rest = all.filter((c) => !first.includes(c)).sort((a, b) => a.name.localeCompare(b.name, locale));
  return [...first, ...rest];
}

/**
 * A state as a filter value: its code when the normaliser knows it (relative to the filter's
 * country, or alone when unique: "texas" → "US-TX"), else the text as typed, which still finds a
 * free-text state stored elsewhere.
 */
export function stateFilterValue(state: string, country: string | null | undefined): string {
  return normalizeSubdivision(state, country) ?? (country ? undefined : impliedSubdivision(state)) ?? state;
}
