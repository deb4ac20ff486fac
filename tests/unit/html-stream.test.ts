import { PassThrough, type Readable } from "node:stream";
import { createElement as h, Suspense } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderHtml } from "~/lib/html-stream.server";

const ACCENTED = "Canción de ñandú, información pública — José Ortíz 🗳️ ";

/** A page whose accented text starts `n` bytes further on, in short strings as real pages have. */
function Page({ n }: { n: number }) {
  const pieces = Array.from({ length: Math.ceil(n / 500) }, (_, i) => "x".repeat(Math.min(500, n - i * 500)));
  return h(
    "html",
    null,
    h(
      "body",
      null,
      h("div", null, ...pieces.map((p, i) => h("span", { key: i }, p))),
      h(Suspense, { fallback: null }, ...Array.from({ length: 12 }, (_, i) => h("p", { key: i }, ACCENTED))),
      h("textarea", { name: "notes", defaultValue: ACCENTED.repeat(8), readOnly: true }),
    ),
  );
}

async function bytes(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("streamed HTML has no NUL bytes and exactly React's text", () => {
  it("for accented text at every offset across two 2 KiB buffers", async () => {
    for (let n = 0; n <= 4100; n++) {
      const body = await bytes(await renderHtml(h(Page, { n }), { waitForAll: false, abortDelayMs: 5000, onError: (e) => { throw e; } }));
      expect(body.indexOf(0), `padding ${n}`).toBe(-1);
      // Byte for byte what the non-streaming renderer makes of the same page (which adds no doctype).
      expect(body.toString("utf8"), `padding ${n}`).toBe(`<!DOCTYPE html>${renderToString(h(Page, { n }))}`);
    }
  });

  it("where React 18's own stream, unrepaired, does put NUL bytes", async () => {
    let withNul = 0;
    for (let n = 0; n <= 2100; n++) {
      const raw = new PassThrough();
      const { pipe } = renderToPipeableStream(h(Page, { n }), { onShellReady: () => pipe(raw) });
      if ((await bytes(raw)).includes(0)) withNul++;
    }
    expect(withNul).toBeGreaterThan(0);
  });
});
