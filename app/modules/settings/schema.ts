import { z } from "zod";

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
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
});
export type SettingsInput = z.infer<typeof settingsSchema>;

export const privacyNoticeSchema = z.object({
  text: z.string().trim().min(50, "admin.settings.errors.privacyNotice").max(50_000),
  // Spanish unless told: a form posted before languages existed still publishes the Spanish text.
  language: z.enum(["es", "en"], { message: "admin.settings.errors.privacyLanguage" }).default("es"),
});
