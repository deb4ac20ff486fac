/**
 * The text of each page of a PDF Chromium (Skia) printed, line by line, without external tools
 * (CI has no poppler): objects are read in order, Flate streams inflated, each page's fonts mapped
 * to Unicode through their ToUnicode CMaps, and the page's text runs (Tj / TJ of hex glyph strings)
 * decoded; consecutive runs at the same baseline make one line. Enough to read what a page says —
 * the contents' page numbers, a heading, the footer — not a general PDF reader.
 */
import { inflateSync } from "node:zlib";

type PdfObject = { dict: string; stream: Buffer | null };

function readObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString("latin1");
  const out = new Map<number, PdfObject>();
  const head = /(?:^|[\r\n])(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text))) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf("stream", start);
    const endAt = text.indexOf("endobj", start);
    if (endAt < 0) break;
    if (streamAt >= 0 && streamAt < endAt) {
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length\s+(\d+)(?!\s+0\s+R)/.exec(dict)?.[1] ?? NaN);
      let dataAt = streamAt + "stream".length;
      if (text[dataAt] === "\r") dataAt++;
      if (text[dataAt] === "\n") dataAt++;
      const end = Number.isFinite(length) ? dataAt + length : text.indexOf("endstream", dataAt);
      let data = buf.subarray(dataAt, end);
      if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
      out.set(Number(m[1]), { dict, stream: data });
      head.lastIndex = text.indexOf("endobj", end) + 6;
    } else {
      out.set(Number(m[1]), { dict: text.slice(start, endAt), stream: null });
      head.lastIndex = endAt + 6;
    }
  }
  return out;
}

const refOf = (dict: string, key: string) => {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(dict);
  return m ? Number(m[1]) : null;
};

const utf16 = (hex: string) => {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return s;
};

function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(src!, 16), utf16(dst!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const from = parseInt(lo!, 16);
      const to = parseInt(hi!, 16);
      if (dst!.startsWith("[")) {
        const list = [...dst!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => utf16(x[1]!));
        for (let c = from; c <= to; c++) map.set(c, list[c - from] ?? "");
      } else {
        const base = utf16(dst!.slice(1, -1));
        for (let c = from; c <= to; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - from)));
      }
    }
  return map;
}

function pageOrder(objects: Map<number, PdfObject>, text: string): number[] {
  const trailer = text.slice(text.lastIndexOf("trailer"));
  const root = refOf(trailer, "Root");
  const pagesRoot = root !== null ? refOf(objects.get(root)?.dict ?? "", "Pages") : null;
  const out: number[] = [];
  const walk = (num: number) => {
    const dict = objects.get(num)?.dict ?? "";
    if (/\/Type\s*\/Pages\b/.test(dict)) for (const k of (/\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? "").matchAll(/(\d+)\s+0\s+R/g)) walk(Number(k[1]));
    else out.push(num);
  };
  if (pagesRoot !== null) walk(pagesRoot);
  return out;
}

/** Each page's lines of text, in the order the page paints them. */
export function pdfPageLines(bytes: Uint8Array): string[][] {
  const objects = readObjects(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const cmaps = new Map<number, Map<number, string>>();
  const fontMap = (fontNum: number) => {
    if (!cmaps.has(fontNum)) {
      const tu = refOf(objects.get(fontNum)?.dict ?? "", "ToUnicode");
      cmaps.set(fontNum, tu !== null ? toUnicode(objects.get(tu)?.stream?.toString("latin1") ?? "") : new Map());
    }
    return cmaps.get(fontNum)!;
  };
  return pageOrder(objects, text).map((pageNum) => {
    const page = objects.get(pageNum)!.dict;
    let resources = /\/Resources\s*(<<[\s\S]*>>)/.exec(page)?.[1] ?? "";
    const resRef = refOf(page, "Resources");
    if (resRef !== null) resources = objects.get(resRef)?.dict ?? "";
    const fontsBlock = /\/Font\s*<<([^>]*)>>/.exec(resources)?.[1] ?? "";
    const fonts = new Map([...fontsBlock.matchAll(/\/(\S+?)\s+(\d+)\s+0\s+R/g)].map((f) => [f[1]!, Number(f[2])]));
    const contentRefs = [...(/\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/.exec(page)?.[1] ?? "").matchAll(/(\d+)\s+0\s+R/g)].map((c) => Number(c[1]));
    const content = contentRefs.map((c) => objects.get(c)?.stream?.toString("latin1") ?? "").join("\n");
    const lines: string[] = [];
    let current = "";
    let lineY: string | null = null;
    let y: string | null = null;
    let map = new Map<number, string>();
    let newRun = false;
    const decode = (hex: string) => {
      let s = "";
      for (let i = 0; i + 4 <= hex.length; i += 4) s += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? "";
      return s;
    };
    const flush = () => {
      const line = current.replace(/\s+/g, " ").trim();
      if (line) lines.push(line);
      current = "";
    };
    const ops = /\/([^\s/]+)\s+[-\d.]+\s+Tf|[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+[-\d.]+\s+([-\d.]+)\s+Tm|<([0-9A-Fa-f]*)>\s*Tj|\[((?:[^\]]|\n)*?)\]\s*TJ|\b(BT)\b/g;
    for (const op of content.matchAll(ops)) {
      if (op[5] !== undefined) newRun = true;
      else if (op[1] !== undefined) map = fonts.has(op[1]) ? fontMap(fonts.get(op[1])!) : new Map();
      else if (op[2] !== undefined) y = op[2];
      else {
        // A new line when the baseline moves; a space between two text objects on one line.
        if (y !== lineY) {
          flush();
          lineY = y;
        } else if (newRun) current += " ";
        newRun = false;
        current += op[3] !== undefined ? decode(op[3]) : [...op[4]!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((h) => decode(h[1]!)).join("");
      }
    }
    flush();
    return lines;
  });
}
