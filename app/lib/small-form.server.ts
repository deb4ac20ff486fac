/**
 * A public form's body read with a hard cap: only application/x-www-form-urlencoded (415 otherwise),
 * never more than `max` bytes buffered (413), so an anonymous post cannot exhaust the server's
 * memory. The kiosk (/k/:slug) reads its sign-ups with it.
 */
export async function readSmallForm(request: Request, max: number): Promise<Record<string, string>> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw new Response("Unsupported Media Type", { status: 415 });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) throw new Response("Payload Too Large", { status: 413, headers: { Connection: "close" } });
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // Stop reading (the rest is discarded unbuffered by the server): the answer still arrives.
      if (size > max) throw new Response("Payload Too Large", { status: 413, headers: { Connection: "close" } });
      chunks.push(value);
    }
  }
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}
