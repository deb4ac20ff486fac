import { replyFor } from "~/lib/forms";

/**
 * The errors of one form on a page answered by handleIntents, as field → translation key
 * ("_form" for the form's own). Empty when the reply was for another form.
 */
export function intentErrors(actionData: unknown, intent: string): Record<string, string> {
  const error = replyFor(actionData, intent)?.error;
  if (!error) return {};
  const out: Record<string, string> = {};
  for (const [field, messages] of Object.entries(error)) if (messages?.[0]) out[field === "" ? "_form" : field] = messages[0];
  return out;
}
