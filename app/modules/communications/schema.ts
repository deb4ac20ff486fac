/** The communications forms (zod; messages are i18n keys under communications.errors). */
import { z } from "zod";
import { countryCodes } from "~/modules/geo";
import { isCalendarDate } from "~/lib/params";
import { MEDIA_MEDIUMS, MEDIA_TONES, MEDIA_TYPES, NETWORKS, OWNER_AREAS } from "./shapes";

const MAX_COUNT = 2_000_000_000;

/** "52,384", "52 384", "52384" → 52384; empty → null. */
const optionalCount = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().replace(/[,\s]/g, ""))
  .refine((v) => v === "" || /^\d+$/.test(v), "communications.errors.wholeNumber")
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((v) => v === null || v <= MAX_COUNT, "communications.errors.tooLarge");

const requiredCount = optionalCount.refine((v): v is number => v !== null, "communications.errors.required").transform((v) => v as number);

const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v.length <= max, "communications.errors.tooLong")
    .transform((v) => (v === "" ? null : v));

export const accountSchema = z.object({
  network: z.enum(NETWORKS, { message: "communications.errors.network" }),
  ownerArea: z.enum(OWNER_AREAS, { message: "communications.errors.ownerArea" }),
  handle: z
    .string({ message: "communications.errors.required" })
    .trim()
    .min(1, "communications.errors.required")
    .max(100, "communications.errors.tooLong"),
  name: text(200),
  active: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "true" || v === "1"),
});
export type AccountInput = z.infer<typeof accountSchema>;

export const accountMonthSchema = z.object({
  posts: requiredCount,
  impressions: optionalCount,
  reach: optionalCount,
  followers: optionalCount,
  shares: optionalCount,
  likes: optionalCount,
  comments: optionalCount,
  engagements: optionalCount,
  bestPost: text(500),
  bestPostReach: optionalCount,
  // What the figures came from: the CSV preview's form says CSV; anything else is typed.
  source: z
    .string()
    .optional()
    .transform((v): "TYPED" | "CSV" => (v === "CSV" ? "CSV" : "TYPED")),
});
export type AccountMonthInput = z.infer<typeof accountMonthSchema>;

const accountId = z.string({ message: "communications.errors.account" }).regex(/^[A-Za-z0-9_-]{1,64}$/, "communications.errors.account");

/** One account's month, typed or read from a CSV, as the month page posts it. */
export const accountMonthFormSchema = accountMonthSchema.extend({ accountId });

/** A network's CSV to read (nothing is saved until its figures are confirmed). */
export const networkCsvSchema = z.object({
  accountId,
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File && v.size > 0, "communications.import.fileRequired"),
});

export const MICROSITE_TOP = 10;

export const micrositeSchema = z
  .object({
    visits: requiredCount,
    countries: requiredCount,
    // One select per place: a form posts the field once per select (or once, or not at all).
    topCountries: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().trim()).max(MICROSITE_TOP, "communications.errors.topCountries")),
  })
  .transform((v) => ({ ...v, topCountries: v.topCountries.filter((c) => c !== "") }))
  .superRefine((v, ctx) => {
    const known = countryCodes();
    v.topCountries.forEach((c, i) => {
      if (!known.includes(c)) ctx.addIssue({ code: "custom", path: ["topCountries", i], message: "communications.errors.country" });
    });
    if (new Set(v.topCountries).size !== v.topCountries.length) ctx.addIssue({ code: "custom", path: ["topCountries"], message: "communications.errors.countryTwice" });
    if (v.topCountries.length > v.countries) ctx.addIssue({ code: "custom", path: ["countries"], message: "communications.errors.fewerCountries" });
  });
export type MicrositeInput = z.infer<typeof micrositeSchema>;

export const mediaNoteSchema = z.object({
  publishedOn: z
    .string({ message: "communications.errors.date" })
    .trim()
    .refine((v) => isCalendarDate(v), "communications.errors.date"),
  outlet: z
    .string({ message: "communications.errors.required" })
    .trim()
    .min(1, "communications.errors.required")
    .max(200, "communications.errors.tooLong"),
  medium: z.enum(MEDIA_MEDIUMS, { message: "communications.errors.medium" }),
  type: z.enum(MEDIA_TYPES, { message: "communications.errors.type" }),
  tone: z.enum(MEDIA_TONES, { message: "communications.errors.tone" }),
  title: text(500),
  link: text(2000).refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "communications.errors.link"),
});
export type MediaNoteInput = z.infer<typeof mediaNoteSchema>;
