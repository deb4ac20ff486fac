import { replyFor } from "~/lib/forms";

/**
 * The first error a refused intent carries for `field` ("" = the form's own), looking through
 * `intents` in order (the page's action answers several forms: handleIntents' `{ intent, result }`).
 */
export function replyError(actionData: unknown, intents: readonly string[], field = ""): string | undefined {
  for (const intent of intents) {
    const error = replyFor(actionData, intent)?.error?.[field]?.[0];
    if (error) return error;
  }
  return undefined;
}

/** The form-level error of whichever intent was refused (not those listed: their form shows it). */
export function formErrorOf(actionData: unknown, except: readonly string[] = []): string | undefined {
  if (!actionData || typeof actionData !== "object" || !("result" in actionData)) return undefined;
  const { intent, result } = actionData as { intent?: string | null; result?: { error?: Record<string, string[] | null> | null } };
  if (intent && except.includes(intent)) return undefined;
  return result?.error?.[""]?.[0] ?? undefined;
}
