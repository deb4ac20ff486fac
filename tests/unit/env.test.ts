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
    const ok = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "new,old", APP_KEY: "k".repeat(40) });
    expect(ok.sessionSecrets).toEqual(["new", "old"]);
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
