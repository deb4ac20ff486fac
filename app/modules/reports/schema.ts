/** The monthly-input form, the section-text form, the contest cutoff and the approval (zod; messages are i18n keys). */
import { z } from "zod";

export const NARRATIVE_MAX = 20_000;

/** The monthly-input fields, flat as the form sends them. */
export const INPUT_FIELDS = [
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
export type InputField = (typeof INPUT_FIELDS)[number];

const count = z
  .string({ message: "reports.errors.required" })
  .trim()
  .min(1, "reports.errors.required")
  .transform((v) => v.replace(/[,\s]/g, ""))
  .refine((v) => /^\d+$/.test(v), "reports.errors.wholeNumber")
  .transform(Number)
  .refine((v) => v <= 1_000_000_000, "reports.errors.tooLarge");

const percent = z
  .string({ message: "reports.errors.required" })
  .trim()
  .min(1, "reports.errors.required")
  .transform((v) => v.replace(",", ".").replace(/\s*%$/, ""))
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v), "reports.errors.percent")
  .transform(Number)
  .refine((v) => v >= 0 && v <= 100, "reports.errors.percent");

export const monthlyInputSchema = z
  .object(Object.fromEntries(INPUT_FIELDS.map((f) => [f, f === "enquiriesUsPercent" ? percent : count])) as Record<InputField, typeof count>)
  .superRefine((v, ctx) => {
    const byMedium = v.mediaInternet + v.mediaPrint + v.mediaRadio + v.mediaTv;
    const byTone = v.mediaPositive + v.mediaNeutral + v.mediaNegative;
    if (byMedium !== byTone) ctx.addIssue({ code: "custom", path: ["mediaNeutral"], message: "reports.errors.mediaToneSum" });
  });

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
