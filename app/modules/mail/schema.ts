import { z } from "zod";

/** The outbox list's URL: a recipient filter and the last id seen. Mistyped values are dropped. */
export const outboxQuerySchema = z.object({
  to: z
    .string()
    .trim()
    .max(320)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v.toLowerCase() : undefined)),
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxIdSchema = z.string().regex(/^\d{1,19}$/);
