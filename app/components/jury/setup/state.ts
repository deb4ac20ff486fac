import type { SubmissionResult } from "~/lib/forms";
import type { juryAdminView } from "~/modules/jury/index.server";

/** The set-up page's data, as the loader returns it. */
export type SetupView = Awaited<ReturnType<typeof juryAdminView>>;

export type IntentState = { errors: Record<string, string>; values: Record<string, string> };

/**
 * One form's refusal on a page of several (handleIntents answers `{ intent, result }`): its first
 * error per field ("_form" for the form's own) and what was typed, so the form shows both again.
 */
export function intentState(actionData: unknown, intent: string): IntentState {
  const reply = actionData as { intent?: string | null; result?: SubmissionResult<string[]> } | undefined;
  if (!reply || reply.intent !== intent || !reply.result) return { errors: {}, values: {} };
  const errors: Record<string, string> = {};
  for (const [field, keys] of Object.entries(reply.result.error ?? {})) if (keys?.[0]) errors[field === "" ? "_form" : field] = keys[0];
  const values: Record<string, string> = {};
  for (const [field, value] of Object.entries(reply.result.initialValue ?? {})) if (typeof value === "string") values[field] = value;
  return { errors, values };
}

export const pairKey = (submissionId: string, userId: string) => `${submissionId}:${userId}`;
