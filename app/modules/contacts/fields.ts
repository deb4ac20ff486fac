/**
 * The contact's fields as the outside world sees them: CSV columns (export header order, which
 * imports read back), languages, sources. Shared by import, export, the list and the contact page.
 */
import type { ConsentStatus, ContactSource, SubscriptionStatus } from "~/generated/prisma/enums";

export const CONTACT_SOURCES = ["IMPORT", "EVENT_SIGNUP", "FORM", "PARTNER", "MANUAL"] as const satisfies readonly ContactSource[];
export const CONSENT_STATUSES = ["PENDING", "CONFIRMED", "WITHDRAWN"] as const satisfies readonly ConsentStatus[];
export const SUBSCRIPTION_STATUSES = ["SUBSCRIBED", "UNSUBSCRIBED", "BOUNCED", "COMPLAINED"] as const satisfies readonly SubscriptionStatus[];

/**
 * Where a field takes part: the CSV export (and the import that reads an export back), the import's
 * column mapping, the merge chooser, the contact form, the audit snapshot (what a person can change).
 */
type FieldUse = "export" | "import" | "merge" | "form" | "audit";

/**
 * A contact's data fields, once, in the order people read them (the export's column order). Each
 * field says what its value is (`kind`) and where it takes part (`uses`); every other list of
 * fields — export columns, import targets, merge choices, row types — is a selection of this one.
 */
export const CONTACT_FIELDS = {
  email: { kind: "email", uses: ["export", "import", "merge", "form", "audit"] },
  givenName: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  familyName: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  country: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  state: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  city: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  language: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  phone: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  // Tags are never chosen in a merge: the survivor keeps the union.
  tags: { kind: "tags", uses: ["export", "import", "form", "audit"] },
  notes: { kind: "text", uses: ["export", "import", "merge", "form", "audit"] },
  source: { kind: "code", uses: ["export", "merge", "audit"] },
  sourceDetail: { kind: "text", uses: ["form", "audit"] },
  partnerId: { kind: "id", uses: ["audit"] },
  // Statuses from a file only apply to the contacts an import creates.
  consentStatus: { kind: "code", uses: ["export", "import", "audit"] },
  subscriptionStatus: { kind: "code", uses: ["export", "import", "audit"] },
  createdAt: { kind: "date", uses: ["export"] },
} as const satisfies Record<string, { kind: string; uses: readonly FieldUse[] }>;

export type ContactField = keyof typeof CONTACT_FIELDS;

/** The fields taking part in `use`, as a type. */
export type ContactFieldsFor<U extends FieldUse> = {
  [K in ContactField]: U extends (typeof CONTACT_FIELDS)[K]["uses"][number] ? K : never;
}[ContactField];

/** The fields taking part in `use`, in CONTACT_FIELDS order. */
export function contactFieldsFor<U extends FieldUse>(use: U): ReadonlyArray<ContactFieldsFor<U>> {
  return (Object.keys(CONTACT_FIELDS) as ContactField[]).filter((key) => (CONTACT_FIELDS[key].uses as readonly FieldUse[]).includes(use)) as Array<ContactFieldsFor<U>>;
}

/** The translation key of a field's label. */
export function contactFieldLabel(key: ContactField): string {
  return key === "source" || key === "createdAt" ? `contacts.detail.${key}` : `contacts.form.fields.${key}`;
}

type KindValue<D> = { email: string; text: string | null; tags: string[]; code: string; id: number | null; date: D };

/** A contact's field values by kind; `D` is how a date arrives (Date on the server, string after JSON). */
export type ContactValues<D = Date> = { [K in ContactField]: KindValue<D>[(typeof CONTACT_FIELDS)[K]["kind"]] };

/** A contact as pages show it: every field but the partner link, with its id and last change. */
export type ContactView = Omit<ContactValues<string | Date>, "partnerId"> & { id: number; updatedAt: string | Date };

/** The fields the contacts list shows or sorts by. */
export type ContactListField = Exclude<ExportColumn, "phone" | "notes">;
export type ContactListRow<D = Date> = { id: number } & Pick<ContactValues<D>, ContactListField>;

/** Columns of an export, in this order; an export imports back as it is. */
export const EXPORT_COLUMNS = contactFieldsFor("export");
export type ExportColumn = ContactFieldsFor<"export">;

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
