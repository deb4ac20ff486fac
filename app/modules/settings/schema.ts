import { z } from "zod";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The auto-pause threshold as the form shows it, in percent (decision 034). */
export const COMPLAINT_PAUSE_PERCENT = { min: 0.1, max: 5, default: 0.3 } as const;

/** 0.003 → "0.3" (the form's value; two decimals at most, no float noise). */
export function complaintPausePercent(rate: number): string {
  return String(Math.round(rate * 10_000) / 100);
}

export const timeZoneSchema = z.string().trim().refine(isTimeZone, "common.errors.timeZoneInvalid");

export const settingsSchema = z.object({
  institutionName: z.string().trim().min(2, "admin.settings.errors.institutionName").max(200),
  postalAddress: z.string().trim().min(10, "admin.settings.errors.postalAddress").max(500),
  bulkSenderName: z.string().trim().min(2, "admin.settings.errors.senderName").max(120),
  bulkSenderEmail: z.string().trim().email("common.errors.emailInvalid"),
  transactionalSenderName: z.string().trim().min(2, "admin.settings.errors.senderName").max(120),
  transactionalSenderEmail: z.string().trim().email("common.errors.emailInvalid"),
  replyTo: z
    .string()
    .trim()
    .email("common.errors.emailInvalid")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  sendRatePerSecond: z.coerce.number().int("admin.settings.errors.sendRate").min(1, "admin.settings.errors.sendRate").max(1000, "admin.settings.errors.sendRate"),
  timeZone: timeZoneSchema,
  // Optional so a form without the field leaves the value as it is.
  kioskMailsPerHour: z.coerce
    .number({ message: "admin.settings.errors.kioskMailsPerHour" })
    .int("admin.settings.errors.kioskMailsPerHour")
    .min(1, "admin.settings.errors.kioskMailsPerHour")
    .max(10_000, "admin.settings.errors.kioskMailsPerHour")
    .optional(),
  // Typed as a percent (0.3), stored as a fraction (0.003). Gmail and Yahoo ask for under 0.3 %.
  complaintPauseRate: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(",", ".") : v),
    z.coerce
      .number({ message: "admin.settings.errors.complaintPauseRate" })
      .min(COMPLAINT_PAUSE_PERCENT.min, "admin.settings.errors.complaintPauseRate")
      .max(COMPLAINT_PAUSE_PERCENT.max, "admin.settings.errors.complaintPauseRate")
      .refine((p) => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6, "admin.settings.errors.complaintPauseRate")
      .transform((p) => Math.round(p * 100) / 10_000)
      .optional(),
  ),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

export const privacyNoticeSchema = z.object({
  text: z.string().trim().min(50, "admin.settings.errors.privacyNotice").max(50_000),
  // Spanish unless told: a form posted before languages existed still publishes the Spanish text.
  language: z.enum(["es", "en"], { message: "admin.settings.errors.privacyLanguage" }).default("es"),
});
