import { z } from "zod";
import { LOCALES } from "~/i18n";
import { timeZoneSchema } from "~/modules/settings";

/** The account page's preferences form (server and browser: client-safe). */
export const preferencesSchema = z.object({
  locale: z.enum(LOCALES, { message: "auth.account.errors.locale" }),
  // Empty means "the organisation's time zone".
  timeZone: z
    .string()
    .trim()
    .max(100, "common.errors.timeZoneInvalid")
    .pipe(z.union([z.literal("").transform(() => null), timeZoneSchema])),
});
export type PreferencesInput = z.infer<typeof preferencesSchema>;
