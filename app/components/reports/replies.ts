/**
 * Reading a handleIntents reply (Conform's SubmissionResult under `{ intent, result }`) as the plain
 * `{ field: translation key }` and `{ field: typed value }` the report pages' forms show. Several
 * forms of one kind share a page (a narrative editor per section), so a page picks the reply by its
 * intent and, where needed, by a posted value (`section`).
 */
import type { SubmissionResult } from "~/lib/forms";

export type IntentReplyData = { intent?: string | null; result?: SubmissionResult<string[]> } | null | undefined;

/** First error key per field ("form" = the form's own errors, Conform's ""). */
export function replyErrors(reply: IntentReplyData, intent: string): Record<string, string> {
  if (!reply || reply.intent !== intent || !reply.result?.error) return {};
  const out: Record<string, string> = {};
  for (const [field, keys] of Object.entries(reply.result.error)) {
    const first = keys?.[0];
    if (first) out[field === "" ? "form" : field] = first;
  }
  return out;
}

/** What was typed, as posted (strings only). */
export function replyValues(reply: IntentReplyData, intent: string): Record<string, string> {
  if (!reply || reply.intent !== intent) return {};
  const values = (reply.result?.initialValue ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => typeof e[1] === "string"));
}
