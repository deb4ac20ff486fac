/**
 * Every input of the materials area, validated with zod. Messages are translation keys; the
 * forms keep what was typed.
 */
import { z } from "zod";
import { MATERIAL_AUDIENCES, MATERIAL_KINDS, MANUAL_LOCATION_KINDS, MAX_LINES, MAX_QUANTITY, NAME_MAX, SHIPMENT_STATUSES, TEXT_MAX } from "./fields";

const clean = (v: string | undefined) => v?.trim().normalize("NFC").replace(/\s+/g, " ") ?? "";

/** An optional two-letter code (a language «es», a country «MX»), folded to one case; "" → null. */
const twoLetterCode = (letterCase: "lower" | "upper", message: string) =>
  z
    .string()
    .optional()
    .transform((v) => (letterCase === "lower" ? (v ?? "").trim().toLowerCase() : (v ?? "").trim().toUpperCase()))
    .refine((v) => v === "" || /^[a-zA-Z]{2}$/.test(v), message)
    .transform((v) => (v === "" ? null : v));

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform(clean)
    .pipe(z.string().max(max, "materials.errors.tooLong"))
    .transform((v) => (v === "" ? null : v));

const requiredText = (max: number, message: string) =>
  z
    .string({ message })
    .transform(clean)
    .pipe(z.string().min(1, message).max(max, "materials.errors.tooLong"));

/** A whole number from 1 to MAX_QUANTITY; accepts "2,000" and "2 000" as people type them. */
export const quantitySchema = z
  .string({ message: "materials.errors.quantity" })
  .transform((v) => v.trim().replace(/[\s,]/g, ""))
  .refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_QUANTITY, "materials.errors.quantity")
  .transform(Number);

const id = (message: string) => z.string({ message }).trim().min(1, message).max(60, message);

export const materialFormSchema = z.object({
  code: z
    .string({ message: "materials.errors.code" })
    .transform((v) => v.trim().toUpperCase())
    .refine((v) => /^[A-Z0-9][A-Z0-9._-]{0,39}$/.test(v), "materials.errors.code"),
  name: requiredText(NAME_MAX, "materials.errors.name"),
  kind: z.enum(MATERIAL_KINDS, { message: "materials.errors.kind" }),
  audience: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(MATERIAL_AUDIENCES, { message: "materials.errors.audience" }).optional())
    .transform((v) => v ?? null),
  language: twoLetterCode("lower", "materials.errors.language"),
  unit: z
    .string()
    .optional()
    .transform(clean)
    .pipe(z.string().max(40, "materials.errors.tooLong"))
    .transform((v) => v || "pieza"),
  lowStockThreshold: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(/[\s,]/g, ""))
    .refine((v) => v === "" || (/^\d{1,9}$/.test(v) && Number(v) <= MAX_QUANTITY), "materials.errors.threshold")
    .transform((v) => (v === "" ? 0 : Number(v))),
  active: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type MaterialInput = z.output<typeof materialFormSchema>;

export const locationFormSchema = z.object({
  name: requiredText(NAME_MAX, "materials.errors.name"),
  kind: z.enum(MANUAL_LOCATION_KINDS, { message: "materials.errors.locationKind" }),
  partnerId: optionalText(60),
  country: twoLetterCode("upper", "materials.errors.country"),
  state: optionalText(120),
  city: optionalText(120),
  active: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true"),
});
export type LocationInput = z.output<typeof locationFormSchema>;

const reason = requiredText(TEXT_MAX, "materials.errors.reason");

/** The movement forms on a material's page (intent = the movement's kind). */
export const movementFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("RECEIPT"), toLocationId: id("materials.errors.location"), quantity: quantitySchema, supplier: requiredText(NAME_MAX, "materials.errors.supplier"), orderRef: optionalText(120) }),
  z.object({ intent: z.literal("TRANSFER"), fromLocationId: id("materials.errors.location"), toLocationId: id("materials.errors.location"), quantity: quantitySchema, reason: optionalText(TEXT_MAX) }),
  z.object({ intent: z.literal("RETURN"), fromLocationId: id("materials.errors.location"), toLocationId: id("materials.errors.location"), quantity: quantitySchema, reason: optionalText(TEXT_MAX) }),
  z.object({
    intent: z.literal("ADJUSTMENT"),
    locationId: id("materials.errors.location"),
    direction: z.enum(["in", "out"], { message: "materials.errors.direction" }),
    quantity: quantitySchema,
    reason,
  }),
  z.object({ intent: z.literal("LOSS"), fromLocationId: id("materials.errors.location"), quantity: quantitySchema, reason }),
  z.object({ intent: z.literal("REVERSAL"), movementId: z.string().trim().regex(/^\d{1,18}$/, "materials.errors.movement"), reason }),
]);
export type MovementForm = z.output<typeof movementFormSchema>;

/** Shipment lines from parallel fields lineMaterial / lineQty; errors point at the row. */
export function parseLines(form: { getAll(name: string): FormDataEntryValue[] }) {
  const materials = form.getAll("lineMaterial").map((v) => (typeof v === "string" ? v.trim() : ""));
  const quantities = form.getAll("lineQty").map((v) => (typeof v === "string" ? v : ""));
  const errors: Record<string, string> = {};
  const lines: Array<{ materialId: string; quantity: number }> = [];
  const rows = Math.max(materials.length, quantities.length);
  if (rows > MAX_LINES) errors.lines = "materials.errors.tooManyLines";
  for (let i = 0; i < Math.min(rows, MAX_LINES); i += 1) {
    const materialId = materials[i] ?? "";
    const qty = (quantities[i] ?? "").trim();
    if (materialId === "" && qty === "") continue;
    if (materialId === "" || materialId.length > 60) errors[`lineMaterial.${i}`] = "materials.errors.material";
    const q = quantitySchema.safeParse(qty);
    if (!q.success) errors[`lineQty.${i}`] = "materials.errors.quantity";
    if (!errors[`lineMaterial.${i}`] && q.success) lines.push({ materialId, quantity: q.data });
  }
  if (lines.length === 0 && Object.keys(errors).length === 0) errors.lines = "materials.errors.noLines";
  return Object.keys(errors).length ? { success: false as const, errors } : { success: true as const, lines };
}

export const shipmentFormSchema = z
  .object({
    fromLocationId: id("materials.errors.from"),
    destinationKind: z.enum(["location", "event", "partner"], { message: "materials.errors.destination" }),
    toLocationId: z.string().optional(),
    eventId: z.string().optional(),
    partnerId: z.string().optional(),
    carrier: optionalText(120),
    trackingRef: optionalText(120),
    notes: optionalText(TEXT_MAX),
  })
  .superRefine((v, ctx) => {
    const target = v.destinationKind === "location" ? v.toLocationId : v.destinationKind === "event" ? v.eventId : v.partnerId;
    if (!target?.trim()) ctx.addIssue({ code: "custom", path: ["destination"], message: "materials.errors.destination" });
  })
  .transform((v) => ({
    fromLocationId: v.fromLocationId,
    destination:
      v.destinationKind === "location"
        ? ({ kind: "location", locationId: v.toLocationId!.trim() } as const)
        : v.destinationKind === "event"
          ? ({ kind: "event", eventId: v.eventId!.trim() } as const)
          : ({ kind: "partner", partnerId: v.partnerId!.trim() } as const),
    carrier: v.carrier,
    trackingRef: v.trackingRef,
    notes: v.notes,
  }));

export const shipmentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("prepare") }),
  z.object({ intent: z.literal("ship"), carrier: optionalText(120), trackingRef: optionalText(120) }),
  z.object({ intent: z.literal("receive"), note: optionalText(TEXT_MAX) }),
  z.object({ intent: z.literal("cancel") }),
  z.object({ intent: z.literal("lines") }),
]);

export const shipmentStatusParam = z.enum(SHIPMENT_STATUSES).optional().catch(undefined);

/** "2017-11" → year and month; anything else → undefined. */
export function parseMonth(value: string | null | undefined): { year: number; month: number } | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(value ?? "");
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= 2000 && year <= 2200 && month >= 1 && month <= 12 ? { year, month } : undefined;
}

/**
 * The «received» quantities of a receive form (`received.<materialId>` fields): "0" is a line that
 * never arrived; anything else must be a quantity. Errors are keyed by field name.
 */
export function parseReceived(form: Iterable<[string, FormDataEntryValue]>) {
  const received: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const [key, value] of form) {
    if (!key.startsWith("received.") || typeof value !== "string") continue;
    const materialId = key.slice("received.".length);
    if (value.trim() === "0") received[materialId] = 0;
    else {
      const q = quantitySchema.safeParse(value);
      if (q.success) received[materialId] = q.data;
      else errors[key] = "materials.errors.quantity";
    }
  }
  return Object.keys(errors).length ? { success: false as const, errors } : { success: true as const, received };
}
