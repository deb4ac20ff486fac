/**
 * /metrics and the per-request log line and duration (decision 035).
 *
 * /metrics is off unless METRICS_TOKEN is set (404, as if it did not exist); with it, a request
 * must carry `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise).
 */
import crypto from "node:crypto";
import type { RequestHandler } from "express";
import type { ServerBuild } from "@remix-run/node";
import { logger } from "../app/lib/logger.server.ts";
import { httpDuration, metricsContentType, metricsText } from "../app/lib/metrics.server.ts";
import { routeIdResolver } from "./route-id.ts";

const log = logger.child({ area: "http" });

function sameToken(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export function metricsEndpoint(token: string | undefined): RequestHandler {
  return (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    if (!token) {
      res.status(404).type("text/plain").send("Not found");
      return;
    }
    const [scheme, given] = (req.get("authorization") ?? "").split(" ");
    if (scheme?.toLowerCase() !== "bearer" || !given || !sameToken(given, token)) {
      res.status(401).setHeader("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("Unauthorized");
      return;
    }
    metricsText().then(
      (text) => res.type(metricsContentType).send(text),
      (error: unknown) => {
        log.error({ err: error }, "metrics could not be collected");
        res.status(503).type("text/plain").send("Metrics unavailable");
      },
    );
  };
}

/** Times each request that reaches Remix and writes one log line for it, by route id. */
export function observeRequests(build: ServerBuild | undefined): RequestHandler {
  const routeOf = build ? routeIdResolver(build) : () => "dev";
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeOf(req.path);
      httpDuration.observe({ route, method: req.method, status: String(res.statusCode) }, seconds);
      // The raw URL is never logged: paths and queries may carry tokens and addresses.
      log.info({ requestId: res.getHeader("X-Request-Id"), method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) }, "request");
    });
    next();
  };
}
