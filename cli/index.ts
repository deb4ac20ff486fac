/**
 * `npx alcance <area> <command>`. Logs go to standard error; with --json a command prints one
 * single-line JSON object on standard output.
 */
import "dotenv/config";
// Before every other import: refuses to start on a bad configuration or the development APP_KEY.
import "../app/lib/startup-env.server.ts";
import { parseArgs } from "node:util";
import { usersCommand } from "./users.ts";
import { contactsImportCommand } from "./contacts-import.ts";

export type CliContext = { json: boolean; args: string[] };

const HELP = `Alcance admin CLI

Usage:
  npx alcance users create --email <e-mail> --role <ADMIN|COORDINATOR|COMMUNICATIONS|JUROR> [--name <name>] [--password-stdin] [--json]
  npx alcance users list [--json]
  npx alcance contacts import FILE --source <text> [--consent-basis <text>] [--on-duplicate skip|fill|overwrite] [--dry-run] [--json]
  npx alcance contacts export [--segment <name>] [--delimiter ';'] [--lang en]
  npx alcance bulletins create --name <text> --subject <text> --body-file <file.md> [--segment <name>] [--json]
  npx alcance bulletins send|status|pause|resume|cancel <id> [--json]
  npx alcance bounces ingest <file.eml> … [--json]
  npx alcance geo unmapped [--json]

Without --password-stdin the password is asked for on the terminal.`;

async function main(argv: string[]) {
  const [area, ...rest] = argv;
  const json = rest.includes("--json");
  if (!area || area === "help" || area === "--help" || area === "-h") {
    console.error(HELP);
    return 0;
  }
  if (area === "users") return usersCommand({ json, args: rest });
  if (area === "contacts") return contactsCommand({ json, args: rest });
  if (area === "bulletins") return (await import("./bulletins.ts")).bulletinsCommand({ json, args: rest });
  if (area === "bounces") return (await import("./bounces.ts")).bouncesCommand({ json, args: rest });
  if (area === "geo") return (await import("./geo.ts")).geoCommand({ json, args: rest });
  console.error(`Unknown command "${area}".\n\n${HELP}`);
  return 2;
}

async function contactsCommand(ctx: CliContext): Promise<number> {
  const [command, ...rest] = ctx.args;
  if (command === "import") return contactsImportCommand({ ...ctx, args: rest });
  if (command === "export") {
    // Loaded only when asked for, so the import does not depend on the export module.
    const specifier = "./contacts-export.ts";
    const mod = (await import(specifier)) as { contactsExportCommand: (ctx: CliContext) => Promise<number> };
    return mod.contactsExportCommand({ ...ctx, args: rest });
  }
  console.error('Unknown contacts command. Try "npx alcance help".');
  return 2;
}

export function parse<T extends Record<string, { type: "string" | "boolean" }>>(args: string[], options: T) {
  return parseArgs({ args, options: { ...options, json: { type: "boolean" } }, allowPositionals: true, strict: true });
}

export function output(ctx: CliContext, value: Record<string, unknown>, human: string) {
  if (ctx.json) process.stdout.write(`${JSON.stringify(value)}\n`);
  else console.error(human);
}

main(process.argv.slice(2))
  .then(async (code) => {
    const { db } = await import("../app/lib/db.server.ts");
    await db.$disconnect();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
