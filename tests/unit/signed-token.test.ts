import { beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../app/lib/env.server.ts";
import { signToken, verifyToken } from "../../app/lib/crypto.server.ts";

beforeAll(() => {
  parseEnv({ ...process.env, APP_KEY: process.env.APP_KEY ?? "unit-test-app-key-unit-test-app-key", SESSION_SECRET: process.env.SESSION_SECRET ?? "unit-test-session-secret-0123456789" });
});

describe("signed tokens", () => {
  const inAYear = new Date(Date.now() + 366 * 86_400_000);

  it("gives back the id it signed, for the same purpose only", () => {
    const token = signToken("unsubscribe", 12345, inAYear);
    expect(verifyToken("unsubscribe", token)).toBe("12345");
    expect(verifyToken("double-opt-in", token)).toBeNull();
  });

  it("carries no readable personal data and refuses any change", () => {
    const token = signToken("unsubscribe", "c1", inAYear);
    expect(token).not.toContain("@");
    const [id, expiry, mac] = token.split(".") as [string, string, string];
    expect(verifyToken("unsubscribe", `${Buffer.from("c2").toString("base64url")}.${expiry}.${mac}`)).toBeNull();
    expect(verifyToken("unsubscribe", `${id}.${(parseInt(expiry, 36) + 1).toString(36)}.${mac}`)).toBeNull();
    const flipped = (mac[0] === "A" ? "B" : "A") + mac.slice(1);
    expect(verifyToken("unsubscribe", `${id}.${expiry}.${flipped}`)).toBeNull();
    expect(verifyToken("unsubscribe", "garbage")).toBeNull();
  });

  it("expires", () => {
    const token = signToken("double-opt-in", 7, new Date(Date.now() + 1000));
    expect(verifyToken("double-opt-in", token, new Date(Date.now() + 5000))).toBeNull();
  });
});
