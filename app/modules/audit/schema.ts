import { z } from "zod";

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date (YYYY-MM-DD) that exists. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined));

const optionalDate = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((v) => (v && isCalendarDate(v) ? v : undefined));

/**
 * The audit log's URL filters. A filter the reader mistyped is dropped rather than refused, so the
 * page always opens. Dates are calendar days in the reader's time zone; `to` is inclusive.
 */
export const auditQuerySchema = z.object({
  action: optionalText(100),
  actor: optionalText(320).transform((v) => v?.normalize("NFC").toLowerCase()),
  entity: optionalText(100),
  entityId: optionalText(200),
  from: optionalDate,
  to: optionalDate,
  cursor: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function auditQueryFromUrl(url: URL | string): AuditQuery {
  const params = new URL(url).searchParams;
  return auditQuerySchema.parse(Object.fromEntries(params));
}
