/**
 * The forms of the meetings area: a meeting with its participants, and a commission agreement.
 * Every message is a translation key (meetings.json); the routes echo back what was typed.
 */
import { z } from "zod";
import { isCalendarDate } from "~/lib/params";
import { INE_AREAS, REPORT_PARTS } from "~/modules/reports";
import {
  AGREEMENT_NUMBER_MAX,
  AGREEMENT_NUMBER_RE,
  AGREEMENT_TITLE_MAX,
  COMMISSION_AGREEMENT_STATUSES,
  ID_RE,
  MEETING_FORMATS,
  MEETING_KINDS,
  normalizeAgreementNumber,
  normalizeParties,
  PARTIES_MAX,
  PARTNERS_MAX,
  PARTY_MAX,
  SUBJECT_MAX,
  SUMMARY_MAX,
  VOTE_MAX,
} from "./fields";

const enumOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.enum(values, { message }));

function requiredLine(max: number, required: string, tooLong = "meetings.errors.tooLong") {
  return z
    .string({ message: required })
    .transform((v) => v.normalize("NFC").trim().replace(/\s+/g, " "))
    .pipe(z.string().min(1, required).max(max, tooLong));
}

function optionalBlock(max: number, tooLong = "meetings.errors.tooLong") {
  return z
    .string()
    .optional()
    .nullable()
    .transform((v) => v?.normalize("NFC").replace(/\r\n?/g, "\n").trim() ?? "")
    .refine((v) => v.length <= max, tooLong)
    .transform((v) => (v === "" ? null : v));
}

function calendarDate(required: string) {
  return z
    .string({ message: required })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, required).refine(isCalendarDate, "meetings.errors.date"));
}

/** One value or several (FormData.getAll), each trimmed, empty ones dropped. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .nullable()
  .transform((v) => (typeof v === "string" ? [v] : (v ?? [])).map((s) => s.trim()).filter(Boolean));

/** Institutions: each once (a repeated id is merged), real ids only. */
const partnerIds = many
  .transform((ids) => [...new Set(ids)])
  .refine((ids) => ids.every((id) => ID_RE.test(id)), "meetings.errors.partnerNotFound")
  .refine((ids) => ids.length <= PARTNERS_MAX, "meetings.errors.tooManyPartners");

const ineAreas = many
  .transform((areas) => [...new Set(areas)])
  .pipe(z.array(z.enum(INE_AREAS, { message: "meetings.errors.ineArea" })));

/** Political parties typed one per line (or sent as several values); each once, case-blind. */
const politicalParties = many
  .transform((values) => normalizeParties(values.flatMap((v) => v.split(/\r\n?|\n/))))
  .refine((names) => names.every((n) => n.length <= PARTY_MAX), "meetings.errors.partyTooLong")
  .refine((names) => names.length <= PARTIES_MAX, "meetings.errors.tooManyParties");

/** "" (or "AUTO") asks for the default rule (report-part.ts); anything else must be a report part. */
const reportPart = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v ?? "").trim())
  .transform((v) => (v === "AUTO" ? "" : v))
  .pipe(z.union([z.literal(""), z.enum(REPORT_PARTS, { message: "meetings.errors.reportPart" })]))
  .transform((v) => (v === "" ? null : v));

export const meetingFormSchema = z.object({
  kind: enumOf(MEETING_KINDS, "meetings.errors.kindRequired"),
  heldOn: calendarDate("meetings.errors.heldOnRequired"),
  subject: requiredLine(SUBJECT_MAX, "meetings.errors.subjectRequired"),
  summary: optionalBlock(SUMMARY_MAX),
  format: z.preprocess((v) => (v === "" || v === null || v === undefined ? "IN_PERSON" : v), z.enum(MEETING_FORMATS, { message: "meetings.errors.format" })),
  reportPart,
  partnerIds,
  ineAreas,
  politicalParties,
});
export type MeetingInput = z.output<typeof meetingFormSchema>;
/** What a caller may pass: the parsed form, or an object built by the seed and the tests. */
export type MeetingInputRaw = z.input<typeof meetingFormSchema>;

/** The raw values of a meeting form (lists with getAll), for the schema and for echoing back. */
export function meetingFormValues(form: FormData) {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const list = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    kind: text("kind"),
    heldOn: text("heldOn"),
    subject: text("subject"),
    summary: text("summary"),
    format: text("format"),
    reportPart: text("reportPart"),
    partnerIds: list("partnerIds").slice(0, PARTNERS_MAX * 2),
    ineAreas: list("ineAreas").slice(0, 50),
    politicalParties: list("politicalParties").join("\n").slice(0, PARTIES_MAX * (PARTY_MAX + 2) * 2),
  };
}
export type MeetingFormValues = ReturnType<typeof meetingFormValues>;

// ── Commission agreements ──────────────────────────────────────────────────────────────────────

const optionalId = z
  .string()
  .optional()
  .nullable()
  .transform((v) => v?.trim() || null)
  .refine((v) => v === null || ID_RE.test(v), "meetings.errors.sessionNotFound");

export const agreementFormSchema = z.object({
  number: z
    .string({ message: "meetings.errors.numberRequired" })
    .transform(normalizeAgreementNumber)
    .pipe(
      z
        .string()
        .min(1, "meetings.errors.numberRequired")
        .max(AGREEMENT_NUMBER_MAX, "meetings.errors.tooLong")
        .regex(AGREEMENT_NUMBER_RE, "meetings.errors.numberFormat"),
    ),
  adoptedOn: calendarDate("meetings.errors.adoptedOnRequired"),
  title: requiredLine(AGREEMENT_TITLE_MAX, "meetings.errors.titleRequired"),
  status: z.preprocess((v) => (v === "" || v === null || v === undefined ? "APPROVED" : v), z.enum(COMMISSION_AGREEMENT_STATUSES, { message: "meetings.errors.status" })),
  ownerArea: z
    .string()
    .optional()
    .nullable()
    .transform((v) => (v ?? "").trim())
    .pipe(z.union([z.literal(""), z.enum(INE_AREAS, { message: "meetings.errors.ineArea" })]))
    .transform((v) => (v === "" ? null : v)),
  vote: optionalBlock(VOTE_MAX),
  meetingId: optionalId,
});
export type AgreementInput = z.output<typeof agreementFormSchema>;
export type AgreementInputRaw = z.input<typeof agreementFormSchema>;

export function agreementFormValues(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ["number", "adoptedOn", "title", "status", "ownerArea", "vote", "meetingId"]) {
    const v = form.get(name);
    out[name] = typeof v === "string" ? v : "";
  }
  return out;
}

/** Jurors to link to an agreement: JuryMember ids, each once. */
export const linkJurorsSchema = z.object({
  agreementId: z.string({ message: "meetings.errors.agreementNotFound" }).trim().regex(ID_RE, "meetings.errors.agreementNotFound"),
  memberIds: many.transform((ids) => [...new Set(ids)]).refine((ids) => ids.length <= 200 && ids.every((id) => ID_RE.test(id)), "meetings.errors.invalid"),
});
