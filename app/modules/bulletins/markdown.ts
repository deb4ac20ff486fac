/**
 * The bulletin body: a safe Markdown subset rendered to MJML (for the HTML part) and to plain
 * text, with merge tags kept as placeholders for the per-recipient merge.
 *
 * Supported: headings (#, ##, ###), paragraphs (a single line break is a <br>), bullet (- or *)
 * and numbered (1.) lists, **bold**, *italic*, links [text](url), images on a line of their own
 * ![alt](url), and a button on a line of its own [[Label]](url). URLs must be http(s) (links may
 * also be mailto:); anything else is dropped. No raw HTML passes through: every character of the
 * source is escaped, so `<script>` in a body shows as text.
 *
 * Merge tags: {{nombre}}, {{pais}}, … with an optional fallback {{nombre | "amiga, amigo"}}. They
 * become {{mN}} (HTML context) or {{uN}} (inside a URL: the value is URL-encoded) placeholders.
 */

export const MERGE_FIELDS = {
  nombre: "givenName",
  apellido: "familyName",
  nombre_completo: "fullName",
  pais: "country",
  estado: "state",
  ciudad: "city",
  correo: "email",
  // English aliases
  name: "givenName",
  first_name: "givenName",
  last_name: "familyName",
  full_name: "fullName",
  country: "country",
  state: "state",
  city: "city",
  email: "email",
} as const;

export type MergeField = (typeof MERGE_FIELDS)[keyof typeof MERGE_FIELDS];
export type MergeTag = { field: MergeField; fallback: string };
export type MergeValues = Partial<Record<MergeField, string | null>>;

// Linear: the braces bound every run (ANY_TAG_RE's content holds none), and TAG_RE only ever
// reads one brace-free {{…}} that ANY_TAG_RE found.
const TAG_RE = /\{\{\s*([a-zA-Z_]+)\s*(?:\|\s*"([^"{}]*)"\s*)?\}\}/g;
const ANY_TAG_RE = /\{\{([^{}]*)\}\}/g;

export type ExtractedTags = { text: string; tags: MergeTag[]; unknown: string[] };

/** Replaces merge tags with {{mN}} placeholders (N indexes `tags`); reports unknown or malformed ones. */
export function extractMergeTags(source: string, tags: MergeTag[] = []): ExtractedTags {
  const unknown: string[] = [];
  // Anything between {{ }} that is not a valid tag is reported (and removed from the output).
  const text = source.replace(ANY_TAG_RE, (whole) => {
    TAG_RE.lastIndex = 0;
    const match = TAG_RE.exec(whole);
    if (!match || match[0] !== whole) {
      unknown.push(whole);
      return "";
    }
    const name = match[1]!.toLowerCase();
    const field = (MERGE_FIELDS as Record<string, MergeField>)[name];
    if (!field) {
      unknown.push(whole);
      return "";
    }
    tags.push({ field, fallback: match[2] ?? "" });
    return `{{m${tags.length - 1}}}`;
  });
  return { text, tags, unknown };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A URL we allow in a link, image or button (with merge placeholders turned into {{uN}}), or null. */
export function safeUrl(raw: string, opts: { allowMailto: boolean }): string | null {
  const url = raw.trim().replace(/\{\{m(\d+)\}\}/g, "{{u$1}}");
  if (/[\s<>"'`\\]/.test(url)) return null;
  if (/^https?:\/\/[^/{}]+/i.test(url)) return url;
  if (opts.allowMailto && /^mailto:[^/]/i.test(url)) return url;
  return null;
}

export type Inline = { html: string; text: string };

/**
 * For every index, the first index at or after it whose character passes `test` (or the length):
 * one right-to-left pass, so "where does this bracket close" is a lookup, never a rescan.
 */
function nextIndexes(source: string, test: (c: string) => boolean): Int32Array {
  const next = new Int32Array(source.length + 1);
  next[source.length] = source.length;
  for (let i = source.length - 1; i >= 0; i--) next[i] = test(source[i]!) ? i : next[i + 1]!;
  return next;
}

const isUrlStop = (c: string) => c === ")" || /\s/.test(c);

/**
 * Inline Markdown: escapes everything, then recognises [text](url), **bold** and *italic*, left
 * to right and never overlapping. A single pass over the characters with precomputed "next ]",
 * "next *" and "next ) or space" tables — so the work is linear in the length of the line,
 * whatever it holds (a backtracking regex here took seconds on a line of 100,000 "[").
 * A link's text may hold bold or italics, and bold or italics a link; neither holds its own kind,
 * so the recursion is at most three deep and each level reads a disjoint part of the line.
 */
export function renderInline(source: string): Inline {
  const n = source.length;
  if (!source.includes("[") && !source.includes("*")) return { html: escapeHtml(source), text: source };
  const nextClose = nextIndexes(source, (c) => c === "]");
  const nextStar = nextIndexes(source, (c) => c === "*");
  let nextUrlStop: Int32Array | null = null;
  let html = "";
  let text = "";
  let last = 0;
  const flushText = (upTo: number) => {
    const before = source.slice(last, upTo);
    html += escapeHtml(before);
    text += before;
  };
  let i = 0;
  while (i < n) {
    const c = source[i];
    if (c === "[") {
      // [label](url): the label runs to the first "]", the url to the first ")" (no spaces).
      const close = nextClose[i + 1]!;
      if (close > i + 1 && source[close + 1] === "(") {
        nextUrlStop ??= nextIndexes(source, isUrlStop);
        const end = close + 2 < n ? nextUrlStop[close + 2]! : n;
        if (end > close + 2 && source[end] === ")") {
          flushText(i);
          const label = renderInline(source.slice(i + 1, close));
          const url = safeUrl(source.slice(close + 2, end), { allowMailto: true });
          if (url) {
            html += `<a href="${escapeHtml(url)}" style="color:#8a1538">${label.html}</a>`;
            text += `${label.text} (${url})`;
          } else {
            html += label.html;
            text += label.text;
          }
          i = last = end + 1;
          continue;
        }
      }
    } else if (c === "*") {
      // **bold** when two stars open, else *italic*; the content holds no star.
      const bold = source[i + 1] === "*";
      const from = bold ? i + 2 : i + 1;
      const end = from < n ? nextStar[from]! : n;
      if (end > from && end < n && (!bold || source[end + 1] === "*")) {
        flushText(i);
        const inner = renderInline(source.slice(from, end));
        html += bold ? `<strong>${inner.html}</strong>` : `<em>${inner.html}</em>`;
        text += inner.text;
        i = last = bold ? end + 2 : end + 1;
        continue;
      }
    }
    i++;
  }
  flushText(n);
  return { html, text };
}

type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; lines: string[] }
  | { kind: "list"; ordered: boolean; items: string[] }
  | { kind: "image"; alt: string; url: string }
  | { kind: "button"; label: string; url: string };

function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", lines: paragraph });
    paragraph = [];
    if (list) blocks.push({ kind: "list", ...list });
    list = null;
  };
  // Each line pattern below is anchored at both ends and has no two unbounded runs that can
  // trade characters, so each costs one pass over its line (bench/markdown.ts checks them all).
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const image = /^!\[([^\]]*)\]\(([^)\s]+)\)$/.exec(line);
    const button = /^\[\[([^\]]+)\]\]\(([^)\s]+)\)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d{1,3}[.)]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
    } else if (image) {
      flush();
      const url = safeUrl(image[2]!, { allowMailto: false });
      if (url) blocks.push({ kind: "image", alt: image[1]!, url });
    } else if (button) {
      flush();
      const url = safeUrl(button[2]!, { allowMailto: true });
      if (url) blocks.push({ kind: "button", label: button[1]!, url });
      else blocks.push({ kind: "paragraph", lines: [button[1]!] });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (paragraph.length) {
        blocks.push({ kind: "paragraph", lines: paragraph });
        paragraph = [];
      }
      if (list && list.ordered !== ordered) {
        blocks.push({ kind: "list", ...list });
        list = null;
      }
      list ??= { ordered, items: [] };
      list.items.push((bullet ?? numbered)![1]!);
    } else {
      if (list) {
        blocks.push({ kind: "list", ...list });
        list = null;
      }
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

const HEADING_SIZES = { 1: "26px", 2: "21px", 3: "18px" } as const;

export type RenderedBody = { mjml: string; text: string };

/** Renders the body (already through extractMergeTags) to MJML blocks and plain text. */
export function renderMarkdown(source: string): RenderedBody {
  const mjml: string[] = [];
  const text: string[] = [];
  for (const block of parseBlocks(source)) {
    switch (block.kind) {
      case "heading": {
        const inline = renderInline(block.text);
        const tag = `h${block.level}`;
        mjml.push(`<mj-text><${tag} style="margin:0;font-size:${HEADING_SIZES[block.level]};line-height:1.25">${inline.html}</${tag}></mj-text>`);
        text.push(inline.text);
        break;
      }
      case "paragraph": {
        const inlines = block.lines.map(renderInline);
        mjml.push(`<mj-text><p style="margin:0">${inlines.map((i) => i.html).join("<br />")}</p></mj-text>`);
        text.push(inlines.map((i) => i.text).join("\n"));
        break;
      }
      case "list": {
        const tag = block.ordered ? "ol" : "ul";
        const items = block.items.map(renderInline);
        mjml.push(`<mj-text><${tag} style="margin:0;padding-left:24px">${items.map((i) => `<li>${i.html}</li>`).join("")}</${tag}></mj-text>`);
        text.push(items.map((i, n) => `${block.ordered ? `${n + 1}.` : "-"} ${i.text}`).join("\n"));
        break;
      }
      case "image":
        mjml.push(`<mj-image src="${escapeHtml(block.url)}" alt="${escapeHtml(block.alt)}" />`);
        if (block.alt) text.push(`[${block.alt}]`);
        break;
      case "button": {
        const label = renderInline(block.label);
        mjml.push(`<mj-button href="${escapeHtml(block.url)}">${label.html}</mj-button>`);
        text.push(`${label.text}: ${block.url}`);
        break;
      }
    }
  }
  return { mjml: mjml.join("\n"), text: text.join("\n\n") };
}

/** The value of one tag for one contact: its field, else its fallback. */
export function tagValue(tag: MergeTag, values: MergeValues): string {
  const value = values[tag.field]?.trim();
  return value ? value : tag.fallback;
}
