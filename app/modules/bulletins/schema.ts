/** zod schemas for every bulletin input; messages are translation keys. */
import { z } from "zod";
import { extractMergeTags } from "./markdown";

const trimmed = (max: number, required: string, tooLong: string) =>
  z
    .string({ message: required })
    .transform((v) => v.trim().normalize("NFC"))
    .pipe(z.string().min(1, required).max(max, tooLong));

const optionalText = (max: number, tooLong: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().normalize("NFC") || undefined : v === null ? undefined : v), z.string().max(max, tooLong).optional());

const optionalEmail = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() || undefined : v === null ? undefined : v),
  z.email("bulletins.errors.emailInvalid").max(320, "bulletins.errors.emailInvalid").optional(),
);

const knownTags = (value: string | undefined) => !value || extractMergeTags(value).unknown.length === 0;

export const bulletinInputSchema = z.object({
  name: trimmed(200, "bulletins.errors.nameRequired", "bulletins.errors.tooLong"),
  subject: trimmed(250, "bulletins.errors.subjectRequired", "bulletins.errors.tooLong").refine(knownTags, "bulletins.errors.unknownMergeTag"),
  preheader: optionalText(250, "bulletins.errors.tooLong").refine(knownTags, "bulletins.errors.unknownMergeTag"),
  bodyMarkdown: z
    .string({ message: "bulletins.errors.bodyRequired" })
    .transform((v) => v.replace(/\r\n?/g, "\n").normalize("NFC"))
    .pipe(z.string().refine((v) => v.trim().length > 0, "bulletins.errors.bodyRequired").pipe(z.string().max(100_000, "bulletins.errors.tooLong")))
    .refine(knownTags, "bulletins.errors.unknownMergeTag"),
  language: z.enum(["es", "en"], { message: "bulletins.errors.languageInvalid" }).default("es"),
  fromName: optionalText(120, "bulletins.errors.tooLong"),
  fromEmail: optionalEmail,
  replyTo: optionalEmail,
  // "" or absent: the whole confirmed, subscribed audience.
  segmentId: z.preprocess((v) => (typeof v === "string" ? v.trim() || undefined : v === null ? undefined : v), z.string().max(100).optional()),
});
export type BulletinInput = z.infer<typeof bulletinInputSchema>;

export const scheduleSchema = z.object({
  scheduledAt: z.string({ message: "bulletins.errors.scheduleInvalid" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "bulletins.errors.scheduleInvalid"),
});

/** The figures a person saw on the confirmation step, posted back with the send or the schedule. */
export const confirmationSchema = z.object({
  confirmedRecipients: z.string().regex(/^\d{1,9}$/).transform(Number),
  confirmedVersion: z.string().regex(/^\d{1,9}$/).transform(Number),
});

/** A send or a schedule: the confirmed figures are absent on the first post (the page then only asks). */
const figure = z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{1,9}$/).transform(Number).optional()).catch(undefined);
export const sendSchema = z.object({ confirmedRecipients: figure, confirmedVersion: figure });
export const scheduleSendSchema = scheduleSchema.extend(sendSchema.shape);

export const testSendSchema = z.object({
  to: z
    .string({ message: "bulletins.errors.testRecipients" })
    .transform((v) => [...new Set(v.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(z.email("bulletins.errors.testRecipientInvalid")).min(1, "bulletins.errors.testRecipients").max(5, "bulletins.errors.testRecipientsMax")),
  contactId: z.preprocess((v) => (v === "" || v === null || v === undefined ? undefined : v), z.coerce.number().int().positive().optional()),
});

export const bulletinIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

export const previewQuerySchema = z.object({
  contact: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int().positive().optional().catch(undefined)),
  format: z.enum(["html", "text"]).catch("html"),
});
