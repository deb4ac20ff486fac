/**
 * Request bodies are counted on the stream, not trusted from headers: a dedicated web server (so
 * the test knows its pid and reads its RSS from /proc) receives bodies generated on the fly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD, uniqueIp } from "../support/factories";
import { freePort } from "../support/net";

const MiB = 1024 * 1024;
let server: ChildProcess;
let base: string;
let origin: string;


function rssBytes(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) * 1024;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://localhost:${port}`;
  origin = base;
  server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, PORT: String(port), APP_URL: base },
    stdio: "ignore",
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Warm up the page renderer, so the memory figures below are about bodies only.
  for (let i = 0; i < 3; i++) await (await fetch(`${base}/login`)).text();
});

afterAll(() => {
  server?.kill("SIGKILL");
});

type Streamed = { status: number; sent: number; body: string };

/**
 * POSTs a body without Content-Length (chunked), pulled from `source` as the socket drains, so
 * even 100 MB is never held by the test. Resolves with the answer and the bytes written by then.
 */
function streamPost(path: string, headers: Record<string, string>, source: Iterable<Buffer | string>): Promise<Streamed> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let stopped = false;
    // The status, once its headers are in: the connection may be reset before the body's end.
    let status = 0;
    let body = "";
    const req = http.request(`${base}${path}`, { method: "POST", headers: { origin, "x-forwarded-for": uniqueIp(), ...headers } }, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        answered = stopped = true;
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    // The server closes the connection after a refusal: writing then fails, which is the point.
    req.on("error", (error) => {
      stopped = true;
      setTimeout(() => {
        if (answered) return;
        if (status) resolve({ status, body, sent });
        else reject(error);
      }, 1000);
    });
    const chunks = source[Symbol.iterator]();
    const pump = () => {
      while (!stopped) {
        const next = chunks.next();
        if (next.done) return void req.end();
        sent += Buffer.byteLength(next.value);
        if (!req.write(next.value)) return void req.once("drain", pump);
      }
    };
    pump();
  });
}

/** `bytes` of filler in 64 KiB chunks. */
function* filler(bytes: number, char = "a"): Generator<Buffer> {
  const chunk = Buffer.alloc(64 * 1024, char);
  for (let left = bytes; left > 0; left -= chunk.length) yield left >= chunk.length ? chunk : chunk.subarray(0, left);
}

async function login(email: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { origin, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": uniqueIp() },
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(302);
  return res.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

describe("request bodies are limited on the stream, whatever the headers say", () => {
  it("answers 413 to a 100 MB chunked login, stops reading it, and does not grow", async () => {
    const before = rssBytes(server.pid!);
    const res = await streamPost("/login", { "content-type": "application/x-www-form-urlencoded" }, (function* () {
      yield "email=a%40b.c&password=";
      yield* filler(100 * MiB);
    })());
    expect(res.status).toBe(413);
    // Only socket buffers' worth went out before the server stopped reading.
    expect(res.sent).toBeLessThan(32 * MiB);
    expect(rssBytes(server.pid!) - before).toBeLessThan(40 * MiB);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("refuses multipart on a page that takes no upload (/forgot-password) at once", async () => {
    const before = rssBytes(server.pid!);
    const boundary = "----alcanceTestBoundary";
    const res = await streamPost("/forgot-password", { "content-type": `multipart/form-data; boundary=${boundary}` }, (function* () {
      yield `--${boundary}\r\nContent-Disposition: form-data; name="email"; filename="big.bin"\r\n\r\n`;
      yield* filler(50 * MiB);
      yield `\r\n--${boundary}--\r\n`;
    })());
    expect(res.status).toBe(415);
    expect(res.sent).toBeLessThan(32 * MiB);
    expect(rssBytes(server.pid!) - before).toBeLessThan(40 * MiB);
  });

  it("caps an upload route's total bytes and its number of parts, and still lets a normal body through", async () => {
    const coordinator = await createUser({ role: "COORDINATOR" });
    const cookie = await login(coordinator.email);
    const boundary = "----alcanceUpload";
    const headers = { "content-type": `multipart/form-data; boundary=${boundary}`, cookie };
    const part = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`;

    // Eight fields of 10 MiB: each under the per-file limit (15 MiB), together far past the
    // route's cap (16 MiB). The server stops reading there: what it accepted is the route's own
    // business (it holds up to the cap in memory by design), the other 64 MiB are never read.
    const big = await streamPost("/events/no-such-event", headers, (function* () {
      for (let i = 0; i < 8; i++) {
        yield part(`f${i}`);
        yield* filler(10 * MiB, "c");
        yield "\r\n";
      }
      yield `--${boundary}--\r\n`;
    })());
    expect(big.status).toBe(413);
    expect(big.sent).toBeLessThan(40 * MiB);

    const many = await streamPost("/events/no-such-event", headers, [Array.from({ length: 60 }, (_, i) => `${part(`f${i}`)}x\r\n`).join("") + `--${boundary}--\r\n`]);
    expect(many.status).toBe(413);

    // A small form sent chunked still reaches the action whole.
    const ok = await streamPost("/login", { "content-type": "application/x-www-form-urlencoded" }, [new URLSearchParams({ email: coordinator.email, password: TEST_PASSWORD }).toString()]);
    expect(ok.status).toBe(302);
  });
});
