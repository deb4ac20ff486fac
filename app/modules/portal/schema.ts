/**
 * The portal's forms (client-safe). Messages are translation keys; fields read raw strings (a
 * blank optional field is null).
 */
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth";

/** The field robots fill in and people never see (as on the event kiosk). */
export const PORTAL_HONEYPOT = "website";

// The limit is checked on the text as typed; optional stays visible to the browser-side
// constraints (a .pipe() after the trim would make Conform mark the field required).
const text = (max: number, key = "portal.errors.tooLong") =>
  z
    .string()
    .max(max, key)
    .optional()
    .transform((v) => {
      const value = (v ?? "").trim().normalize("NFC");
      return value === "" ? null : value;
    });

const requiredText = (max: number, requiredKey: string) =>
  z
    .string({ message: requiredKey })
    .transform((v) => v.trim().normalize("NFC"))
    .pipe(z.string().min(1, requiredKey).max(max, "portal.errors.tooLong"));

const email = z
  .string({ message: "portal.errors.emailInvalid" })
  .transform((v) => v.trim().toLowerCase())
  .pipe(z.string().min(3, "portal.errors.emailInvalid").max(320, "portal.errors.emailInvalid").email("portal.errors.emailInvalid"));

const password = z
  .string({ message: "portal.errors.passwordShort" })
  .min(PASSWORD_MIN_LENGTH, "portal.errors.passwordShort")
  .max(200, "portal.errors.tooLong");

const honeypot = { [PORTAL_HONEYPOT]: z.string().optional() };

export const signUpSchema = z.object({ email, password, ...honeypot });
export const loginSchema = z.object({ email, password: z.string({ message: "portal.errors.passwordRequired" }).min(1, "portal.errors.passwordRequired").max(200) });
export const forgotSchema = z.object({ email, ...honeypot });
export const resetSchema = z.object({ password });
export const inviteSchema = z.object({ email });
export const revokeInviteSchema = z.object({ invitationId: z.string().regex(/^[0-9a-f-]{36}$/, "portal.errors.notFound") });

export const organisationSchema = z.object({
  name: requiredText(200, "portal.errors.orgNameRequired"),
  taxId: text(40),
  state: text(120),
  city: text(120),
  contactName: requiredText(200, "portal.errors.contactNameRequired"),
  phone: text(40),
});
export type OrganisationInput = z.output<typeof organisationSchema>;

const budget = z
  .string()
  .optional()
  .transform((v) => (v ?? "").trim().replace(/[,$\s]/g, ""))
  .refine((v) => v === "" || /^\d{1,10}(\.\d{1,2})?$/.test(v), "portal.errors.budget")
  .transform((v) => (v === "" ? null : v));

export const draftSchema = z.object({
  title: text(200),
  summary: text(4000),
  targetCommunities: text(1000),
  targetCities: text(1000),
  requestedBudget: budget,
  requirementId: text(40),
});
export type DraftInput = z.output<typeof draftSchema>;

export const removeDocumentSchema = z.object({ documentId: z.string().regex(/^[a-z0-9]{10,40}$/, "portal.errors.notFound") });

export const answerSchema = z.object({ requestId: z.string().regex(/^[a-z0-9]{10,40}$/, "portal.errors.notFound"), note: text(4000) });

export const enquirySchema = z.object({
  organisation: requiredText(200, "portal.errors.orgNameRequired"),
  topic: requiredText(200, "portal.errors.topicRequired"),
  notes: text(2000),
  ...honeypot,
});
export type PortalEnquiryInput = z.output<typeof enquirySchema>;

/** The office's side: link a portal organisation to a civil-society partner (or create one). */
export const confirmMatchSchema = z.object({
  organisationId: z.string().regex(/^[a-z0-9]{10,40}$/, "portal.errors.notFound"),
  partnerId: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || /^[a-z0-9]{10,40}$/.test(v), "portal.errors.notFound")
    .transform((v) => (v === "" ? null : v)),
});

export const publishSchema = z.object({
  slug: z
    .string({ message: "portal.errors.slug" })
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.string().regex(/^[a-z0-9-]{3,80}$/, "portal.errors.slug")),
});

export const faqSchema = z.object({ faq: text(20_000), lateRule: text(2000) });

export type FaqEntry = { q: string; a: string };

/** The office writes the FAQ as blocks separated by a blank line: the first line asks, the rest answers. */
export function faqFromText(value: string | null): FaqEntry[] {
  if (!value) return [];
  return value
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const [q, ...rest] = block.split("\n");
      return { q: (q ?? "").trim(), a: rest.join("\n").trim() };
    });
}

export function faqToText(entries: readonly FaqEntry[]): string {
  return entries.map((e) => `${e.q}\n${e.a}`).join("\n\n");
}

/** The stages an organisation sees, in order (the office's statuses, named for the applicant). */
export const PORTAL_STAGES = ["DRAFT", "RECEIVED", "IN_REVIEW", "CORRECTIONS_REQUESTED", "REGISTERED", "NOT_REGISTERED", "WITHDRAWN"] as const;
export type PortalStage = (typeof PORTAL_STAGES)[number];

export const PORTAL_STAGE_TONES = {
  DRAFT: "neutral",
  RECEIVED: "info",
  IN_REVIEW: "info",
  CORRECTIONS_REQUESTED: "warning",
  REGISTERED: "success",
  NOT_REGISTERED: "danger",
  WITHDRAWN: "neutral",
} as const satisfies Record<PortalStage, string>;

/** Whole days and hours left before a deadline (the countdown), or null once it has passed. */
export function countdown(deadline: Date, now: Date = new Date()): { days: number; hours: number } | null {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return null;
  const hours = Math.floor(ms / 3_600_000);
  return { days: Math.floor(hours / 24), hours: hours % 24 };
}
