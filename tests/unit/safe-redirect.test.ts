import { describe, expect, it } from "vitest";
import { safeRedirectTo } from "~/modules/auth/session.server";

// Each of these is, once a browser has read it, either another site or not a header value at all.
const HOSTILE = [
  "/\t/evil.example",
  "/\t\\evil.example",
  "/\r/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  "/\\evil.example",
  "/\\\\evil.example",
  "\\/evil.example",
  "//evil.example",
  "///evil.example",
  "https://evil.example",
  "https:evil.example",
  "http:/evil.example",
  "javascript:alert(1)",
  "/\u0000/evil.example",
  "/events\u0000",
  "evil.example",
  "",
  " //evil.example",
];

describe("safeRedirectTo", () => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))("refuses %s", (_label, value) => {
    expect(safeRedirectTo(value)).toBe("/");
  });

  it("refuses anything that is not text", () => {
    expect(safeRedirectTo(null)).toBe("/");
    expect(safeRedirectTo(undefined)).toBe("/");
    expect(safeRedirectTo(new File(["/events"], "x.txt"))).toBe("/");
  });

  it("keeps an encoded slash as part of a path on this app", () => {
    const target = safeRedirectTo("/%2f%2fevil.example");
    expect(target).toBe("/%2f%2fevil.example");
    expect(new URL(target, "https://alcance.example").origin).toBe("https://alcance.example");
    expect(safeRedirectTo("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("keeps paths on this app with their query and fragment", () => {
    expect(safeRedirectTo("/events")).toBe("/events");
    expect(safeRedirectTo("/contacts?q=ana&page=2#list")).toBe("/contacts?q=ana&page=2#list");
    expect(safeRedirectTo("/partners/../events")).toBe("/events");
  });

  it("uses the given fallback", () => {
    expect(safeRedirectTo("//evil.example", "/login")).toBe("/login");
  });
});
