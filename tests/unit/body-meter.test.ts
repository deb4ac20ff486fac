import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BodyMeter, type Overflow } from "../../server/body-meter";

function multipartBody(boundary: string, parts: number): Buffer {
  let body = "";
  for (let i = 0; i < parts; i++) body += `--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nvalue ${i} --${boundary.slice(0, 3)}\r\n`;
  return Buffer.from(`${body}--${boundary}--\r\n`);
}

async function meter(chunks: Buffer[], limits: ConstructorParameters<typeof BodyMeter>[0]) {
  const overflows: Overflow[] = [];
  const m = new BodyMeter(limits, (o) => overflows.push(o));
  const out: Buffer[] = [];
  m.on("data", (c: Buffer) => out.push(c));
  await new Promise<void>((resolve) => {
    m.on("end", resolve);
    Readable.from(chunks).pipe(m);
    // An overflow stops the output; the test ends once the input is consumed.
    m.on("finish", () => setImmediate(resolve));
  });
  return { meter: m, overflows, out: Buffer.concat(out) };
}

describe("BodyMeter", () => {
  it("counts the bytes themselves and stops past the limit, once", async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1000, 97));
    const within = await meter(chunks, { maxBytes: 10_000 });
    expect(within.overflows).toEqual([]);
    expect(within.out.length).toBe(10_000);
    const over = await meter(chunks, { maxBytes: 9_999 });
    expect(over.overflows).toEqual(["bytes"]);
    expect(over.out.length).toBe(9_000);
  });

  it("counts a part for every delimiter, wherever the chunks split it", async () => {
    const boundary = "----WebKitFormBoundaryAbC123";
    const body = multipartBody(boundary, 7);
    for (let split = 0; split <= body.length; split++) {
      const { meter: m } = await meter([body.subarray(0, split), body.subarray(split)], { maxBytes: 1e6, boundary, maxParts: 50 });
      expect(m.delimiters, `split at ${split}`).toBe(8);
    }
    const bytewise = await meter([...body].map((b) => Buffer.from([b])), { maxBytes: 1e6, boundary, maxParts: 50 });
    expect(bytewise.meter.delimiters).toBe(8);
  });

  it("refuses a body of more parts than allowed", async () => {
    const boundary = "xyz";
    expect((await meter([multipartBody(boundary, 50)], { maxBytes: 1e6, boundary, maxParts: 50 })).overflows).toEqual([]);
    expect((await meter([multipartBody(boundary, 51)], { maxBytes: 1e6, boundary, maxParts: 50 })).overflows).toEqual(["parts"]);
  });
});
