/**
 * The forms of a single contact's life: the contact itself, its consent, its subscription, the
 * merge chooser, the erasure and the ARCO request log. Messages are translation keys.
 */
import { z } from "zod";
import { isCalendarDate } from "./business-days";
import { normalizeCountry, normalizeRegion } from "~/modules/geo";
import { CONSENT_STATUSES, contactFieldsFor, isValidEmail, normalizeContactEmail, normalizeTags, type ContactFieldsFor } from "./fields";

export const CONTACT_TEXT_MAX = 120;
export const PHONE_MAX = 40;
export const NOTES_MAX = 5000;
export const BASIS_MAX = 500;

/** Trimmed text; empty becomes null (so an edit can clear a field). */
function optionalText(max: number, message = "contacts.form.errors.tooLong") {
  return z
    .string()
    .optional()
    .transform((v) => v?.trim().normalize("NFC").replace(/\s+/g, " ") ?? "")
    .pipe(z.string().max(max, message))
    .transform((v) => (v === "" ? null : v));
}

export const contactEmailSchema = z
  .string({ message: "contacts.form.errors.emailRequired" })
  .transform(normalizeContactEmail)
  .pipe(z.string().min(1, "contacts.form.errors.emailRequired").refine(isValidEmail, "contacts.form.errors.emailInvalid"));

/** "es", "en" or another language code (BCP 47 shape: "pt", "pt-br", "nah"); stored lower-case. */
export const LANGUAGE_CODE_RE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
export const COMMON_LANGUAGES = ["es", "en"] as const;

const languageSchema = z
  .string()
  .optional()
  .transform((v) => v?.trim().toLowerCase().replace(/_/g, "-") ?? "")
  .refine((v) => v === "" || LANGUAGE_CODE_RE.test(v), "contacts.form.errors.language")
  .transform((v) => (v === "" ? null : v));

/** Lenient: whatever people write (+52 55 1234 5678, (555) 123-4567 ext. 2), trimmed and bounded. */
const phoneSchema = z
  .string()
  .optional()
  .transform((v) => v?.trim().replace(/\s+/g, " ") ?? "")
  .refine((v) => v.length <= PHONE_MAX, "contacts.form.errors.phoneTooLong")
  .transform((v) => (v === "" ? null : v));

const tagsSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => normalizeTags(v ?? ""))
  .refine((tags) => tags.length <= 50, "contacts.form.errors.tooManyTags");

const notesSchema = z
  .string()
  .optional()
  .transform((v) => v?.trim().normalize("NFC") ?? "")
  .refine((v) => v.length <= NOTES_MAX, "contacts.form.errors.notesTooLong")
  .transform((v) => (v === "" ? null : v));

/** An ISO 3166-1 code from the select (a name or variant from the API is coded too); unknown is an error. */
const countrySchema = optionalText(CONTACT_TEXT_MAX).transform((v, ctx) => {
  const code = normalizeCountry(v);
  if (code === undefined) {
    ctx.addIssue({ code: "custom", message: "contacts.form.errors.country" });
    return z.NEVER;
  }
  return code;
});

const contactFieldsSchema = z.object({
  email: contactEmailSchema,
  givenName: optionalText(CONTACT_TEXT_MAX),
  familyName: optionalText(CONTACT_TEXT_MAX),
  country: countrySchema,
  state: optionalText(CONTACT_TEXT_MAX),
  city: optionalText(CONTACT_TEXT_MAX),
  language: languageSchema,
  phone: phoneSchema,
  tags: tagsSchema,
  notes: notesSchema,
  sourceDetail: optionalText(200),
});

/** The contact's fields, the state coded relative to the country (decision 019). */
export const contactFormSchema = contactFieldsSchema.transform((v, ctx) => {
  const region = normalizeRegion(v.country, v.state);
  if (region.unknown.length) {
    ctx.addIssue({ code: "custom", path: ["state"], message: "contacts.form.errors.state" });
    return z.NEVER;
  }
  return { ...v, country: region.country, state: region.state };
});
export type ContactInput = z.output<typeof contactFormSchema>;

const basisSchema = z
  .string()
  .optional()
  .transform((v) => v?.trim().normalize("NFC").replace(/\s+/g, " ") ?? "")
  .refine((v) => v.length <= BASIS_MAX, "contacts.form.errors.basisTooLong")
  .transform((v) => (v === "" ? null : v));

/** A manual creation states the consent: confirmed (with its basis) or pending. */
export const manualConsentSchema = z
  .object({
    consentStatus: z.enum(["CONFIRMED", "PENDING"], { message: "contacts.form.errors.consentRequired" }),
    consentBasis: basisSchema,
  })
  .superRefine((value, ctx) => {
    if (value.consentStatus === "CONFIRMED" && !value.consentBasis) {
      ctx.addIssue({ code: "custom", path: ["consentBasis"], message: "contacts.form.errors.basisRequired" });
    }
  })
  .transform((v) => (v.consentStatus === "CONFIRMED" ? { status: "CONFIRMED" as const, basis: v.consentBasis! } : { status: "PENDING" as const, basis: v.consentBasis }));
export type ManualConsent = z.output<typeof manualConsentSchema>;

export const createContactSchema = z.object({ contact: contactFormSchema, consent: manualConsentSchema });

/** Splits the flat form into the contact and its consent, with errors keyed by the form's names. */
export function parseCreateContactForm(form: Record<string, unknown>) {
  const contact = contactFormSchema.safeParse(form);
  const consent = manualConsentSchema.safeParse(form);
  if (contact.success && consent.success) return { success: true as const, data: { contact: contact.data, consent: consent.data } };
  const issues = [...(contact.success ? [] : contact.error.issues), ...(consent.success ? [] : consent.error.issues)];
  return { success: false as const, error: new z.ZodError(issues) };
}

/** The staff actions on a contact's page, one schema per form (`intent` names the form submitted). */
export const contactIntentSchemas = {
  withdrawConsent: z.object({ basis: basisSchema }),
  confirmConsent: z.object({ basis: basisSchema }).refine((v) => !!v.basis, { path: ["basis"], message: "contacts.form.errors.basisRequired" }),
  unsubscribe: z.object({}),
  resubscribe: z.object({ basis: basisSchema }).refine((v) => !!v.basis, { path: ["basis"], message: "contacts.detail.errors.resubscribeNeedsConsent" }),
  erase: z.object({
    confirmEmail: z.string({ message: "contacts.detail.erase.mismatch" }).transform(normalizeContactEmail),
    arcoRequestId: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined)),
  }),
};

export const contactActionSchema = z.discriminatedUnion("intent", [
  contactIntentSchemas.withdrawConsent.extend({ intent: z.literal("withdrawConsent") }),
  z.object({ intent: z.literal("confirmConsent"), basis: basisSchema }).refine((v) => !!v.basis, { path: ["basis"], message: "contacts.form.errors.basisRequired" }),
  z.object({ intent: z.literal("unsubscribe") }),
  z.object({ intent: z.literal("resubscribe"), basis: basisSchema }).refine((v) => !!v.basis, { path: ["basis"], message: "contacts.detail.errors.resubscribeNeedsConsent" }),
  contactIntentSchemas.erase.extend({ intent: z.literal("erase") }),
]);
export type ContactAction = z.output<typeof contactActionSchema>;

export const consentInputSchema = z.object({
  status: z.enum(CONSENT_STATUSES),
  method: z.enum(["IMPORT", "EVENT_SIGNUP", "FORM", "DOUBLE_OPT_IN", "MANUAL"]),
  basis: basisSchema,
});

// ── Merge ───────────────────────────────────────────────────────────────────────────────────────

/** The fields whose surviving value the person chooses; tags are always the union. */
export const MERGE_FIELDS = contactFieldsFor("merge");
export type MergeField = ContactFieldsFor<"merge">;
export type MergeSide = "survivor" | "other";
export type MergeChoices = Partial<Record<MergeField, MergeSide>>;

const sideSchema = z.enum(["a", "b"]);

export const contactIdSchema = z.coerce
  .number({ message: "contacts.merge.errors.contact" })
  .int("contacts.merge.errors.contact")
  .min(1, "contacts.merge.errors.contact")
  .max(2_147_483_647, "contacts.merge.errors.contact");

const fieldChoiceShape = Object.fromEntries(MERGE_FIELDS.map((f) => [`field_${f}`, sideSchema.optional()])) as Record<
  `field_${MergeField}`,
  z.ZodOptional<typeof sideSchema>
>;

/** The chooser posts a/b (the two columns), which column survives, and a/b per field. */
export const mergeFormSchema = z
  .object({
    intent: z.enum(["preview", "confirm"]),
    a: contactIdSchema,
    b: contactIdSchema,
    survivor: sideSchema,
    ...fieldChoiceShape,
  })
  .refine((v) => v.a !== v.b, { path: ["b"], message: "contacts.merge.errors.same" })
  .transform((v) => {
    const survivorId = v.survivor === "a" ? v.a : v.b;
    const otherId = v.survivor === "a" ? v.b : v.a;
    const choices: MergeChoices = {};
    for (const field of MERGE_FIELDS) {
      const side = v[`field_${field}`];
      if (side) choices[field] = side === v.survivor ? "survivor" : "other";
    }
    return { intent: v.intent, a: v.a, b: v.b, survivor: v.survivor, survivorId, otherId, choices };
  });

/** A contact's numeric id from a URL parameter, or null. */
export function parseContactId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}

// ── ARCO requests ───────────────────────────────────────────────────────────────────────────────

export const ARCO_KINDS = ["ACCESS", "RECTIFICATION", "CANCELLATION", "OPPOSITION"] as const;
export const ARCO_STATES = ["RECEIVED", "IN_PROGRESS", "RESOLVED", "REJECTED"] as const;
export const OPEN_ARCO_STATES = ["RECEIVED", "IN_PROGRESS"] as const;

const calendarDateSchema = z
  .string({ message: "contacts.arco.errors.receivedAt" })
  .trim()
  .refine(isCalendarDate, "contacts.arco.errors.receivedAt");

const optionalContactId = z
  .string()
  .optional()
  .transform((v) => v?.trim().replace(/^#/, "") ?? "")
  .refine((v) => v === "" || parseContactId(v) !== null, "contacts.arco.errors.contactId")
  .transform((v) => (v === "" ? null : Number(v)));

const optionalEmail = z
  .string()
  .optional()
  .transform((v) => (v ? normalizeContactEmail(v) : ""))
  .refine((v) => v === "" || isValidEmail(v), "contacts.form.errors.emailInvalid")
  .transform((v) => (v === "" ? null : v));

export const arcoRequestSchema = z.object({
  kind: z.enum(ARCO_KINDS, { message: "contacts.arco.errors.kind" }),
  requesterName: z
    .string({ message: "contacts.arco.errors.requesterName" })
    .transform((v) => v.trim().replace(/\s+/g, " "))
    .pipe(z.string().min(2, "contacts.arco.errors.requesterName").max(200, "contacts.arco.errors.requesterName")),
  requesterEmail: optionalEmail,
  receivedOn: calendarDateSchema,
  contactId: optionalContactId,
  notes: notesSchema,
});
export type ArcoRequestInput = z.output<typeof arcoRequestSchema>;

export const arcoRequestUpdateSchema = arcoRequestSchema.extend({
  state: z.enum(ARCO_STATES, { message: "contacts.arco.errors.state" }),
});
export type ArcoRequestUpdate = z.output<typeof arcoRequestUpdateSchema>;
