import { parseDelimiter, parseExportLang } from "~/modules/contacts/index.server";

/**
 * The delimiter (, ; or tab) and header language (es, en) of an institutions' CSV link, or a 400
 * answer when the link was edited into something else.
 */
export function csvExportOptions(params: URLSearchParams): { delimiter: string; lang: "es" | "en" } | Response {
  const delimiter = parseDelimiter(params.get("delimiter"));
  const lang = parseExportLang(params.get("lang"));
  if (!delimiter || !lang) {
    return new Response("delimiter must be , ; or tab, and lang es or en", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return { delimiter, lang };
}
