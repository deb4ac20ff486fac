/**
 * `npx alcance contacts export [--segment NAME] [--delimiter ';'] [--lang en]`: the contacts (all,
 * or a segment's) as CSV on standard output — the same generator as /contacts/export.csv. Acts as
 * the system (no user); audited as "contacts.export" with via: "cli".
 */
import { once } from "node:events";
import { parseArgs } from "node:util";
import { EMPTY_FILTER, type ContactFilter } from "../app/modules/contacts/filter.ts";
import { auditExport, contactsCsv, parseDelimiter, parseExportLang, type ExportProgress } from "../app/modules/contacts/export.server.ts";
import { getSegmentFilter } from "../app/modules/contacts/segments.server.ts";
import type { CliContext } from "./index.ts";

export async function contactsExportCommand(ctx: CliContext): Promise<number> {
  let values: { segment?: string; delimiter?: string; lang?: string };
  try {
    // Parsed here rather than with index.ts's parse(): importing index.ts would run the CLI again.
    ({ values } = parseArgs({
      args: ctx.args,
      options: { segment: { type: "string" }, delimiter: { type: "string" }, lang: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const delimiter = parseDelimiter(values.delimiter);
  if (!delimiter) {
    console.error(`--delimiter must be ',', ';' or 'tab'.`);
    return 2;
  }
  const lang = parseExportLang(values.lang);
  if (!lang) {
    console.error("--lang must be es or en.");
    return 2;
  }
  let filter: ContactFilter = EMPTY_FILTER;
  let segment: { id: string; name: string } | null = null;
  if (values.segment !== undefined) {
    const found = await getSegmentFilter(values.segment);
    if (!found) {
      console.error(`No segment named "${values.segment}".`);
      return 1;
    }
    filter = found.filter;
    segment = { id: found.id, name: found.name };
  }
  const progress: ExportProgress = { rows: 0, done: false };
  const options = { delimiter, lang };
  try {
    for await (const chunk of contactsCsv(filter, options, progress)) {
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    }
    // The caller exits the process right after: let the last bytes reach the pipe first.
    await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  } finally {
    await auditExport({ userId: null, ip: "cli" }, filter, options, { segment, via: "cli" }, progress);
  }
  console.error(`Exported ${progress.rows} contacts${segment ? ` of segment "${segment.name}"` : ""}.`);
  return 0;
}
