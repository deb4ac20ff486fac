import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/lib/env.server";

describe("configuration", () => {
  it("starts without any variable outside production, with local defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/alcance");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.PORT).toBe(3000);
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("requires SESSION_SECRET and APP_KEY in production, naming each", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    try {
      parseEnv({ NODE_ENV: "production" });
    } catch (error) {
      expect((error as Error).message).toContain("SESSION_SECRET");
      expect((error as Error).message).toContain("APP_KEY");
    }
    const newest = "n".repeat(32);
    const ok = parseEnv({ NODE_ENV: "production", SESSION_SECRET: `${newest},old`, APP_KEY: "k".repeat(40) });
    expect(ok.sessionSecrets).toEqual([newest, "old"]);
  });

  it("refuses a short newest SESSION_SECRET in production, and keeps a short older one for rotation", () => {
    const appKey = "k".repeat(40);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: `${"n".repeat(31)},${"o".repeat(40)}`, APP_KEY: appKey })).toThrow(/SESSION_SECRET: the newest/);
    expect(parseEnv({ NODE_ENV: "production", SESSION_SECRET: `${"n".repeat(32)},short`, APP_KEY: appKey }).sessionSecrets).toHaveLength(2);
    // Outside production a short secret is fine (the test environment uses one).
    expect(parseEnv({ NODE_ENV: "test", SESSION_SECRET: "short" }).sessionSecrets).toEqual(["short"]);
  });

  it("for the worker and the CLI, allows the development APP_KEY only when NODE_ENV says development or test", () => {
    const strict = { explicitDevelopment: true };
    for (const source of [{}, { APP_KEY: "too-short" }]) {
      try {
        parseEnv(source, strict);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        expect((error as EnvError).oneLine).toMatch(/^Invalid configuration: APP_KEY: must be set \(at least 32 characters\) unless NODE_ENV is development or test/);
        expect((error as EnvError).oneLine).not.toContain("\n");
      }
    }
    expect(parseEnv({ NODE_ENV: "development" }, strict).appKey).toBe(parseEnv({}).appKey);
    expect(parseEnv({ NODE_ENV: "test" }, strict).appKey).toBe(parseEnv({}).appKey);
    expect(parseEnv({ APP_KEY: "k".repeat(32) }, strict).appKey).toBe("k".repeat(32));
    // The web server (npm run dev) keeps its defaults without NODE_ENV.
    expect(parseEnv({}).appKey.length).toBeGreaterThanOrEqual(32);
  });

  it("reads the per-address login failure limit under its new name or its older one", () => {
    expect(parseEnv({ LOGIN_MAX_FAILURES_PER_CLIENT: "3" }).LOGIN_MAX_FAILURES_PER_CLIENT).toBe(3);
    expect(parseEnv({ LOGIN_MAX_PER_ACCOUNT: "4" }).LOGIN_MAX_FAILURES_PER_CLIENT).toBe(4);
    expect(parseEnv({ LOGIN_MAX_FAILURES_PER_CLIENT: "3", LOGIN_MAX_PER_ACCOUNT: "4" }).LOGIN_MAX_FAILURES_PER_CLIENT).toBe(3);
  });

  it("gives one clear line per bad variable", () => {
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "abc", APP_URL: "not a url", REDIS_PREFIX: "a:b" });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/DATABASE_URL: must be a postgresql:\/\/ URL/);
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/APP_URL: must be an absolute URL/);
      expect(message).toMatch(/REDIS_PREFIX:/);
    }
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });
});
