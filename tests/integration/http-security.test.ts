import { spawn } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { db } from "~/lib/db.server";
import { createUser, TEST_PASSWORD } from "../support/factories";
import { TestClient } from "../support/http";
import { freePort } from "../support/net";

describe("cross-origin protection", () => {
  it("refuses a POST whose Origin is another site", async () => {
    const user = await createUser();
    const client = new TestClient();
    const res = await client.post("/login", { email: user.email, password: "x" }, { headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
  });

  it("refuses a POST marked Sec-Fetch-Site: cross-site", async () => {
    const client = new TestClient();
    const res = await client.post("/logout", {}, { headers: { "sec-fetch-site": "cross-site" } });
    expect(res.status).toBe(403);
  });

  it("lets a same-origin POST through", async () => {
    const user = await createUser();
    const client = new TestClient();
    const res = await client.post("/login", { email: user.email, password: "correct-horse-battery-staple" }, { headers: { origin: new URL(inject("baseUrl")).origin, "sec-fetch-site": "same-origin" } });
    expect(res.status).toBe(302);
  });
});

describe("a local APP_URL under another loopback name", () => {
  it("a browser on http://127.0.0.1 logs in when APP_URL says localhost (same machine, same server)", async () => {
    const user = await createUser();
    const base = new URL(inject("baseUrl"));
    const origin = `http://127.0.0.1:${base.port}`;
    const res = await fetch(`${origin}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin, "sec-fetch-site": "same-origin", "x-forwarded-for": "127.9.8.6" },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(302);
  });
});

describe("behind a proxy that rewrites Host", () => {
  it("a same-origin form POST reaching the server under another Host is answered, not a 500", async () => {
    // The browser's Origin is APP_URL's; the request arrives as 127.0.0.1 (Host rewritten, no X-Forwarded-Host).
    const base = new URL(inject("baseUrl"));
    const res = await fetch(`http://127.0.0.1:${base.port}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base.origin, "sec-fetch-site": "same-origin", "x-forwarded-for": "127.9.8.7" },
      body: new URLSearchParams({ email: "nobody-behind-proxy@alcance.test", password: "wrong-password" }),
    });
    expect(res.status).toBe(401);
  });
});

describe("client addresses", () => {
  it("an IPv4 client on the dual-stack socket is recorded as 127.0.0.1, not ::ffff:127.0.0.1", async () => {
    const user = await createUser();
    const base = new URL(inject("baseUrl"));
    // No X-Forwarded-For: the address is the socket's own.
    const res = await fetch(`http://127.0.0.1:${base.port}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(302);
    const sessions = await db.session.findMany({ where: { userId: user.id }, select: { ip: true } });
    expect(sessions.map((s) => s.ip)).toEqual(["127.0.0.1"]);
  });
});

describe("security headers", () => {
  it("sends a CSP with a nonce, nosniff and frame-ancestors 'none'", async () => {
    const res = await new TestClient().get("/login");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(await res.text()).toContain(`nonce="${nonce}"`);
  });
});

describe("/healthz", () => {
  it("answers 200 with PostgreSQL and Redis up", async () => {
    const res = await new TestClient().get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", postgres: "ok", redis: "ok" });
  });

  it("answers 503 when Redis is unreachable", async () => {
    // A port the system hands out now: a random one may be an outgoing connection's.
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      env: { ...process.env, PORT: String(port), REDIS_URL: "redis://127.0.0.1:1", APP_URL: `http://localhost:${port}` },
      stdio: "ignore",
    });
    try {
      let res: Response | undefined;
      for (let i = 0; i < 120 && !res && child.exitCode === null; i++) {
        try {
          res = await fetch(`http://localhost:${port}/healthz`);
        } catch {
          await new Promise((r) => setTimeout(r, 200));
        }
      }
      expect(child.exitCode, "the server exited before answering").toBeNull();
      expect(res?.status).toBe(503);
      // Up or down only: the driver's error (host, port) stays in the server log.
      expect(await res!.json()).toEqual({ status: "degraded", postgres: "ok", redis: "down" });
    } finally {
      child.kill("SIGKILL");
    }
  });
});

