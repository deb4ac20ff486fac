/**
 * Remix behind Express, as @remix-run/express does it, except for the request body: Remix reads a
 * BodyMeter piped from the socket, never the socket itself, so each route's limit (bodyPolicy)
 * holds whatever the headers say. Past the limit the answer is 413 at once and the rest of the
 * body is never kept (see refuseBody), so the process does not grow with it.
 */
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import { bodyPolicy } from "../app/lib/http-security.ts";
import { BodyMeter, BodyTooLarge } from "./body-meter.ts";

const MESSAGES = {
  413: "Request too large / Solicitud demasiado grande",
  415: "Unsupported request body for this page / Tipo de contenido no admitido en esta página",
} as const;

/**
 * After a refusal the client is often still sending, and a client busy writing may not read an
 * answer whose connection was reset under it (it reports EPIPE, not 413: a reset discards what the
 * client had not read yet). So, like nginx's lingering close, what still arrives is read and
 * dropped (never kept) up to LINGER_BYTES; past that the socket is paused, not reset, so the
 * client's writes stall and it gets to read the answer; at LINGER_MS the connection is closed.
 */
const LINGER_BYTES = 16 * 1024 * 1024;
const LINGER_MS = 3_000;

/** Stops taking a body nobody will use: what still arrives is dropped for a moment, then the connection closes. */
function dropRest(req: ExpressRequest) {
  req.unpipe();
  if (req.complete) return;
  const socket = req.socket;
  let dropped = 0;
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) req.pause();
  });
  req.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  // The whole body arrived after all: the connection is clean and may serve another request.
  req.once("end", () => clearTimeout(timer));
  socket.once("close", () => clearTimeout(timer));
}

/** Answers a refused body (403, 413, 415) and stops taking it. */
export function refuseBody(req: ExpressRequest, res: ExpressResponse, status: 403 | 413 | 415, message: string = MESSAGES[status as 413 | 415]) {
  dropRest(req);
  if (res.headersSent) res.destroy();
  else res.status(status).type("text/plain").send(message);
}

/**
 * The request's headers for Remix, without Origin: the server has already refused cross-origin
 * writes against APP_URL (server/index.ts), a stricter check than Remix's own Origin-against-Host
 * one, which answers an empty 500 behind a proxy that rewrites Host, and to the one-click
 * unsubscribe POSTs that any origin may send.
 */
function remixHeaders(req: ExpressRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name === "origin") continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value) headers.set(name, value);
  }
  return headers;
}

/**
 * A response body written as the client takes it. Remix's writeReadableStreamToWritable neither
 * waits for 'drain' nor stops when the client leaves, so a streamed export (decision 032) would be
 * read to its end into memory for a slow client and run on after a cancelled download. Here each
 * chunk waits for the last to be taken, and a connection closed before the end cancels the body
 * (the export then stops its query and audits the download as incomplete).
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: ExpressResponse) {
  const reader = body.getReader();
  let gone = false;
  const onClose = () => {
    if (res.writableFinished) return;
    gone = true;
    reader.cancel().catch(() => undefined);
  };
  res.once("close", onClose);
  const flushable = res as ExpressResponse & { flush?: () => void };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (gone) return;
      if (done) {
        res.end();
        return;
      }
      const more = res.write(value);
      // As Remix's writer: a middleware that holds bytes back (compression) is asked to send them.
      flushable.flush?.();
      if (!more) await drainedOrClosed(res);
    }
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  } finally {
    res.off("close", onClose);
  }
}

function drainedOrClosed(res: ExpressResponse): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

async function sendRemixResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeBody(response.body, res);
  else res.end();
}

function remixUrl(req: ExpressRequest): URL {
  // As @remix-run/express: the port from X-Forwarded-Host or Host; req.hostname honours "trust proxy".
  const [, forwardedPort] = req.get("X-Forwarded-Host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? "", 10)).find(Number.isSafeInteger);
  return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
}

export function createLimitedRequestHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string;
  uploadMaxBytes: number;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext;
}): RequestHandler {
  const handleRequest = createRequestHandler(options.build, options.mode);
  return async (req, res, next) => {
    const controller = new AbortController();
    const init: RequestInit & { duplex?: "half" } = { method: req.method, headers: remixHeaders(req), signal: controller.signal };

    if (req.method !== "GET" && req.method !== "HEAD") {
      const policy = bodyPolicy(req.path, req.get("content-type"), { uploadMaxBytes: options.uploadMaxBytes });
      if ("refuse" in policy) return refuseBody(req, res, policy.refuse);
      if (Number(req.get("content-length") ?? 0) > policy.maxBytes) return refuseBody(req, res, 413);
      const meter = new BodyMeter(policy.multipart ? { maxBytes: policy.maxBytes, boundary: policy.boundary, maxParts: policy.maxParts } : policy, (overflow) => {
        req.unpipe(meter);
        // Abort first: Remix then treats the failed read below as an aborted request, not a crash.
        controller.abort();
        meter.destroy(new BodyTooLarge(overflow));
        refuseBody(req, res, 413);
      });
      // Remix may have let go of the stream already; an error must not become an uncaught one.
      meter.on("error", () => {});
      req.on("error", (error) => meter.destroy(error));
      req.on("close", () => {
        if (!req.complete) meter.destroy(new Error("request aborted by the client"));
      });
      req.pipe(meter);
      init.body = createReadableStreamFromReadable(meter);
      init.duplex = "half";
      // An answer given before the body was read (a redirect to /login): the rest of the body is
      // not wanted either; drop it for a moment, then close.
      res.on("finish", () => {
        if (!req.complete && !meter.destroyed) {
          meter.destroy();
          dropRest(req);
        }
      });
    }

    let finished = false;
    res.on("finish", () => (finished = true));
    res.on("close", () => {
      if (!finished) controller.abort();
    });

    try {
      const response = await handleRequest(new Request(remixUrl(req).href, init), options.getLoadContext(req, res));
      if (res.headersSent) {
        // Already answered 413: drop what Remix made of the failed request.
        await response.body?.cancel();
        return;
      }
      await sendRemixResponse(res, response);
    } catch (error) {
      if (res.headersSent) return;
      next(error);
    }
  };
}
