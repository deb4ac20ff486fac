import type { SubmissionResult } from "~/lib/forms";

/**
 * The event page's refusals as one `{ field: key }` record ("_form" = the page): the photo upload
 * answers `{ errors }`, the other forms answer handleIntents' `{ intent, result }`.
 */
export function actionErrors(actionData: unknown): Record<string, string> {
  if (!actionData || typeof actionData !== "object") return {};
  if ("errors" in actionData) return (actionData as { errors: Record<string, string> }).errors;
  const result = (actionData as { result?: SubmissionResult<string[]> }).result;
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(result?.error ?? {})) {
    const first = messages?.[0];
    if (first) out[field === "" ? "_form" : field] = first;
  }
  return out;
}
