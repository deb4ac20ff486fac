/** The report's sections, the monthly-input form and the narrative form (zod; messages are i18n keys). */
import { z } from "zod";

export const REPORT_SECTIONS = ["presentation", "secretariat", "promotion", "partners", "community", "education", "contest", "digital", "media", "enquiries"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

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

export const narrativeSchema = z.object({
  section: z.enum(REPORT_SECTIONS, { message: "reports.errors.section" }),
  text: z.string().max(NARRATIVE_MAX, "reports.errors.narrativeTooLong").transform((v) => v.replace(/\r\n/g, "\n").trim()),
});

export type Narratives = Partial<Record<ReportSection, string>>;

/** The zod issues as { field: i18n key }. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
