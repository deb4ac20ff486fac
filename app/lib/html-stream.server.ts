/**
 * HTML rendered by React 18's streaming renderer, with its NUL bytes taken out.
 *
 * React 18.3 encodes its output into 2048-byte buffers. When a multi-byte UTF-8 character (ó, ñ,
 * —) does not fit in the rest of a buffer, it sends the whole buffer anyway: the 1–3 bytes it did
 * not write (zeros, the buffer is new) go out, and the character opens the next buffer
 * (facebook/react#24985, fixed in React 19 by #26228). So the zeros are inserted, nothing is lost
 * or replaced: removing them gives React's intended bytes exactly. They can only end a chunk of
 * exactly 2048 bytes; a full buffer of real content never ends in U+0000 (PostgreSQL text cannot
 * hold it, and a stray one there is better dropped than shown as U+FFFD).
 */
import { Transform, type Readable, type TransformCallback } from "node:stream";
import type { ReactNode } from "react";
import { renderToPipeableStream } from "react-dom/server";

const REACT_VIEW_SIZE = 2048;
const MAX_PADDING = 3;

/** A pass-through that drops React 18's padding from the end of each full buffer. */
export function withoutViewPadding(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (chunk.length !== REACT_VIEW_SIZE) return callback(null, chunk);
      let end = chunk.length;
      while (end > chunk.length - MAX_PADDING && chunk[end - 1] === 0) end--;
      callback(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}

/**
 * Renders a document as a byte stream, resolved once the shell is ready (or everything, for
 * crawlers), so the page still streams. `onError` hears errors inside Suspense boundaries;
 * `shellReady` tells whether the status code can still change.
 */
export function renderHtml(
  element: ReactNode,
  options: { nonce?: string; waitForAll: boolean; abortDelayMs: number; onError: (error: unknown, shellReady: boolean) => void },
): Promise<Readable> {
  return new Promise((resolve, reject) => {
    let shellReady = false;
    const ready = () => {
      shellReady = true;
      const body = withoutViewPadding();
      resolve(body);
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(element, {
      nonce: options.nonce,
      ...(options.waitForAll ? { onAllReady: ready } : { onShellReady: ready }),
      onShellError: reject,
      onError: (error) => options.onError(error, shellReady),
    });
    setTimeout(abort, options.abortDelayMs).unref();
  });
}
