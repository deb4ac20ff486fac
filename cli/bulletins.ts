/**
 * `npx alcance bulletins create|send|status|pause|resume|cancel`: the same module functions as
 * the web pages, acting as the system (no user, ip "cli"). `send` only starts the send: the
 * worker does the work.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { bulletinInputSchema } from "../app/modules/bulletins/schema.ts";
import type { CliContext } from "./index.ts";

const actor = { userId: null, ip: "cli" };

function print(ctx: CliContext, value: Record<string, unknown>, human: string) {
  if (ctx.json) process.stdout.write(`${JSON.stringify(value)}\n`);
  else console.error(human);
}

const USAGE = `Usage:
  npx alcance bulletins create --name TEXT --subject TEXT --body-file FILE.md [--segment NAME] [--language es|en] [--preheader TEXT] [--json]
  npx alcance bulletins send ID [--json]
  npx alcance bulletins status ID [--json]
  npx alcance bulletins pause|resume|cancel ID [--json]`;

export async function bulletinsCommand(ctx: CliContext): Promise<number> {
  const [command, ...rest] = ctx.args;
  let parsed: ReturnType<typeof parseArgs<{ options: Record<string, { type: "string" | "boolean" }>; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({
      args: rest,
      options: {
        name: { type: "string" },
        subject: { type: "string" },
        "body-file": { type: "string" },
        segment: { type: "string" },
        language: { type: "string" },
        preheader: { type: "string" },
        json: { type: "boolean" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | undefined>;
  const mod = await import("../app/modules/bulletins/bulletins.server.ts");
  const { makeT } = await import("../app/i18n/index.ts");
  const t = makeT("en");
  try {
    if (command === "create") {
      if (!values["body-file"]) {
        console.error(`--body-file is required.\n\n${USAGE}`);
        return 2;
      }
      const body = await readFile(values["body-file"], "utf8");
      let segmentId: string | undefined;
      if (values.segment) {
        const { getSegmentFilter } = await import("../app/modules/contacts/segments.server.ts");
        const segment = await getSegmentFilter(values.segment);
        if (!segment) {
          console.error(`No segment named "${values.segment}".`);
          return 1;
        }
        segmentId = segment.id;
      }
      const input = bulletinInputSchema.safeParse({ name: values.name, subject: values.subject, bodyMarkdown: body, segmentId, language: values.language ?? "es", preheader: values.preheader });
      if (!input.success) {
        for (const issue of input.error.issues) console.error(`${issue.path.join(".")}: ${t(issue.message)}`);
        return 2;
      }
      const { id } = await mod.createBulletin(actor, input.data);
      if (ctx.json) process.stdout.write(`${JSON.stringify({ id })}\n`);
      else process.stdout.write(`${id}\n`);
      return 0;
    }
    const id = parsed.positionals[0];
    if (!id || !["send", "status", "pause", "resume", "cancel"].includes(command ?? "")) {
      console.error(USAGE);
      return 2;
    }
    if (command === "status") {
      const summary = await mod.bulletinStatusSummary(id);
      if (!summary) {
        console.error(`No bulletin ${id}.`);
        return 1;
      }
      print(ctx, summary, `${summary.status}: ${summary.recipients} recipients, ${summary.sent} sent, ${summary.failed} failed, ${summary.pending} pending, ${summary.outcome_unknown} outcome unknown`);
      return 0;
    }
    if (command === "send") {
      const result = await mod.sendBulletin(actor, id);
      print(ctx, { id, recipients: result.recipients, already_started: result.alreadyStarted }, result.alreadyStarted ? `Already started (${result.recipients} recipients).` : `Sending to ${result.recipients} recipients; the worker does the work.`);
      return 0;
    }
    if (command === "pause") await mod.pauseBulletin(actor, id);
    if (command === "resume") await mod.resumeBulletin(actor, id);
    const cancelled = command === "cancel" ? await mod.cancelBulletin(actor, id) : null;
    const summary = await mod.bulletinStatusSummary(id);
    print(ctx, { id, status: cancelled?.status ?? summary?.status }, `${command}: ${cancelled?.status ?? summary?.status}`);
    return 0;
  } catch (error) {
    if (error instanceof mod.BulletinError) {
      console.error(t(error.messageKey));
      return 1;
    }
    throw error;
  } finally {
    const { closeQueues } = await import("../jobs/queues.ts");
    await closeQueues();
  }
}
