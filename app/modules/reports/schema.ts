/** The section-text form, the contest cutoff and the approval (zod; messages are i18n keys); the legacy monthly input's shape. */
import { z } from "zod";

export const NARRATIVE_MAX = 20_000;

/**
 * The monthly-input form is gone (decision 025): social accounts, the microsite and the media log
 * are records (communications module), citizen enquiries too (enquiries). These are the fields
 * that form stored on MonthlyInput.data; reports approved before keep them in their frozen
 * figures (`input`), and document-v1 and the legacy figures read them.
 */
export const LEGACY_INPUT_FIELDS = [
  "facebookPosts",
  "facebookImpressions",
  "facebookFollowers",
  "twitterPosts",
  "twitterRetweets",
  "twitterLikes",
  "twitterComments",
  "twitterFollowers",
  "micrositeVisits",
  "micrositeCountries",
  "mediaInternet",
  "mediaPrint",
  "mediaRadio",
  "mediaTv",
  "mediaPositive",
  "mediaNeutral",
  "mediaNegative",
  "enquiriesTotal",
  "enquiriesUsPercent",
] as const;
export type InputField = (typeof LEGACY_INPUT_FIELDS)[number];
export type MonthlyInputData = Record<InputField, number>;

/** A section's text: `section` is an outline key (the server checks it names a section of the report's outline). */
export const narrativeSchema = z.object({
  section: z.string({ message: "reports.errors.section" }).regex(/^[a-z][a-z0-9_]{0,79}$/, "reports.errors.section"),
  text: z.string().max(NARRATIVE_MAX, "reports.errors.narrativeTooLong").transform((v) => v.replace(/\r\n/g, "\n").trim()),
});

const isCalendarDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= "1900-01-01" && v <= "9999-12-31";
};

/** The contest cutoff: a calendar date (YYYY-MM-DD) or empty for the month's end. */
export const contestCutoffSchema = z.object({
  cutoff: z
    .string()
    .trim()
    .refine((v) => v === "" || isCalendarDate(v), "reports.errors.cutoffDate")
    .transform((v) => (v === "" ? null : v)),
});

/** The approval names the commission agreement that approved the report. */
export const approvalSchema = z.object({
  agreementId: z.string({ message: "reports.errors.agreementRequired" }).trim().min(1, "reports.errors.agreementRequired").max(64, "reports.errors.agreementRequired"),
});

/** The zod issues as { field: i18n key }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
