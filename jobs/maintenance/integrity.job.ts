import { runIntegrityChecks } from "../../app/modules/integrity/checks.server.ts";
import type { QueueJob } from "../../app/lib/queue.server.ts";

/** The nightly integrity checks: report what disagrees, change nothing (see decision 021). */
export async function integrityJob(_job: QueueJob<"integrity">) {
  const run = await runIntegrityChecks();
  return { runId: run.id, stock: run.stockMismatches, consent: run.consentMismatches, notified: run.notified };
}
