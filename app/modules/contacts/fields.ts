/**
 * The contact's fields as the outside world sees them: CSV columns (export header order, which
 * imports read back), languages, sources. Shared by import, export, the list and the contact page.
 */
import type { ConsentStatus, ContactSource, SubscriptionStatus } from "~/generated/prisma/enums";

export const CONTACT_SOURCES = ["IMPORT", "EVENT_SIGNUP", "FORM", "PARTNER", "MANUAL"] as const satisfies readonly ContactSource[];
export const CONSENT_STATUSES = ["PENDING", "CONFIRMED", "WITHDRAWN"] as const satisfies readonly ConsentStatus[];
export const SUBSCRIPTION_STATUSES = ["SUBSCRIBED", "UNSUBSCRIBED", "BOUNCED", "COMPLAINED"] as const satisfies readonly SubscriptionStatus[];

/** Columns of an export, in this order; an export imports back as it is. */
export const EXPORT_COLUMNS = [
  "email",
  "givenName",
  "familyName",
  "country",
  "state",
  "city",
  "language",
  "phone",
  "tags",
  "notes",
  "source",
  "consentStatus",
  "subscriptionStatus",
  "createdAt",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const EXPORT_HEADERS: Record<"es" | "en", Record<ExportColumn, string>> = {
  es: {
    email: "correo",
    givenName: "nombre",
    familyName: "apellidos",
    country: "país",
    state: "estado",
    city: "ciudad",
    language: "idioma",
    phone: "teléfono",
    tags: "etiquetas",
    notes: "notas",
    source: "fuente",
    consentStatus: "consentimiento",
    subscriptionStatus: "suscripción",
    createdAt: "creado",
  },
  en: {
    email: "email",
    givenName: "first_name",
    familyName: "last_name",
    country: "country",
    state: "state",
    city: "city",
    language: "language",
    phone: "phone",
    tags: "tags",
    notes: "notes",
    source: "source",
    consentStatus: "consent",
    subscriptionStatus: "subscription",
    createdAt: "created_at",
  },
};

/** Tags travel in one CSV cell, separated by this. */
export const TAG_SEPARATOR = ";";

/** Trimmed, lower-cased, Unicode NFC: the one identity of a contact. */
export function normalizeContactEmail(email: string): string {
  return email.trim().normalize("NFC").toLowerCase();
}

// Deliberately permissive (the local part may hold accents); rejects what cannot be delivered.
const EMAIL_RE = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]{2,}$/u;

export function isValidEmail(normalized: string): boolean {
  return normalized.length <= 320 && EMAIL_RE.test(normalized);
}

export function normalizeTags(value: string | readonly string[] | null | undefined): string[] {
  const parts = typeof value === "string" ? value.split(/[;,|]/) : (value ?? []);
  const seen = new Set<string>();
  for (const part of parts) {
    const tag = part.trim().normalize("NFC").toLowerCase().slice(0, 60);
    if (tag) seen.add(tag);
  }
  return [...seen].sort();
}
