import { z } from "zod";
import { int8CursorSchema } from "~/lib/filters";

/** The outbox list's URL: a recipient filter and the last id seen. Mistyped values are ignored (lib/filters.ts). */
export const outboxQuerySchema = z.object({
  to: z
    .string()
    .trim()
    .max(320)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  // An OutboxMessage id (int8): one past its range would reach PostgreSQL and fail there.
  cursor: int8CursorSchema,
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxIdSchema = z.string().regex(/^\d{1,19}$/);

/**
 * A queued transactional message as the worker accepts it: record ids only. Anything else (a job
 * queued by an older version with an address in it) ends without sending.
 */
export const transactionalMailSchema = z.object({
  template: z.enum(["invite", "passwordReset", "eventSignupConfirm", "contestCorrection", "juryReopened", "juryReminder", "integrityReport", "contributionRound", "contributionReminder", "contributionReturned", "portalVerify", "portalReset", "portalReceipt", "portalAnswered", "portalInvite", "portalMagic"]),
  to: z.union([
    z.object({ user: z.string().min(1) }).strict(),
    z.object({ token: z.string().min(1) }).strict(),
    z.object({ signup: z.number().int().positive() }).strict(),
    z.object({ correctionRequest: z.string().min(1) }).strict(),
    z.object({ applicantToken: z.string().min(1) }).strict(),
    z.object({ applicant: z.string().min(1) }).strict(),
  ]),
  locale: z.enum(["es", "en"]),
  data: z.record(z.string(), z.string()),
  ref: z.object({ entity: z.literal("correctionRequest"), id: z.string().min(1) }).optional(),
});
