import { describe, expect, it } from "vitest";
import {
  base32Decode,
  base32Encode,
  generateSecret,
  otpauthUri,
  stepAt,
  totpAt,
  verifyTotp,
} from "~/modules/auth/totp";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const RFC_VECTORS: Array<[seconds: number, code: string]> = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("base32 (RFC 4648)", () => {
  it("encodes the RFC 4648 test vectors", () => {
    const cases: Array<[string, string]> = [
      ["", ""],
      ["f", "MY"],
      ["fo", "MZXQ"],
      ["foo", "MZXW6"],
      ["foob", "MZXW6YQ"],
      ["fooba", "MZXW6YTB"],
      ["foobar", "MZXW6YTBOI"],
    ];
    for (const [plain, encoded] of cases) {
      expect(base32Encode(Buffer.from(plain))).toBe(encoded);
      expect(base32Decode(encoded).toString()).toBe(plain);
    }
  });

  it("encodes the RFC 6238 seed as authenticator apps expect", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  it("decodes lower case, spaces and padding, and refuses other characters", () => {
    expect(base32Decode("mzxw 6ytb oi======").toString()).toBe("foobar");
    expect(() => base32Decode("MZXW1")).toThrow(/base32/);
  });

  it("round-trips random bytes", () => {
    for (let n = 0; n < 50; n++) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });
});

describe("totpAt (RFC 6238 SHA-1 vectors)", () => {
  it.each(RFC_VECTORS)("at T=%i s gives %s with 8 digits", (seconds, code) => {
    expect(totpAt(RFC_SECRET, seconds * 1000, 8)).toBe(code);
    expect(totpAt(RFC_SECRET, new Date(seconds * 1000), 8)).toBe(code);
  });

  it("gives the last 6 digits by default", () => {
    for (const [seconds, code] of RFC_VECTORS) {
      expect(totpAt(RFC_SECRET, seconds * 1000)).toBe(code.slice(-6));
    }
  });

  it("uses 30-second steps", () => {
    expect(stepAt(59_000)).toBe(1);
    expect(stepAt(60_000)).toBe(2);
    expect(totpAt(RFC_SECRET, 30_000)).toBe(totpAt(RFC_SECRET, 59_999));
    expect(totpAt(RFC_SECRET, 59_999)).not.toBe(totpAt(RFC_SECRET, 60_000));
  });
});

describe("verifyTotp", () => {
  const now = 1111111111 * 1000;
  const step = stepAt(now);

  it("accepts the current code and returns its step", () => {
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now), now, null)).toBe(step);
  });

  it("accepts one step either side, not two", () => {
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 30_000), now, null)).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now + 30_000), now, null)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 60_000), now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now + 60_000), now, null)).toBeNull();
  });

  it("refuses a code whose step was already used, or an older one", () => {
    const code = totpAt(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, code, now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now - 30_000), now, step)).toBeNull();
    expect(verifyTotp(RFC_SECRET, totpAt(RFC_SECRET, now + 30_000), now, step)).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, code, now, step - 1)).toBe(step);
  });

  it("accepts spaces and hyphens but refuses wrong codes and other formats", () => {
    const code = totpAt(RFC_SECRET, now);
    expect(verifyTotp(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
    expect(verifyTotp(RFC_SECRET, `${code.slice(0, 3)}-${code.slice(3)}`, now, null)).toBe(step);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    expect(verifyTotp(RFC_SECRET, wrong, now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, code.slice(0, 5), now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, `${code}0`, now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "abcdef", now, null)).toBeNull();
    expect(verifyTotp(RFC_SECRET, "", now, null)).toBeNull();
  });

  it("supports 8 digits", () => {
    expect(verifyTotp(RFC_SECRET, "14050471", 1111111111 * 1000, null, { digits: 8 })).toBe(step);
    expect(verifyTotp(RFC_SECRET, "14050471", 1111111111 * 1000, null)).toBeNull();
  });

  it("does not accept a code made with another secret", () => {
    const other = generateSecret();
    expect(verifyTotp(other, totpAt(RFC_SECRET, now), now, null)).toBeNull();
  });

  it("returns null for a malformed secret instead of throwing", () => {
    expect(verifyTotp("not base32!", "123456", now, null)).toBeNull();
  });
});

describe("generateSecret", () => {
  it("makes 160-bit base32 secrets that differ", () => {
    const a = generateSecret();
    const b = generateSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).not.toBe(b);
  });
});

describe("otpauthUri", () => {
  it("builds a key URI with issuer, account and parameters", () => {
    const uri = otpauthUri("Alcance", "ana.lopez+vmre@ine.test", RFC_SECRET);
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(uri.startsWith("otpauth://totp/Alcance:ana.lopez%2Bvmre%40ine.test?")).toBe(true);
    expect(url.searchParams.get("secret")).toBe(RFC_SECRET);
    expect(url.searchParams.get("issuer")).toBe("Alcance");
    expect(url.searchParams.get("algorithm")).toBe("SHA1");
    expect(url.searchParams.get("digits")).toBe("6");
    expect(url.searchParams.get("period")).toBe("30");
  });
});
