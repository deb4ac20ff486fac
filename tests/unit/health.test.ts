import { describe, expect, it } from "vitest";
import { checkHealth } from "~/lib/health.server";

describe("checkHealth", () => {
  it("says only ok/down in public and writes the driver's error to the log", async () => {
    const log: string[] = [];
    const secret = "connect ECONNREFUSED 10.1.2.3:6379 (user alcance, password hunter2)";
    const report = await checkHealth(
      { postgres: async () => 1, redis: async () => Promise.reject(new Error(secret)) },
      { log: (line) => log.push(line) },
    );
    expect(report).toEqual({ status: "degraded", postgres: "ok", redis: "down" });
    expect(log.join("\n")).toContain(secret);
  });

  it("counts a dependency that does not answer in time as down", async () => {
    const log: string[] = [];
    const report = await checkHealth({ postgres: () => new Promise(() => {}), redis: async () => "PONG" }, { log: (line) => log.push(line), timeoutMs: 20 });
    expect(report).toEqual({ status: "degraded", postgres: "down", redis: "ok" });
    expect(log.join("\n")).toMatch(/postgres down .*timeout/);
  });

  it("is ok when both answer", async () => {
    expect(await checkHealth({ postgres: async () => 1, redis: async () => "PONG" }, { log: () => {} })).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
  });
});
