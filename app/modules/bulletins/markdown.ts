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

type Inline = { html: string; text: string };

/** Inline Markdown: escapes everything, then recognises links, bold and italics. */
function renderInline(source: string): Inline {
  let html = "";
  let text = "";
  const pattern = /\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const match of source.matchAll(pattern)) {
    const before = source.slice(last, match.index);
    html += escapeHtml(before);
    text += before;
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      const label = renderInline(match[1]);
      const url = safeUrl(match[2]!, { allowMailto: true });
      if (url) {
        html += `<a href="${escapeHtml(url)}" style="color:#8a1538">${label.html}</a>`;
        text += `${label.text} (${url})`;
      } else {
        html += label.html;
        text += label.text;
      }
    } else if (match[3] !== undefined) {
      const inner = renderInline(match[3]);
      html += `<strong>${inner.html}</strong>`;
      text += inner.text;
    } else if (match[4] !== undefined) {
      const inner = renderInline(match[4]);
      html += `<em>${inner.html}</em>`;
      text += inner.text;
    }
  }
  const rest = source.slice(last);
  html += escapeHtml(rest);
  text += rest;
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
