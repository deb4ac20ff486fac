/**
 * Bulletins: MJML compiled once per (bulletin, version), then a cheap merge per recipient.
 * The compiled HTML and text are split at their {{placeholders}} once, so a merge is a join of
 * strings; every contact value is HTML-escaped (or URL-encoded inside a URL).
 */
import { makeT, isLocale, DEFAULT_LOCALE } from "../../app/i18n/index.ts";
import { escapeHtml, extractMergeTags, renderMarkdown, tagValue, type MergeTag, type MergeValues } from "../../app/modules/bulletins/markdown.ts";
import { layout } from "../layout.ts";
import { compileMjml } from "../render.server.ts";
import { BULK_TEMPLATES, type BulkTemplate } from "./index.ts";

export type BulletinContent = {
  id: string;
  version: number;
  subject: string;
  preheader: string | null;
  bodyMarkdown: string;
  language: string;
};

/** Values every message of an installation shares, plus the recipient's own links. */
export type MessageContext = {
  institutionName: string;
  postalAddress: string;
  unsubscribeUrl: string;
  privacyUrl: string;
};

export type CompiledBulletin = {
  key: string;
  tags: MergeTag[];
  /** Split at placeholders: even indexes are literal text, odd ones placeholder names. */
  html: string[];
  text: string[];
  subject: string[];
  preheader: string[];
};

export const REQUIRED_PLACEHOLDERS = ["unsubscribeUrl", "postalAddress"] as const;

let compileCount = 0;
/** How many times MJML was compiled for bulletins in this process (the benchmark reports it). */
export function bulletinCompileCount(): number {
  return compileCount;
}

function split(template: string): string[] {
  return template.split(/\{\{(\w+)\}\}/);
}

function fillLabels(source: string, template: BulkTemplate, language: string, escape: (v: string) => string): string {
  const t = makeT(isLocale(language) ? language : DEFAULT_LOCALE);
  return source.replace(/\[\[(\w+)\]\]/g, (whole, key: string) => {
    const translationKey = template.labels[key];
    return translationKey ? escape(t(translationKey)) : whole;
  });
}

/** Builds the MJML source and text template of a bulletin (no compilation). */
export function bulletinSources(content: BulletinContent, templateName = "bulletin") {
  const template = BULK_TEMPLATES[templateName];
  if (!template) throw new Error(`Unknown bulk template ${templateName}`);
  const tags: MergeTag[] = [];
  const subject = extractMergeTags(content.subject, tags).text;
  const preheader = extractMergeTags(content.preheader ?? "", tags).text;
  const body = renderMarkdown(extractMergeTags(content.bodyMarkdown, tags).text);
  const lang = isLocale(content.language) ? content.language : DEFAULT_LOCALE;
  const mjml = layout({ lang, body: body.mjml, footer: fillLabels(template.footer, template, lang, escapeHtml) });
  const text = `${body.text}\n\n${fillLabels(template.textFooter, template, lang, (v) => v)}\n`;
  return { mjml, text, subject, preheader, tags };
}

const cache = new Map<string, Promise<CompiledBulletin>>();

/** The compiled bulletin for this version, compiling MJML only the first time. */
export function compiledBulletin(content: BulletinContent, templateName = "bulletin"): Promise<CompiledBulletin> {
  const key = `${templateName}:${content.id}:${content.version}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = (async () => {
      const sources = bulletinSources(content, templateName);
      compileCount += 1;
      const started = performance.now();
      const html = await compileMjml(sources.mjml);
      // The benchmark counts these lines: MJML must compile once per bulletin version.
      if (process.env.NODE_ENV !== "test") console.error(`[bulletins] compiled MJML for bulletin ${content.id} version ${content.version} in ${Math.round(performance.now() - started)} ms`);
      for (const name of REQUIRED_PLACEHOLDERS) {
        if (!html.includes(`{{${name}}}`) || !sources.text.includes(`{{${name}}}`)) throw new Error(`Bulk template ${templateName} lacks {{${name}}}`);
      }
      return { key, tags: sources.tags, html: split(html), text: split(sources.text), subject: split(sources.subject), preheader: split(sources.preheader) };
    })();
    compiled.catch(() => cache.delete(key));
    cache.set(key, compiled);
    // A worker sends a handful of bulletins at a time; keep the newest few.
    if (cache.size > 32) cache.delete(cache.keys().next().value!);
  }
  return compiled;
}

function join(parts: string[], values: (name: string) => string): string {
  let out = parts[0] ?? "";
  for (let i = 1; i < parts.length; i += 2) out += values(parts[i]!) + (parts[i + 1] ?? "");
  return out;
}

export type MergedMessage = { subject: string; html: string; text: string };

/** One recipient's values for each placeholder of the HTML and text parts (and the subject), escaped for each. */
export function mergeValues(compiled: CompiledBulletin, contact: MergeValues, context: MessageContext) {
  const raw = (name: string): string | undefined => {
    if (name.length > 1 && (name[0] === "m" || name[0] === "u") && /^\d+$/.test(name.slice(1))) {
      const tag = compiled.tags[Number(name.slice(1))];
      if (!tag) return "";
      const value = tagValue(tag, contact);
      return name[0] === "u" ? encodeURIComponent(value) : value;
    }
    return (context as Record<string, string>)[name];
  };
  const subject = join(compiled.subject, (n) => raw(n) ?? "").replace(/[\r\n]+/g, " ").trim();
  const preheader = join(compiled.preheader, (n) => raw(n) ?? "");
  const htmlValue = (name: string): string => {
    if (name === "subject") return escapeHtml(subject);
    if (name === "preheader") return escapeHtml(preheader);
    const value = raw(name);
    return value === undefined ? `{{${name}}}` : escapeHtml(value);
  };
  const textValue = (name: string): string => raw(name) ?? "";
  return { subject, htmlValue, textValue };
}

/** One recipient's message: merge tags and links filled in, contact data escaped for HTML. */
export function mergeBulletin(compiled: CompiledBulletin, contact: MergeValues, context: MessageContext): MergedMessage {
  const { subject, htmlValue, textValue } = mergeValues(compiled, contact, context);
  return { subject, html: join(compiled.html, htmlValue), text: join(compiled.text, textValue) };
}
