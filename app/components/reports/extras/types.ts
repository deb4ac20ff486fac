/** What the section extras page's panels receive: the loader's lists and the action's last refusal. */
import type { SectionActionResult } from "~/modules/reports/index.server";

export type Failed = Extract<SectionActionResult, { ok: false }>;

export type PanelProps = { base: string; canEdit: boolean; busy: boolean; failed?: Failed };

/** The refusal's errors when it answered `intent`. */
export const errorsFor = (failed: Failed | undefined, intent: string): Record<string, string> => (failed && failed.intent === intent ? failed.errors : {});
