/**
 * The built server (server/index.ts, NODE_ENV=production) on a free port for a benchmark, and the
 * two ways a bench gets a signed-in cookie: the login form, or a session minted the way the server
 * makes one after the second factor (what tests/support/page-walk.ts does). Run `npm run build` first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";
import { createCookie } from "@remix-run/node";
import type pg from "pg";

export const DEMO_PASSWORD = process.env.SEED_PASSWORD || "alcance-demo-2017";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type BenchServer = { url: string; child: ChildProcess; stop(): void };

/**
 * `env` is laid over process.env (DATABASE_URL, SESSION_SECRET… as the bench needs); `defaults` under
 * it (a caller's own environment wins). The server's stderr is kept for the error when it does not start.
 */
export async function startBuiltServer(opts: { env?: Record<string, string>; defaults?: Record<string, string> } = {}): Promise<BenchServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof": to see where a page's time goes.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "server/index.ts"], {
    env: { ...opts.defaults, ...process.env, ...opts.env, NODE_ENV: "production", PORT: String(port), APP_URL: url },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () => void child.kill("SIGTERM");
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, child, stop };
    } catch {
      // still starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`the server did not answer /healthz in 30 s:\n${stderr}`);
}

export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The login form's cookie; the form is rate-limited per address, so a bench signing in many roles mints instead. */
export async function loginCookie(base: string, email: string, password = DEMO_PASSWORD, redirectTo = "/"): Promise<string> {
  const response = await fetch(new URL("/login", base), {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo }),
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: new URL(base).origin },
  });
  const cookie = cookiesOf(response);
  if (!cookie || response.status >= 400) throw new Error(`login as ${email} failed (${response.status}); is the demo data loaded?`);
  return cookie;
}

/**
 * A signed-in cookie without the login form: a "Session" row (the token's SHA-256, second factor
 * passed) and the cookie signed with the server's SESSION_SECRET, as app/modules/auth/session.server.ts
 * makes them. The row is the bench's to delete (by sessionId); it expires in a day anyway.
 */
export async function mintSession(client: pg.Client, email: string, sessionSecret: string): Promise<{ cookie: string; sessionId: string }> {
  const token = randomBytes(32).toString("base64url");
  const sessionId = createHash("sha256").update(token).digest("hex");
  const { rowCount } = await client.query(
    `INSERT INTO "Session" ("id", "userId", "mfaPending", "createdAt", "lastSeenAt", "expiresAt")
     SELECT $1, "id", false, now(), now(), now() + interval '1 day' FROM "User" WHERE "email" = $2`,
    [sessionId, email],
  );
  if (rowCount !== 1) throw new Error(`no user ${email}; was the database made by seed:scale?`);
  const cookie = createCookie("alcance_session", { httpOnly: true, sameSite: "lax", path: "/", secrets: [sessionSecret] });
  return { cookie: (await cookie.serialize(token)).split(";")[0]!, sessionId };
}
