/**
 * The contest's forms, validated with zod on the server. Messages are translation keys. Dates are
 * typed as wall-clock times (<input type="datetime-local">) and stored as UTC instants; the
 * contest's own dates are typed in the contest's zone, and its deadlines may be a date alone.
 */
import { z } from "zod";
import { isCalendarDate } from "~/lib/params";
import { endOfZonedDay, isLocalDateTime, zonedToUtc } from "~/lib/time";
import { normalizeSubdivision, stateFilterValue } from "~/modules/geo";
import { CHECK_RESULTS, CONTEST_PHASES, RECEIPT_CHANNELS, SUBMISSION_STATUSES } from "./rules";

export const TEXT_MAX = 200;
export const LONG_MAX = 10_000;
export const REASON_MAX = 1000;

function requiredText(max: number, message: string) {
  return z
    .string({ message })
    .transform((v) => v.trim().normalize("NFC").replace(/\s+/g, " "))
    .pipe(z.string().min(1, message).max(max, "contest.errors.tooLong"));
}

function optionalText(max: number) {
  return z
    .string()
    .optional()
    .nullable()
    .transform((v) => v?.trim().normalize("NFC").replace(/\s+/g, " ") ?? "")
    .pipe(z.string().max(max, "contest.errors.tooLong"))
    .transform((v) => (v === "" ? null : v));
}

/** Multi-line text: line breaks kept, trailing spaces trimmed. */
function optionalLong(max = LONG_MAX) {
  return z
    .string()
    .optional()
    .nullable()
    .transform((v) => v?.replace(/\r\n?/g, "\n").trim().normalize("NFC") ?? "")
    .pipe(z.string().max(max, "contest.errors.tooLong"))
    .transform((v) => (v === "" ? null : v));
}

export const reasonSchema = z
  .string({ message: "contest.errors.reasonRequired" })
  .optional()
  .nullable()
  .transform((v) => v?.trim().normalize("NFC") ?? "")
  .pipe(z.string().max(REASON_MAX, "contest.errors.tooLong"))
  .transform((v) => (v === "" ? null : v));

const requiredReason = reasonSchema.refine((v) => v !== null, "contest.errors.reasonRequired").transform((v) => v!);

function localInstant(zone: string, message = "contest.errors.date") {
  return z
    .string({ message })
    .trim()
    .refine(isLocalDateTime, message)
    .transform((v) => zonedToUtc(v, zone));
}

/**
 * A deadline: a date alone ("2027-01-17") means the whole of that day in the contest's zone, so it
 * is stored as the day's last millisecond there (23:59:59.999 local, as a UTC instant); a date and
 * time is that instant.
 */
function deadlineInstant(zone: string, message = "contest.errors.date") {
  return z
    .string({ message })
    .trim()
    .refine((v) => isCalendarDate(v) || isLocalDateTime(v), message)
    .transform((v) => (isCalendarDate(v) ? endOfZonedDay(v, zone) : zonedToUtc(v, zone)));
}

// ── The contest ────────────────────────────────────────────────────────────────────────────────

export const DATE_FIELDS = ["submissionsOpenAt", "submissionsCloseAt", "reviewEndsAt", "evaluationStartsAt", "evaluationEndsAt", "resultsAt"] as const;
/** The dates that close a phase: typed as a day, they mean the end of it. */
export const DEADLINE_FIELDS: ReadonlySet<string> = new Set(["submissionsCloseAt", "reviewEndsAt", "evaluationEndsAt"]);

export function contestFormSchema(zone: string) {
  return z.object({
    name: requiredText(TEXT_MAX * 2, "contest.errors.nameRequired"),
    description: optionalLong(),
    submissionsOpenAt: localInstant(zone),
    submissionsCloseAt: deadlineInstant(zone),
    reviewEndsAt: deadlineInstant(zone),
    evaluationStartsAt: localInstant(zone),
    evaluationEndsAt: deadlineInstant(zone),
    resultsAt: localInstant(zone),
    correctionDays: z.coerce
      .number({ message: "contest.errors.correctionDays" })
      .int("contest.errors.correctionDays")
      .min(1, "contest.errors.correctionDays")
      .max(90, "contest.errors.correctionDays"),
  });
}
export type ContestInput = z.output<ReturnType<typeof contestFormSchema>>;

export const phaseOverrideSchema = z.object({
  phase: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(CONTEST_PHASES, { message: "contest.errors.invalid" }).nullable()),
  reason: requiredReason,
});

// ── Requirements ───────────────────────────────────────────────────────────────────────────────

export const requirementRowSchema = z.object({
  id: optionalText(40),
  name: optionalText(TEXT_MAX),
  description: optionalLong(2000),
  required: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  remove: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type RequirementRow = z.output<typeof requirementRowSchema>;

/** Rows posted as rows.N.field; a new row left blank is ignored. */
export function rowsFromForm(form: FormData, prefix = "rows"): Array<Record<string, string>> {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of form.entries()) {
    const match = new RegExp(`^${prefix}\\.(\\d{1,3})\\.(\\w+)$`).exec(key);
    if (!match || typeof value !== "string") continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? {};
    row[match[2]!] = value;
    rows.set(index, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

export type RowErrors = Record<string, string>;

/** Parses the checklist rows; errors keyed "rows.N.field". */
export function parseRequirementRows(raw: Array<Record<string, string>>) {
  const errors: RowErrors = {};
  const rows: RequirementRow[] = [];
  raw.forEach((r, index) => {
    const parsed = requirementRowSchema.safeParse(r);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[`rows.${index}.${issue.path.join(".")}`] ??= issue.message.includes(".") ? issue.message : "contest.errors.invalid";
      return;
    }
    const row = parsed.data;
    if (!row.id && !row.name) return;
    if (!row.remove && !row.name) errors[`rows.${index}.name`] = "contest.errors.nameRequired";
    rows.push(row);
  });
  return { rows, errors };
}

// ── Rubric ─────────────────────────────────────────────────────────────────────────────────────

const intIn = (min: number, max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.coerce.number({ message }).int(message).min(min, message).max(max, message));

export const criterionRowSchema = z.object({
  id: optionalText(40),
  name: optionalText(TEXT_MAX),
  description: optionalLong(2000),
  weight: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().replace(",", ".").replace(/%$/, "") : v),
    z.coerce.number({ message: "contest.errors.weight" }).min(0.01, "contest.errors.weight").max(100, "contest.errors.weight"),
  ),
  scaleMin: intIn(0, 100, "contest.errors.scale"),
  scaleMax: intIn(1, 100, "contest.errors.scale"),
  /** One descriptor per line, from the lowest level to the highest. */
  levels: optionalLong(5000),
  tieBreakRank: z.preprocess((v) => (v === "" || v === undefined || v === null ? null : v), intIn(1, 50, "contest.errors.tieBreak").nullable()),
  remove: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type CriterionRow = z.output<typeof criterionRowSchema>;

/**
 * "Descriptor per line" → { "1": "…", "2": "…" } from scaleMin upwards. Each line is kept as
 * typed (trimmed): a descriptor may well begin with a number ("2-3 comunidades"), so nothing that
 * looks like a level prefix is stripped.
 */
export function levelsFromLines(text: string | null, scaleMin: number): Record<string, string> {
  const lines = (text ?? "").split("\n").map((l) => l.trim()).filter(Boolean);
  return Object.fromEntries(lines.map((line, i) => [String(scaleMin + i), line]));
}

export function levelsToLines(levels: Record<string, string>, scaleMin: number, scaleMax: number): string {
  const lines: string[] = [];
  for (let level = scaleMin; level <= scaleMax; level++) lines.push(levels[String(level)] ?? "");
  return lines.join("\n");
}

export function parseCriterionRows(raw: Array<Record<string, string>>) {
  const errors: RowErrors = {};
  const rows: CriterionRow[] = [];
  raw.forEach((r, index) => {
    const blank = !r.id && !r.name?.trim() && !r.levels?.trim() && !r.weight?.trim();
    if (blank) return;
    const parsed = criterionRowSchema.safeParse(r);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[`rows.${index}.${issue.path.join(".")}`] ??= issue.message.includes(".") ? issue.message : "contest.errors.invalid";
      return;
    }
    const row = parsed.data;
    if (!row.remove && !row.name) errors[`rows.${index}.name`] = "contest.errors.nameRequired";
    rows.push(row);
  });
  return { rows, errors };
}

// ── Submissions ────────────────────────────────────────────────────────────────────────────────

const emailSchema = z
  .string()
  .optional()
  .nullable()
  .transform((v) => v?.trim().toLowerCase() ?? "")
  .refine((v) => v === "" || (v.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v)), "contest.errors.email")
  .transform((v) => (v === "" ? null : v));

const budgetSchema = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v ?? "").trim().replace(/[\s,$]/g, ""))
  .refine((v) => v === "" || (/^\d{1,10}(\.\d{1,2})?$/.test(v)), "contest.errors.budget")
  .transform((v) => (v === "" ? null : v));

/** The project and its receipt: asked when a submission is recorded and again when it is corrected. */
function projectFields(zone: string) {
  return {
    title: requiredText(TEXT_MAX * 2, "contest.errors.titleRequired"),
    summary: optionalLong(),
    targetCommunities: optionalLong(2000),
    targetCities: optionalText(1000),
    requestedBudget: budgetSchema,
    receivedAt: localInstant(zone, "contest.errors.receivedAt"),
    channel: z.enum(RECEIPT_CHANNELS, { message: "contest.errors.channel" }),
  };
}

export function submissionFormSchema(zone: string) {
  return z
    .object({
      partnerMode: z.enum(["existing", "new"], { message: "contest.errors.partnerMode" }),
      partnerId: optionalText(40),
      contactPersonId: optionalText(40),
      orgName: optionalText(TEXT_MAX),
      orgCity: optionalText(120),
      orgState: optionalText(120),
      contactName: optionalText(TEXT_MAX),
      contactEmail: emailSchema,
      contactPhone: optionalText(40),
      ...projectFields(zone),
    })
    .superRefine((v, ctx) => {
      if (v.partnerMode === "existing" && !v.partnerId) ctx.addIssue({ code: "custom", path: ["partnerId"], message: "contest.errors.partnerRequired" });
      if (v.partnerMode === "new") {
        if (!v.orgName) ctx.addIssue({ code: "custom", path: ["orgName"], message: "contest.errors.orgNameRequired" });
        if (!v.orgState) ctx.addIssue({ code: "custom", path: ["orgState"], message: "contest.errors.orgStateRequired" });
        // The organisation is created in the United States: its state is an ISO 3166-2 code (decision 019).
        else if (!normalizeSubdivision(v.orgState, "US")) ctx.addIssue({ code: "custom", path: ["orgState"], message: "contest.errors.orgStateUnknown" });
        if (!v.contactName) ctx.addIssue({ code: "custom", path: ["contactName"], message: "contest.errors.contactNameRequired" });
        if (!v.contactEmail) ctx.addIssue({ code: "custom", path: ["contactEmail"], message: "contest.errors.contactEmailRequired" });
      }
    })
    .transform((v) => ({ ...v, orgState: v.orgState ? (normalizeSubdivision(v.orgState, "US") ?? null) : null }));
}
export type SubmissionInput = z.output<ReturnType<typeof submissionFormSchema>>;

/** Correcting what was recorded: the project's data and its receipt (the organisation stays). */
export function submissionEditSchema(zone: string) {
  return z.object({
    ...projectFields(zone),
    reason: requiredReason,
  });
}
export type SubmissionEdit = z.output<ReturnType<typeof submissionEditSchema>>;

export const moveSchema = z.object({
  to: z.enum(SUBMISSION_STATUSES, { message: "contest.errors.invalid" }),
  reason: reasonSchema,
});

export const lateAcceptSchema = z.object({ reason: requiredReason });

export const checkRowSchema = z.object({
  requirementId: z.string().min(1).max(40),
  result: z.enum(CHECK_RESULTS, { message: "contest.errors.invalid" }),
  note: optionalLong(2000),
});
export type CheckInput = z.output<typeof checkRowSchema>;

/** The review form posts result_<requirementId> and note_<requirementId>. */
export function parseChecks(form: FormData, requirementIds: readonly string[]) {
  const errors: Record<string, string> = {};
  const checks: CheckInput[] = [];
  for (const requirementId of requirementIds) {
    const result = form.get(`result_${requirementId}`);
    if (result === null) continue;
    const parsed = checkRowSchema.safeParse({ requirementId, result, note: form.get(`note_${requirementId}`) ?? undefined });
    if (!parsed.success) {
      errors[`result_${requirementId}`] = parsed.error.issues[0]?.message ?? "contest.errors.invalid";
      continue;
    }
    if (parsed.data.result === "NEEDS_CORRECTION" && !parsed.data.note) {
      errors[`note_${requirementId}`] = "contest.errors.noteRequired";
      continue;
    }
    checks.push(parsed.data);
  }
  return { checks, errors };
}

export function correctionFormSchema(zone: string) {
  return z.object({
    items: z.array(z.string().min(1).max(40)).min(1, "contest.errors.itemsRequired").max(100),
    message: optionalLong(4000),
    deadline: localInstant(zone, "contest.errors.deadline"),
  });
}

export const answerSchema = z.object({ note: optionalLong(4000) });

export const SUBMISSION_FILTER_KEYS = ["q", "status", "state", "late", "overdue"] as const;
export const submissionFilterSchema = z.object({
  q: optionalText(200).catch(null),
  status: z.enum(SUBMISSION_STATUSES).optional().catch(undefined),
  // «Texas», «TX» or «US-TX» find the organisations stored as US-TX.
  state: optionalText(120)
    .transform((v) => (v ? stateFilterValue(v, "US") : v))
    .catch(null),
  late: z.enum(["1"]).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
});
export type SubmissionFilter = Partial<z.output<typeof submissionFilterSchema>>;

export function filterFromParams(params: URLSearchParams): SubmissionFilter {
  return submissionFilterSchema.parse(Object.fromEntries(SUBMISSION_FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])));
}

export function filterToParams(filter: SubmissionFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SUBMISSION_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, String(value));
  }
  return params;
}
