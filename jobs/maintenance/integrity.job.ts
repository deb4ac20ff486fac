import type { Job } from "bullmq";
import { runIntegrityChecks } from "../../app/modules/integrity/checks.server.ts";
import type { QueuePayloads } from "../queues.ts";

/** The nightly integrity checks: report what disagrees, change nothing (see decision 021). */
export async function integrityJob(_job: Job<QueuePayloads["integrity"]>) {
  const run = await runIntegrityChecks();
  return { runId: run.id, stock: run.stockMismatches, consent: run.consentMismatches, notified: run.notified };
}
