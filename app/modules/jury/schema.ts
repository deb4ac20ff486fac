import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const reason = z.string().trim().min(3, "jury.errors.reasonRequired").max(1000, "jury.errors.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "jury.errors.tooLong")
    .optional()
    .transform((v) => (v ? v : null));

/** A date typed as YYYY-MM-DD (designation, sessions): stored at noon UTC so no zone moves its day. */
const dateOnly = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "jury.errors.date")
  .transform((v) => new Date(`${v}T12:00:00Z`))
  .refine((d) => !Number.isNaN(d.getTime()), "jury.errors.date");

export const conflictSchema = z.object({ reason });
export const reopenSchema = z.object({ evaluationId: id, reason });

export const designateSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "jury.errors.email")
    .max(320, "jury.errors.email")
    .email("jury.errors.email")
    .transform((v) => v.normalize("NFC").toLowerCase()),
  name: optionalText(120),
  // With a designating agreement chosen, the reference and date may be left empty: they are the
  // agreement's number and adoption date (admin.server.ts designateJuror).
  designationRef: optionalText(200),
  designatedOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? "")
    .pipe(z.union([z.literal(""), dateOnly]))
    .transform((v) => (v === "" ? null : v)),
  agreementId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(v), "jury.errors.agreementNotFound"),
  expertise: z
    .string()
    .trim()
    .max(500, "jury.errors.tooLong")
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
}).superRefine((v, ctx) => {
  if (v.agreementId) return;
  if (!v.designationRef) ctx.addIssue({ code: "custom", path: ["designationRef"], message: "jury.errors.designationRef" });
  if (!v.designatedOn) ctx.addIssue({ code: "custom", path: ["designatedOn"], message: "jury.errors.date" });
});
export type DesignateInput = z.output<typeof designateSchema>;

export const SESSION_KINDS = ["INSTALLATION", "DELIBERATION", "RESULTS"] as const;
export const sessionSchema = z.object({
  kind: z.enum(SESSION_KINDS, { message: "jury.errors.sessionKind" }),
  heldAt: dateOnly,
  attendees: optionalText(2000),
  minutes: optionalText(20_000),
});
export type SessionInput = z.output<typeof sessionSchema>;

export const balancedSchema = z.object({ k: z.coerce.number({ message: "jury.errors.invalidK" }).int("jury.errors.invalidK").min(1, "jury.errors.invalidK").max(50, "jury.errors.invalidK") });
export const pairSchema = z.object({ submissionId: id, userId: id });
export const adminConflictSchema = pairSchema.extend({ reason });

export const optionsSchema = z.object({
  blindReview: z.literal("on").optional().transform(Boolean),
  dispersionThreshold: z.coerce.number({ message: "jury.errors.threshold" }).min(0, "jury.errors.threshold").max(100, "jury.errors.threshold"),
});

export const awardSchema = z.object({
  submissionId: id,
  place: z.coerce.number({ message: "jury.errors.place" }).int("jury.errors.place").min(1, "jury.errors.place").max(100, "jury.errors.place"),
  prize: optionalText(200),
  notes: optionalText(2000),
});
export type AwardInput = z.output<typeof awardSchema>;

/** What the evaluation form posts: score.<criterionId>, comment.<criterionId>, overallComment. */
export type EvaluationDraft = { scores: Record<string, { value: number | null; comment: string | null }>; overallComment: string | null };

/**
 * Reads the evaluation form for the given criteria. A value that is not a whole number on the
 * criterion's scale is refused with the field named; an empty value is "not scored yet".
 */
export function parseEvaluationForm(
  form: FormData,
  criteria: ReadonlyArray<{ id: string; scaleMin: number; scaleMax: number }>,
): { ok: true; draft: EvaluationDraft } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const scores: EvaluationDraft["scores"] = {};
  for (const c of criteria) {
    const raw = String(form.get(`score.${c.id}`) ?? "").trim();
    const comment = String(form.get(`comment.${c.id}`) ?? "").trim();
    let value: number | null = null;
    if (raw !== "") {
      const n = Number(raw);
      if (!Number.isInteger(n) || n < c.scaleMin || n > c.scaleMax) errors[`score.${c.id}`] = "jury.errors.outOfScale";
      else value = n;
    }
    if (comment.length > 5000) errors[`comment.${c.id}`] = "jury.errors.tooLong";
    scores[c.id] = { value, comment: comment || null };
  }
  const overall = String(form.get("overallComment") ?? "").trim();
  if (overall.length > 10_000) errors.overallComment = "jury.errors.tooLong";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, draft: { scores, overallComment: overall || null } };
}
