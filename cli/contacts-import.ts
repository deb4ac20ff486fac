/**
 * `npx alcance contacts import FILE --source TEXT [--consent-basis TEXT] [--on-duplicate skip|fill|overwrite] [--dry-run] [--json]`
 * The UI's pipeline, in this process (no worker needed), reading the file as a stream from disk,
 * acting as the system (no user; audited with ip "cli").
 */
import { z } from "zod";
import { ImportFileError } from "../app/modules/contacts/import/errors.ts";
import { importFile } from "../app/modules/contacts/import/file.server.ts";
import { closeImportPool, type ImportSettings } from "../app/modules/contacts/import/pipeline.server.ts";
import { output, parse, type CliContext } from "./index.ts";

/** This process only imports: keep its heap near the pipeline's live data (see heapGuard). */
const CLI_HEAP_BUDGET_MB = 48;

const POLICIES = { skip: "SKIP", fill: "FILL", overwrite: "OVERWRITE" } as const;

const argsSchema = z.object({
  file: z.string({ message: "FILE is required" }).min(1, "FILE is required"),
  source: z.string({ message: "--source is required" }).trim().min(1, "--source is required").max(500, "--source must have at most 500 characters"),
  "consent-basis": z.string().trim().max(500, "--consent-basis must have at most 500 characters").optional(),
  "on-duplicate": z.enum(["skip", "fill", "overwrite"], { message: "--on-duplicate must be one of skip, fill, overwrite" }).default("skip"),
});

export async function contactsImportCommand(ctx: CliContext): Promise<number> {
  const { values, positionals } = parse(ctx.args, {
    source: { type: "string" },
    "consent-basis": { type: "string" },
    "on-duplicate": { type: "string" },
    "dry-run": { type: "boolean" },
  });
  const parsed = argsSchema.safeParse({ ...values, file: positionals[0] });
  if (!parsed.success || positionals.length > 1) {
    for (const issue of parsed.error?.issues ?? []) console.error(issue.message);
    if (positionals.length > 1) console.error("Only one FILE at a time.");
    return 2;
  }
  const args = parsed.data;
  const settings: ImportSettings = {
    sourceText: args.source,
    consentBasis: args["consent-basis"] || null,
    onDuplicate: POLICIES[args["on-duplicate"]],
  };
  try {
    if (!settings.consentBasis) console.error("No --consent-basis: new contacts are recorded with consent PENDING.");
    const { result, rejected, warnings } = await importFile(args.file, settings, { dryRun: !!values["dry-run"], heapBudgetMb: CLI_HEAP_BUDGET_MB });
    const summary = {
      rows: result.rows,
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      duplicates: result.duplicates,
      suppressed: result.suppressed,
      rejected,
      warnings,
    };
    const human = [
      `${values["dry-run"] ? "Dry run of" : "Imported"} ${args.file} (batch ${result.batchId}):`,
      `  rows ${result.rows}, created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged},`,
      `  duplicates in the file ${result.duplicates}, suppressed ${result.suppressed}, rejected ${rejected.length}`,
      ...rejected.slice(0, 50).map((r) => `  line ${r.line}: ${r.reason}`),
      ...(rejected.length > 50 ? [`  … and ${rejected.length - 50} more`] : []),
      ...(warnings.length ? [`  warnings ${warnings.length} (imported with an empty field; the value is in the contact's notes):`] : []),
      ...warnings.slice(0, 50).map((w) => `  line ${w.line}: unknown ${w.field} «${w.value}»`),
      ...(warnings.length > 50 ? [`  … and ${warnings.length - 50} more`] : []),
    ].join("\n");
    output(ctx, summary, human);
    return 0;
  } catch (error) {
    if (error instanceof ImportFileError) {
      output(ctx, { error: error.code, message: error.message, ...error.params }, error.message);
      return 1;
    }
    throw error;
  } finally {
    await closeImportPool();
  }
}
