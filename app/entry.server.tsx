import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { NonceProvider } from "./components/nonce";
import { renderHtml } from "./lib/html-stream.server";

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.nonce === "string" ? loadContext.nonce : undefined;
  let status = responseStatusCode;
  // Streamed through renderHtml, which removes React 18's NUL bytes (see there).
  const body = await renderHtml(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
    </NonceProvider>,
    {
      nonce,
      waitForAll: isbot(request.headers.get("user-agent") ?? ""),
      abortDelayMs: ABORT_DELAY,
      onError(error, shellReady) {
        status = 500;
        if (shellReady) console.error(error);
      },
    },
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status });
}
