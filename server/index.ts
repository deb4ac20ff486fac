/**
 * The web server: Express in front of Remix. It sets the security headers, refuses cross-origin
 * writes, limits request bodies per route (server/remix-handler.ts), and passes a CSP nonce to
 * Remix. `--dev` serves through Vite's middleware.
 */
import "dotenv/config";
import crypto from "node:crypto";
import path from "node:path";
import express from "express";
import type { ServerBuild } from "@remix-run/node";
import { parseEnv, EnvError } from "../app/lib/env.server.ts";
import { normaliseIp } from "../app/modules/audit/labels.ts";
import { appOrigins, isCrossOriginWrite, securityHeaders } from "../app/lib/http-security.ts";
import { createLimitedRequestHandler, refuseBody } from "./remix-handler.ts";
import { logger } from "../app/lib/logger.server.ts";
import { requestIdFrom, runWithRequestId } from "../app/lib/request-context.server.ts";
import { metricsEndpoint, observeRequests } from "./observability.ts";

const dev = process.argv.includes("--dev");

let config;
try {
  config = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) {
    logger.fatal(error.message);
    process.exit(1);
  }
  throw error;
}
if (!config.SMTP_URL) {
  logger.warn("SMTP_URL is not set: mail is stored in the development outbox (/admin/outbox), not delivered.");
}

const appOrigin = appOrigins(config.APP_URL);
const https = config.APP_URL.startsWith("https://");

const app = express();
app.disable("x-powered-by");
// Behind a load balancer the client address comes from X-Forwarded-For.
app.set("trust proxy", process.env.TRUST_PROXY ? Number(process.env.TRUST_PROXY) || process.env.TRUST_PROXY : false);

// Every request gets an id (a proxy's X-Request-Id is kept), answered in X-Request-Id, written on
// its log lines and carried into the jobs it queues (decision 035).
app.use((req, res, next) => {
  const requestId = requestIdFrom(req.get("x-request-id"));
  res.setHeader("X-Request-Id", requestId);
  runWithRequestId(requestId, next);
});

app.get("/metrics", metricsEndpoint(config.METRICS_TOKEN));

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  for (const [name, value] of Object.entries(securityHeaders({ nonce, https, dev }))) res.setHeader(name, value);
  // Only the server says who the client is, written as people write it ("::ffff:1.2.3.4" → "1.2.3.4"),
  // so sessions, rate limits and the audit log name one client one way.
  req.headers["x-alcance-client-ip"] = normaliseIp(req.ip ?? req.socket.remoteAddress) ?? "unknown";
  if (isCrossOriginWrite(req.method, req.path, { origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") }, appOrigin)) {
    refuseBody(req, res, 403, "Cross-origin request refused / Solicitud de otro origen rechazada");
    return;
  }
  next();
});

const viteDevServer = dev
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  const clientDir = path.resolve("build/client");
  app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(clientDir, { maxAge: "1h" }));
}

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(path.resolve("build/server/index.js") as string)) as ServerBuild);

app.use(observeRequests(typeof build === "function" ? undefined : build));

app.all(
  "*",
  createLimitedRequestHandler({
    build,
    mode: dev ? "development" : "production",
    uploadMaxBytes: config.UPLOAD_MAX_BYTES,
    getLoadContext: (_req, res) => ({ nonce: res.locals.nonce as string }),
  }),
);

const server = app.listen(config.PORT, () => {
  logger.info(`web server listening on http://localhost:${config.PORT} (${dev ? "development" : "production"})`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
