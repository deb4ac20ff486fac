/**
 * Every input of the events area, validated with zod: the event form (times typed in the event's
 * own zone), the outcomes form, the list's filter, the staff and photo actions, and the public
 * kiosk's sign-up. Messages are translation keys; the form keeps what was typed.
 */
import { z } from "zod";
// Deep import on purpose: ~/modules/contacts (index.ts) re-exports import/seen-set.ts, which needs
// node:crypto, and this file reaches the browser through ~/modules/events. Back to the barrel once
// the contacts index is client-safe.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { contactEmailSchema } from "~/modules/contacts/schema";
import { normalizeCountry, normalizeRegion, stateFilterValue } from "~/modules/geo";
import { EVENT_DESCRIPTION_MAX, EVENT_KINDS, EVENT_NAME_MAX, EVENT_STATUSES, EVENT_TEXT_MAX, HANDOUT_ITEM_MAX, MAX_COUNT, MAX_HANDOUT_ROWS } from "./fields";
import { isLocalDateTime, isValidTimeZone, zonedToUtc } from "~/lib/time";
import { REPORT_PARTS, type ReportPart } from "~/modules/reports";
import { reportPartProblem } from "./report-part";

const clean = (v: string | undefined) => v?.trim().normalize("NFC").replace(/\s+/g, " ") ?? "";

function optionalText(max: number, message = "events.form.errors.tooLong") {
  return z
    .string()
    .optional()
    .transform(clean)
    .pipe(z.string().max(max, message))
    .transform((v) => (v === "" ? null : v));
}

function longText(max: number, message = "events.form.errors.tooLong") {
  return z
    .string()
    .optional()
    .transform((v) => v?.trim().normalize("NFC") ?? "")
    .pipe(z.string().max(max, message))
    .transform((v) => (v === "" ? null : v));
}

/** A non-negative whole number, or empty (null). Accepts "23,000" and "23 000" as people type them. */
export function optionalCount(message = "events.form.errors.count") {
  return z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(/[\s,]/g, ""))
    .refine((v) => v === "" || (/^\d{1,9}$/.test(v) && Number(v) <= MAX_COUNT), message)
    .transform((v) => (v === "" ? null : Number(v)));
}

/** A country as typed ("MX", "México", "EE. UU."); coded with the state once both are known. */
const regionText = z
  .string()
  .optional()
  .transform(clean)
  .pipe(z.string().max(EVENT_TEXT_MAX, "events.form.errors.tooLong"));

const urlSchema = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim())
  .refine((v) => {
    if (v === "") return true;
    if (v.length > 500) return false;
    try {
      const url = new URL(v);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "events.form.errors.url")
  .transform((v) => (v === "" ? null : v));

const localSchema = (message: string) =>
  z
    .string({ message })
    .transform((v) => v.trim())
    .refine(isLocalDateTime, message);

const optionalLocal = (message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isLocalDateTime(v), message)
    .transform((v) => (v === "" ? null : v));

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((typeof v === "string" ? [v] : (v ?? [])).map((s) => s.trim()).filter(Boolean))])
  .refine((ids) => ids.length <= 50 && ids.every((id) => id.length <= 40), "events.form.errors.partners");

export const eventFormSchema = z
  .object({
    name: z
      .string({ message: "events.form.errors.name" })
      .transform(clean)
      .pipe(z.string().min(2, "events.form.errors.name").max(EVENT_NAME_MAX, "events.form.errors.tooLong")),
    kind: z.enum(EVENT_KINDS, { message: "events.form.errors.kind" }),
    status: z.enum(EVENT_STATUSES, { message: "events.form.errors.status" }),
    timeZone: z
      .string({ message: "events.form.errors.timeZone" })
      .transform((v) => v.trim())
      .refine(isValidTimeZone, "events.form.errors.timeZone"),
    startsLocal: localSchema("events.form.errors.startsAt"),
    endsLocal: localSchema("events.form.errors.endsAt"),
    country: regionText,
    state: regionText,
    city: optionalText(EVENT_TEXT_MAX),
    venue: optionalText(EVENT_TEXT_MAX),
    onlineUrl: urlSchema,
    expectedAttendance: optionalCount(),
    description: longText(EVENT_DESCRIPTION_MAX),
    materialsRequest: longText(2000),
    partnerIds: idList,
    kioskEnabled: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true" || v === "1"),
    signupOpensLocal: optionalLocal("events.form.errors.signupOpensAt"),
    signupClosesLocal: optionalLocal("events.form.errors.signupClosesAt"),
    // «Se informa en»: empty, or the same as the marker (the default the form was shown with), is
    // «not chosen»: the default is computed again on save from what was saved (kind, country,
    // institutions). Any other value is the user's choice, kept and checked.
    reportPart: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim())
      .refine((v): v is ReportPart | "" => v === "" || (REPORT_PARTS as readonly string[]).includes(v), "events.form.errors.reportPart"),
    reportPartDefault: z
      .string()
      .optional()
      .transform((v) => (v ?? "").trim().slice(0, 40)),
  })
  .superRefine((v, ctx) => {
    // The same rule as contacts and partners (decision 019): an unknown value is refused, never stored as text.
    for (const { field } of normalizeRegion(v.country, v.state).unknown) {
      ctx.addIssue({ code: "custom", path: [field], message: field === "country" ? "events.form.errors.countryUnknown" : "events.form.errors.stateUnknown" });
    }
    const chosen = chosenReportPart(v.reportPart, v.reportPartDefault);
    if (chosen && normalizeRegion(v.country, v.state).unknown.length === 0) {
      const region = regionOf(v.country, v.state);
      const problem = reportPartProblem(chosen, { kind: v.kind, country: region.country, onlineUrl: v.onlineUrl, venue: v.venue });
      if (problem) ctx.addIssue({ code: "custom", path: ["reportPart"], message: problem });
    }
    if (!isValidTimeZone(v.timeZone)) return;
    // A field refused above (not a calendar time, or a year out of range) still reaches this
    // check: comparing it would throw (a 500), so only valid times are compared.
    const valid = (local: string | null): local is string => !!local && isLocalDateTime(local);
    if (valid(v.startsLocal) && valid(v.endsLocal) && zonedToUtc(v.endsLocal, v.timeZone) <= zonedToUtc(v.startsLocal, v.timeZone)) {
      ctx.addIssue({ code: "custom", path: ["endsLocal"], message: "events.form.errors.endBeforeStart" });
    }
    if (v.kioskEnabled) {
      if (!v.signupOpensLocal) ctx.addIssue({ code: "custom", path: ["signupOpensLocal"], message: "events.form.errors.signupOpensAt" });
      if (!v.signupClosesLocal) ctx.addIssue({ code: "custom", path: ["signupClosesLocal"], message: "events.form.errors.signupClosesAt" });
      if (valid(v.signupOpensLocal) && valid(v.signupClosesLocal) && zonedToUtc(v.signupClosesLocal, v.timeZone) <= zonedToUtc(v.signupOpensLocal, v.timeZone)) {
        ctx.addIssue({ code: "custom", path: ["signupClosesLocal"], message: "events.form.errors.signupWindow" });
      }
    }
  })
  .transform((v) => ({
    ...regionOf(v.country, v.state),
    name: v.name,
    kind: v.kind,
    status: v.status,
    timeZone: v.timeZone,
    startsAt: zonedToUtc(v.startsLocal, v.timeZone),
    endsAt: zonedToUtc(v.endsLocal, v.timeZone),
    city: v.city,
    venue: v.venue,
    onlineUrl: v.onlineUrl,
    expectedAttendance: v.expectedAttendance,
    description: v.description,
    materialsRequest: v.materialsRequest,
    partnerIds: v.partnerIds,
    /** null: not chosen — the events module applies defaultEventReportPart on save. */
    reportPart: chosenReportPart(v.reportPart, v.reportPartDefault),
    kiosk: v.kioskEnabled && v.signupOpensLocal && v.signupClosesLocal
      ? { opensAt: zonedToUtc(v.signupOpensLocal, v.timeZone), closesAt: zonedToUtc(v.signupClosesLocal, v.timeZone) }
      : null,
  }));
export type EventInput = z.output<typeof eventFormSchema>;

/** The part the user chose, or null when the select was left on the default it showed. */
function chosenReportPart(posted: ReportPart | "", shownDefault: string): ReportPart | null {
  if (posted === "" || posted === shownDefault) return null;
  return posted;
}

function regionOf(country: string, state: string): { country: string | null; state: string | null } {
  const region = normalizeRegion(country, state);
  return { country: region.country, state: region.state };
}

// ── Outcomes ────────────────────────────────────────────────────────────────────────────────────

export type HandoutInput = { materialId: string; quantity: number };

/**
 * The outcomes form: counts, notes, and the materials handed out as rows (a material of the
 * catalogue, a quantity). The rows say how many were handed out in all; the materials area turns
 * the difference into ledger movements.
 */
export function parseOutcomesForm(form: { get(name: string): FormDataEntryValue | null; getAll(name: string): FormDataEntryValue[] }) {
  const errors: Record<string, string> = {};
  const counts = z
    .object({
      estimatedAttendance: optionalCount(),
      credentialAppointments: optionalCount(),
      registrationRequests: optionalCount(),
      outcomeNotes: longText(EVENT_DESCRIPTION_MAX),
    })
    .safeParse({
      estimatedAttendance: form.get("estimatedAttendance") ?? undefined,
      credentialAppointments: form.get("credentialAppointments") ?? undefined,
      registrationRequests: form.get("registrationRequests") ?? undefined,
      outcomeNotes: form.get("outcomeNotes") ?? undefined,
    });
  if (!counts.success) {
    for (const issue of counts.error.issues) errors[issue.path.join(".")] ??= issue.message;
  }
  const materials = form.getAll("handoutMaterial").map((v) => (typeof v === "string" ? v.trim() : ""));
  const quantities = form.getAll("handoutQty").map((v) => (typeof v === "string" ? v.trim().replace(/[\s,]/g, "") : ""));
  const handouts: HandoutInput[] = [];
  const rows = Math.max(materials.length, quantities.length);
  if (rows > MAX_HANDOUT_ROWS) errors.handouts = "events.outcomes.errors.tooManyRows";
  for (let i = 0; i < Math.min(rows, MAX_HANDOUT_ROWS); i += 1) {
    const materialId = materials[i] ?? "";
    const qty = quantities[i] ?? "";
    if (materialId === "" && qty === "") continue;
    if (materialId === "" || materialId.length > HANDOUT_ITEM_MAX) errors[`handoutMaterial.${i}`] = "events.outcomes.errors.itemRequired";
    if (!/^\d{1,9}$/.test(qty) || Number(qty) > MAX_COUNT) errors[`handoutQty.${i}`] = "events.outcomes.errors.quantity";
    if (!errors[`handoutMaterial.${i}`] && !errors[`handoutQty.${i}`]) handouts.push({ materialId, quantity: Number(qty) });
  }
  // The same material twice is one row with the quantities added; a zero row sets it to zero.
  const merged = new Map<string, number>();
  for (const h of handouts) merged.set(h.materialId, (merged.get(h.materialId) ?? 0) + h.quantity);
  if (Object.keys(errors).length > 0 || !counts.success) return { success: false as const, errors };
  return { success: true as const, data: { ...counts.data, handouts: [...merged].map(([materialId, quantity]) => ({ materialId, quantity })) } };
}
export type OutcomesInput = Extract<ReturnType<typeof parseOutcomesForm>, { success: true }>["data"];

// ── List filter ─────────────────────────────────────────────────────────────────────────────────

const dateParam = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined));

const textParam = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => {
      const t = v?.trim();
      return t ? t.slice(0, max) : undefined;
    });

export const eventFilterSchema = z.object({
  q: textParam(200),
  kind: z.enum(EVENT_KINDS).optional().catch(undefined),
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  // A name in the URL ("?country=México", "?state=Texas") filters by the code, as the contacts list does.
  country: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? (normalizeCountry(v) ?? undefined) : undefined)),
  state: textParam(EVENT_TEXT_MAX),
  from: dateParam,
  to: dateParam,
  staff: textParam(40),
  partner: textParam(40),
  reportPart: z.enum(REPORT_PARTS).optional().catch(undefined),
});
export type EventFilter = Partial<z.output<typeof eventFilterSchema>>;
export const EVENT_FILTER_KEYS = ["q", "kind", "status", "country", "state", "from", "to", "staff", "partner", "reportPart"] as const;

export function filterFromSearchParams(params: URLSearchParams): EventFilter {
  const raw: Record<string, string> = {};
  for (const key of EVENT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const filter = eventFilterSchema.parse(raw);
  if (filter.state) filter.state = stateFilterValue(filter.state, filter.country);
  return filter;
}

export function filterToSearchParams(filter: EventFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of EVENT_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function isFiltered(filter: EventFilter): boolean {
  return EVENT_FILTER_KEYS.some((key) => !!filter[key]);
}

// ── Staff and photos ────────────────────────────────────────────────────────────────────────────

/** One schema per form of an event's page (handleIntents picks it by the posted `intent`). */
const staffUser = z.string().trim().min(1).max(40);
export const EVENT_INTENTS = {
  addStaff: z.object({ userId: z.string({ message: "events.staff.errors.user" }).trim().min(1, "events.staff.errors.user").max(40) }),
  confirmStaff: z.object({ userId: staffUser, confirmed: z.enum(["true", "false"]).transform((v) => v === "true") }),
  removeStaff: z.object({ userId: staffUser }),
  deletePhoto: z.object({ photoId: z.string().trim().min(1).max(40) }),
  markMaterialsRequested: z.object({}),
} as const;

export const eventActionSchema = z.discriminatedUnion("intent", [
  EVENT_INTENTS.addStaff.extend({ intent: z.literal("addStaff") }),
  EVENT_INTENTS.confirmStaff.extend({ intent: z.literal("confirmStaff") }),
  EVENT_INTENTS.removeStaff.extend({ intent: z.literal("removeStaff") }),
  EVENT_INTENTS.deletePhoto.extend({ intent: z.literal("deletePhoto") }),
  EVENT_INTENTS.markMaterialsRequested.extend({ intent: z.literal("markMaterialsRequested") }),
]);
export type EventAction = z.output<typeof eventActionSchema>;

export const photoCaptionSchema = optionalText(300);

// ── Kiosk ───────────────────────────────────────────────────────────────────────────────────────

export const kioskLanguageSchema = z.enum(["es", "en"]).catch("es");

export const kioskSignupSchema = z.object({
  givenName: z
    .string({ message: "events.kiosk.errors.givenName" })
    .transform(clean)
    .pipe(z.string().min(1, "events.kiosk.errors.givenName").max(120, "events.kiosk.errors.tooLong")),
  familyName: optionalText(120, "events.kiosk.errors.tooLong"),
  email: z
    .string({ message: "events.kiosk.errors.email" })
    .max(320, "events.kiosk.errors.email")
    .pipe(contactEmailSchema),
  country: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().toUpperCase())
    .refine((v) => v === "" || /^[A-Z]{2}$/.test(v), "events.kiosk.errors.country")
    .transform((v) => (v === "" ? null : v)),
  state: optionalText(120, "events.kiosk.errors.tooLong"),
  language: z.enum(["es", "en"], { message: "events.kiosk.errors.language" }),
  consent: z.literal("on", { message: "events.kiosk.errors.consent" }),
  noticeVersion: z.coerce.number({ message: "events.kiosk.errors.notice" }).int().min(1, "events.kiosk.errors.notice"),
});
export type KioskSignupInput = z.output<typeof kioskSignupSchema>;

/** The field robots fill in and people never see. */
export const HONEYPOT_FIELD = "website";
