import { describe, expect, it } from "vitest";
import {
  contactFilterSchema,
  EMPTY_FILTER,
  filterFromJson,
  filterFromSearchParams,
  filterToJson,
  filterToSearchParams,
  isFiltered,
} from "~/modules/contacts/filter";

const fromQuery = (query: string) => filterFromSearchParams(new URLSearchParams(query));

describe("contact filter", () => {
  it("reads every field from the URL, trimmed, with the default sort", () => {
    const filter = fromQuery("q=%20Garc%C3%ADa%20&country=US&state=TX&language=es&tag=%20Voluntario%20&source=IMPORT&consent=CONFIRMED&subscription=SUBSCRIBED");
    expect(filter).toEqual({
      q: "García",
      country: "US",
      state: "US-TX", // coded relative to the country (decision 019)
      language: "es",
      tag: "voluntario",
      source: "IMPORT",
      consent: "CONFIRMED",
      subscription: "SUBSCRIBED",
      sort: "created",
    });
    expect(isFiltered(filter)).toBe(true);
  });

  it("treats empty values as absent and an empty query as every contact", () => {
    const filter = fromQuery("q=&country=&state=&tag=&source=&consent=&subscription=&sort=");
    expect(filter).toEqual(EMPTY_FILTER);
    expect(isFiltered(filter)).toBe(false);
    expect(filterToSearchParams(filter).toString()).toBe("");
  });

  it("drops values that are not allowed instead of failing the page", () => {
    const filter = fromQuery("consent=MAYBE&subscription=subscribed&source=X&sort=random&country=US");
    expect(filter).toEqual({ country: "US", sort: "created" });
  });

  it("keeps each sort and leaves the default out of the URL", () => {
    for (const sort of ["name", "email", "country"] as const) {
      expect(fromQuery(`sort=${sort}`).sort).toBe(sort);
      expect(filterToSearchParams({ sort }).get("sort")).toBe(sort);
    }
    expect(filterToSearchParams({ sort: "created" }).has("sort")).toBe(false);
  });

  it("normalises Unicode to NFC so a decomposed accent is the same filter", () => {
    const decomposed = "Pen\u0303a";
    expect(fromQuery(`q=${encodeURIComponent(decomposed)}`).q).toBe("Peña");
  });

  it("round-trips through the URL and through segment JSON", () => {
    const filter = contactFilterSchema.parse({ q: "peña", country: "CA", tag: "prensa", consent: "PENDING", sort: "name" });
    expect(fromQuery(filterToSearchParams(filter).toString())).toEqual(filter);
    const json = filterToJson(filter);
    expect(json).toEqual({ q: "peña", country: "CA", tag: "prensa", consent: "PENDING", sort: "name" });
    expect(filterFromJson(JSON.parse(JSON.stringify(json)))).toEqual(filter);
    expect(filterFromJson(JSON.stringify(json))).toEqual(filter);
    expect(filterFromJson({})).toEqual(EMPTY_FILTER);
  });

  it("refuses a stored filter that is not one (bulletins must never widen a segment)", () => {
    expect(() => filterFromJson({ consent: "NOPE" })).toThrow();
    expect(() => filterFromJson({ sort: "sideways" })).toThrow();
  });

  it("cuts long values", () => {
    expect(fromQuery(`q=${"a".repeat(500)}`).q).toBe("a".repeat(200));
    expect(fromQuery(`country=${"b".repeat(101)}`).country).toHaveLength(100);
  });
});
