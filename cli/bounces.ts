/**
 * `npx alcance bounces ingest FILE.eml …`: delivery-status notifications (RFC 3464) and feedback
 * reports (ARF). Hard bounce or complaint → the contact is suppressed at once; a soft bounce is
 * counted and the third in a row suppresses. A mailbox poller would call the same ingestBounce().
 */
import { readFile } from "node:fs/promises";
import type { CliContext } from "./index.ts";

export async function bouncesCommand(ctx: CliContext): Promise<number> {
  const [command, ...rest] = ctx.args;
  const files = rest.filter((a) => a !== "--json");
  if (command !== "ingest" || files.length === 0) {
    console.error("Usage: npx alcance bounces ingest FILE.eml … [--json]");
    return 2;
  }
  const { ingestBounce } = await import("../app/modules/bulletins/bounces.server.ts");
  const totals = { files: 0, reports: 0, suppressed: 0, counted: 0, already_suppressed: 0, unknown_contact: 0, unreadable: 0 };
  for (const file of files) {
    let raw: string;
    try {
      raw = await readFile(file, "utf8");
    } catch (error) {
      console.error(`${file}: ${(error as Error).message}`);
      totals.unreadable += 1;
      continue;
    }
    totals.files += 1;
    const outcomes = await ingestBounce({ userId: null, ip: "cli" }, raw);
    if (outcomes.length === 0) console.error(`${file}: no bounce or complaint report found`);
    for (const o of outcomes) {
      totals.reports += 1;
      if (o.action === "suppressed") totals.suppressed += 1;
      else if (o.action === "counted") totals.counted += 1;
      else if (o.action === "alreadySuppressed") totals.already_suppressed += 1;
      else totals.unknown_contact += 1;
      console.error(`${file}: ${o.kind} ${o.recipient ?? "?"} → ${o.action}`);
    }
  }
  if (ctx.json) process.stdout.write(`${JSON.stringify(totals)}\n`);
  else console.error(`${totals.reports} reports in ${totals.files} files: ${totals.suppressed} suppressed, ${totals.counted} soft bounces counted, ${totals.already_suppressed} already suppressed, ${totals.unknown_contact} unknown recipients`);
  return totals.unreadable > 0 ? 1 : 0;
}
