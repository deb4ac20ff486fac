/**
 * The request id of what the process is doing now: an HTTP request (server/index.ts) or a job
 * (jobs/worker.ts). Jobs queued while it runs carry it in their data (`requestId`), so one id
 * follows a click through the web log and into the worker's (decision 035).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";

type RequestContext = { requestId: string };

// One store per process, shared through globalThis: server/index.ts loads this file from source
// while the built Remix bundle carries its own copy of it, and two stores would not see each
// other's request id (the jobs a route queued went out without one).
const STORE_KEY = Symbol.for("alcance.requestContext");
const shared = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (shared[STORE_KEY] ??= new AsyncLocalStorage<RequestContext>());

/** A caller's id is kept when it looks like one (a proxy's X-Request-Id); otherwise a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[A-Za-z0-9._-]{8,64}$/.test(header) ? header : crypto.randomUUID();
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Job data with the current request id added (a job queued outside any request is left as it is). */
export function withRequestId<T extends object>(data: T): T & { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { ...data, requestId } : data;
}
