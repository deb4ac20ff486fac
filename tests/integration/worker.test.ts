import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

function startWorker(extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "jobs/worker.ts"], {
    env: { ...process.env, ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const waitFor = async (pattern: RegExp, timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(log)) {
      if (Date.now() > deadline) throw new Error(`worker never printed ${pattern}; log:\n${log}`);
      if (child.exitCode !== null) throw new Error(`worker exited (${child.exitCode}); log:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, waitFor, log: () => log };
}

describe("worker process", () => {
  it("starts its processors and stops cleanly on SIGTERM", async () => {
    const worker = startWorker();
    await worker.waitFor(/ready: mail, maintenance/);
    const exited = new Promise<number | null>((resolve) => worker.child.once("exit", (code) => resolve(code)));
    worker.child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(worker.log()).toMatch(/SIGTERM: waiting for active jobs to finish/);
    expect(worker.log()).toMatch(/stopped/);
  });

  it("refuses to start with bad configuration and says which variable", async () => {
    const worker = startWorker({ REDIS_URL: "http://not-redis" });
    const code = await new Promise<number | null>((resolve) => worker.child.once("exit", (c) => resolve(c)));
    expect(code).toBe(1);
    expect(worker.log()).toContain("REDIS_URL: must be a redis:// or rediss:// URL");
  });
});
