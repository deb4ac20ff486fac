import type { z } from "zod";

/** First message per field; messages are translation keys. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!(key in out)) out[key] = issue.message.includes(".") ? issue.message : "common.errors.invalid";
  }
  return out;
}
