/**
 * The forms of the partners area: the institution, a person, an agreement, an activity, a
 * follow-up and its state. Every message is a translation key; the routes echo what was typed.
 */
import { z } from "zod";
import {
  ACRONYM_MAX,
  ACTIVITY_KINDS,
  AGREEMENT_STATUSES,
  FOLLOW_UP_STATES,
  MEETING_ACTIVITY_KINDS,
  NAME_MAX,
  normalizeCountry,
  normalizeRegion,
  normalizeTags,
  normalizeWebsite,
  NOTES_MAX,
  PARTNER_KINDS,
  PARTNER_STATUSES,
  PLACE_MAX,
  TAGS_MAX,
} from "./fields";
import { isCalendarDate } from "./dates";
import { REPORT_PARTS } from "~/modules/reports";

/** Trimmed single-line text; empty becomes null (so an edit can clear a field). */
function optionalText(max: number, message = "partners.errors.tooLong") {
  return z
    .string()
    .optional()
    .nullable()
    .transform((v) => v?.trim().normalize("NFC").replace(/\s+/g, " ") ?? "")
    .pipe(z.string().max(max, message))
    .transform((v) => (v === "" ? null : v));
}

function requiredText(max: number, required: string, tooLong = "partners.errors.tooLong") {
  return z
    .string({ message: required })
    .transform((v) => v.trim().normalize("NFC").replace(/\s+/g, " "))
    .pipe(z.string().min(1, required).max(max, tooLong));
}

const notes = z
  .string()
  .optional()
  .nullable()
  .transform((v) => v?.trim().normalize("NFC").replace(/\r\n?/g, "\n") ?? "")
  .refine((v) => v.length <= NOTES_MAX, "partners.errors.notesTooLong")
  .transform((v) => (v === "" ? null : v));

const enumOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { message }));

/** An optional id; `message` says what was wrong (a search picker's unchosen text is «does not exist»). */
const optionalIdOf = (message: string) =>
  z
    .string()
    .optional()
    .nullable()
    .transform((v) => v?.trim() || null)
    .refine((v) => v === null || /^[a-z0-9]{10,40}$/.test(v), message);
const optionalId = optionalIdOf("partners.errors.invalid");

function calendarDate(required: string) {
  return z
    .string({ message: required })
    .transform((v) => v.trim())
    .pipe(z.string().min(1, required).refine(isCalendarDate, "partners.errors.date"));
}

const optionalDate = z
  .string()
  .optional()
  .nullable()
  .transform((v) => v?.trim() ?? "")
  .refine((v) => v === "" || isCalendarDate(v), "partners.errors.date")
  .transform((v) => (v === "" ? null : v));

const optionalCount = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v ?? "").trim().replace(/[\s,._']/g, ""))
  .refine((v) => v === "" || (/^\d{1,10}$/.test(v) && Number(v) <= 2_000_000_000), "partners.errors.count")
  .transform((v) => (v === "" ? null : Number(v)));

export const partnerFormSchema = z.object({
  name: requiredText(NAME_MAX, "partners.errors.nameRequired"),
  acronym: optionalText(ACRONYM_MAX),
  kind: enumOf(PARTNER_KINDS, "partners.errors.kindRequired"),
  parentId: optionalIdOf("partners.errors.parentNotFound"),
  country: z
    .string()
    .optional()
    .nullable()
    .transform((v) => v?.trim() ?? "")
    .transform((v, ctx) => {
      if (v === "") return null;
      const code = normalizeCountry(v);
      if (!code) {
        ctx.addIssue({ code: "custom", message: "partners.errors.country" });
        return z.NEVER;
      }
      return code;
    }),
  state: optionalText(PLACE_MAX),
  city: optionalText(PLACE_MAX),
  website: z
    .string()
    .optional()
    .nullable()
    .transform((v, ctx) => {
      const url = normalizeWebsite(v);
      if (url === false) {
        ctx.addIssue({ code: "custom", message: "partners.errors.website" });
        return z.NEVER;
      }
      return url;
    }),
  tags: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => normalizeTags(v ?? ""))
    .refine((tags) => tags.length <= TAGS_MAX, "partners.errors.tooManyTags"),
  status: z.preprocess((v) => (v === "" || v === undefined || v === null ? "ACTIVE" : v), z.enum(PARTNER_STATUSES, { message: "partners.errors.invalid" })),
  notes,
}).transform((v, ctx) => {
  // The state is coded relative to the country (ISO 3166-2 in the United States, Canada, Mexico).
  const region = normalizeRegion(v.country, v.state);
  if (region.unknown.length) {
    ctx.addIssue({ code: "custom", path: ["state"], message: "partners.errors.state" });
    return z.NEVER;
  }
  return { ...v, country: region.country, state: region.state };
});
export type PartnerInput = z.output<typeof partnerFormSchema>;

/** A person: either a link to an existing contact (by e-mail) or a name of their own. */
export const personFormSchema = z
  .object({
    contactEmail: z
      .string()
      .optional()
      .nullable()
      .transform((v) => v?.trim().normalize("NFC").toLowerCase() || null),
    name: optionalText(NAME_MAX),
    position: optionalText(PLACE_MAX),
    email: z
      .string()
      .optional()
      .nullable()
      .transform((v) => v?.trim().toLowerCase() || null)
      .refine((v) => v === null || (v.length <= 320 && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(v)), "partners.errors.email"),
    phone: optionalText(40),
  })
  .superRefine((v, ctx) => {
    if (!v.contactEmail && !v.name) ctx.addIssue({ code: "custom", path: ["name"], message: "partners.errors.personNameRequired" });
  });
export type PersonInput = z.output<typeof personFormSchema>;

export const agreementFormSchema = z
  .object({
    title: requiredText(NAME_MAX, "partners.errors.titleRequired"),
    reference: optionalText(80),
    signedOn: optionalDate,
    validUntil: optionalDate,
    status: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? "NEGOTIATION" : v),
      z.enum(AGREEMENT_STATUSES, { message: "partners.errors.invalid" })
    ),
    notes,
  })
  .superRefine((v, ctx) => {
    if (v.signedOn && v.validUntil && v.validUntil < v.signedOn)
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "partners.errors.validBeforeSigned" });
  });
export type AgreementInput = z.output<typeof agreementFormSchema>;

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((typeof v === "string" ? [v] : v ?? []).map((s) => s.trim()).filter(Boolean))])
  .refine((ids) => ids.length <= 100 && ids.every((id) => /^[a-z0-9]{10,40}$/.test(id)), "partners.errors.invalid");

/** Institutions named by their name (the form's search box, one per field), trimmed, each once. */
const nameList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of typeof v === "string" ? [v] : v ?? []) {
      const name = raw.trim().normalize("NFC").replace(/\s+/g, " ");
      if (name && !seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        out.push(name);
      }
    }
    return out;
  })
  .refine((names) => names.length <= 100 && names.every((n) => n.length <= NAME_MAX), "partners.errors.invalid");

/** A meeting or a workshop is a Meeting record now: an old form or link that still says so gets told where to go. */
const activityKind = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string({ message: "partners.errors.activityKindRequired" })
    .superRefine((v, ctx) => {
      if ((MEETING_ACTIVITY_KINDS as readonly string[]).includes(v)) ctx.addIssue({ code: "custom", message: "partners.errors.activityKindIsMeeting" });
      else if (!(ACTIVITY_KINDS as readonly string[]).includes(v)) ctx.addIssue({ code: "custom", message: "partners.errors.activityKindRequired" });
    })
    .transform((v) => v as (typeof ACTIVITY_KINDS)[number])
);

export const activityFormSchema = z.object({
  occurredOn: calendarDate("partners.errors.dateRequired"),
  kind: activityKind,
  summary: z
    .string({ message: "partners.errors.summaryRequired" })
    .transform((v) => v.trim().normalize("NFC").replace(/\r\n?/g, "\n"))
    .pipe(z.string().min(1, "partners.errors.summaryRequired").max(NOTES_MAX, "partners.errors.notesTooLong")),
  peopleReached: optionalCount,
  itemsDistributed: optionalCount,
  bulletinRecipients: optionalCount,
  eventId: optionalIdOf("partners.errors.eventNotFound"),
  userIds: idList,
  personIds: idList,
  // The other institutions of the activity (the page's own is always one): ids (the ones already
  // named, as checkboxes) and names (typed or picked from the list of institutions).
  partnerIds: idList,
  partnerNames: nameList,
  // Where the report counts it; empty: the default rule from the institutions' kinds.
  reportPart: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(REPORT_PARTS, { message: "partners.errors.invalid" }).nullable()),
  // An optional follow-up created with the activity.
  followUpTitle: optionalText(NAME_MAX),
  followUpDueOn: optionalDate,
  followUpOwnerId: optionalId,
});
export type ActivityInput = z.output<typeof activityFormSchema>;

export const followUpFormSchema = z.object({
  title: requiredText(NAME_MAX, "partners.errors.followUpTitleRequired"),
  dueOn: calendarDate("partners.errors.dueRequired"),
  ownerId: z
    .string({ message: "partners.errors.ownerRequired" })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(1, "partners.errors.ownerRequired")
        .regex(/^[a-z0-9]{10,40}$/, "partners.errors.ownerRequired")
    ),
  notes,
  activityId: optionalId,
});
export type FollowUpInput = z.output<typeof followUpFormSchema>;

/** Removing an activity from an institution's page: only this institution, or the whole activity (when shared). */
export const removeActivitySchema = z.object({
  activityId: z.string().regex(/^[a-z0-9]{10,40}$/, "partners.errors.invalid"),
  scope: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["institution", "all"], { message: "partners.errors.invalid" }).optional()),
  // How many institutions the person was told would lose the activity.
  institutions: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.coerce.number({ message: "partners.errors.invalid" }).int("partners.errors.invalid").min(1, "partners.errors.invalid").max(10_000, "partners.errors.invalid").optional()
  ),
});
export type RemoveActivityInput = z.output<typeof removeActivitySchema>;

export const followUpStateSchema = z.object({
  followUpId: z.string().regex(/^[a-z0-9]{10,40}$/, "partners.errors.invalid"),
  state: z.enum(FOLLOW_UP_STATES, { message: "partners.errors.invalid" }),
});

/** The timeline's filter: which kinds of entries to show (none chosen: all). */
export const TIMELINE_KINDS = ["person", "agreement", "activity", "meeting", "followUp"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export function timelineKindsFrom(params: URLSearchParams): TimelineKind[] {
  const chosen = params.getAll("show").filter((v): v is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(v));
  return chosen.length ? [...new Set(chosen)] : [...TIMELINE_KINDS];
}
