import type { getSubmission } from "~/modules/contest/index.server";

export type SubmissionView = NonNullable<Awaited<ReturnType<typeof getSubmission>>>;

/** The submission page's refusal: which form, its errors by field, what was typed. */
export type ActionResult = { intent: string; errors: Record<string, string>; params?: Record<string, string | number>; values?: Record<string, string> };

export type PanelProps = { s: SubmissionView; busy: boolean; actionData?: ActionResult; errorsFor: (intent: string) => Record<string, string> };
