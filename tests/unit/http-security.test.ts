import { describe, expect, it } from "vitest";
import { isCrossOriginWrite, isOversizedBody, MAX_FORM_BODY_BYTES, securityHeaders } from "~/lib/http-security";

const APP = "https://alcance.example.org";

describe("isCrossOriginWrite", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossOriginWrite("GET", "/", { origin: "https://evil.example" }, APP)).toBe(false);
  });
  it("refuses a write from another origin", () => {
    expect(isCrossOriginWrite("POST", "/login", { origin: "https://evil.example" }, APP)).toBe(true);
    expect(isCrossOriginWrite("DELETE", "/x", { origin: "http://alcance.example.org" }, APP)).toBe(true);
  });
  it("refuses a write marked cross-site even without Origin", () => {
    expect(isCrossOriginWrite("POST", "/login", { secFetchSite: "cross-site" }, APP)).toBe(true);
  });
  it("refuses an opaque (null) origin", () => {
    expect(isCrossOriginWrite("POST", "/login", { origin: "null" }, APP)).toBe(true);
  });
  it("accepts a same-origin write and a non-browser write", () => {
    expect(isCrossOriginWrite("POST", "/login", { origin: APP, secFetchSite: "same-origin" }, APP)).toBe(false);
    expect(isCrossOriginWrite("POST", "/login", {}, APP)).toBe(false);
  });
  it("exempts only the one-click unsubscribe endpoint", () => {
    expect(isCrossOriginWrite("POST", "/u/abc.def", { origin: "https://mail.example" }, APP)).toBe(false);
    expect(isCrossOriginWrite("POST", "/u/abc/other", { origin: "https://mail.example" }, APP)).toBe(true);
  });
});

describe("securityHeaders", () => {
  it("adds HSTS only over https and always forbids framing and sniffing", () => {
    const plain = securityHeaders({ nonce: "n1", https: false, dev: false });
    const tls = securityHeaders({ nonce: "n1", https: true, dev: false });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(tls["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(plain["X-Content-Type-Options"]).toBe("nosniff");
    expect(plain["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(plain["Content-Security-Policy"]).toContain("'nonce-n1'");
    expect(plain["Content-Security-Policy"]).not.toContain("unsafe-inline' ;");
    expect(plain["Content-Security-Policy"]).toMatch(/script-src 'self' 'nonce-n1'(;|$)/);
  });
});

describe("request body size", () => {
  it("refuses a declared form body over the limit, but not an upload or an undeclared length", () => {
    const over = String(MAX_FORM_BODY_BYTES + 1);
    expect(isOversizedBody("application/x-www-form-urlencoded", over)).toBe(true);
    expect(isOversizedBody("application/json", over)).toBe(true);
    expect(isOversizedBody(undefined, over)).toBe(true);
    expect(isOversizedBody("application/x-www-form-urlencoded", String(MAX_FORM_BODY_BYTES))).toBe(false);
    expect(isOversizedBody("multipart/form-data; boundary=x", over)).toBe(false);
    expect(isOversizedBody("application/x-www-form-urlencoded", undefined)).toBe(false);
  });
});
