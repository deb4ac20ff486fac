/**
 * One record of a file → the contact as it will be stored, or the reason it is rejected. Pure and
 * shared by the preview, the dry run and the import, so all three agree byte for byte.
 */
import type { ConsentStatus, SubscriptionStatus } from "~/generated/prisma/enums";
import { isValidEmail, normalizeContactEmail, normalizeTags, type ContactValues } from "../fields";
import { normalizeRegion, unknownRegionNote, type UnknownRegion } from "~/modules/geo";
import { normalizeHeader, type ColumnMapping, type ImportField } from "./detect";

/** Stable codes, also the translation keys `contacts.import.reasons.<code>`. */
export const REJECT_REASONS = [
  "tooFewFields",
  "tooManyFields",
  "malformedQuotes",
  "missingEmail",
  "invalidEmail",
  "valueTooLong",
  "invalidLanguage",
  "tooManyTags",
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

// The same bounds as the contact form (app/modules/contacts/schema.ts), so an imported contact
// can be edited and saved as it is.
export const TEXT_MAX = 120;
export const PHONE_MAX = 40;
export const NOTES_MAX = 5000;
export const TAGS_MAX = 50;
const LANGUAGE_CODE_RE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

export type ContactRow = Omit<Pick<ContactValues, ImportField>, "consentStatus" | "subscriptionStatus"> & {
  /** From an export's "consentimiento"/"suscripción" columns; only for contacts the import creates. */
  consentStatus: ConsentStatus | null;
  subscriptionStatus: SubscriptionStatus | null;
  /** Country or state values the normaliser does not know: imported as null, kept in the notes. */
  warnings: UnknownRegion[];
};

export type RowOutcome =
  | { ok: true; row: ContactRow }
  | { ok: false; reason: RejectReason; email: string | null }
  | { ok: "blank" };

/** Column positions of the mapped fields, computed once per file. */
export type FieldIndex = Partial<Record<ImportField, number>>;

export function fieldIndex(columns: readonly ColumnMapping[]): FieldIndex {
  const index: FieldIndex = {};
  columns.forEach((column, i) => {
    if (column.field && index[column.field] === undefined) index[column.field] = i;
  });
  return index;
}

/** An export neutralises formulas with a leading apostrophe (csv.ts); reading it back removes it. */
function unneutralize(value: string): string {
  return value.length > 1 && value.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function singleLine(value: string): string {
  const trimmed = unneutralize(value).trim();
  if (trimmed === "") return "";
  return /\s\s|[\t\n\r\f\v\u00a0]/.test(trimmed) ? trimmed.replace(/\s+/g, " ").normalize("NFC") : trimmed.normalize("NFC");
}

const LANGUAGE_NAMES: Record<string, string> = {
  espanol: "es",
  spanish: "es",
  castellano: "es",
  ingles: "en",
  english: "en",
  frances: "fr",
  french: "fr",
  francais: "fr",
  aleman: "de",
  german: "de",
  deutsch: "de",
  portugues: "pt",
  portuguese: "pt",
  italiano: "it",
  italian: "it",
};

/** "Español", "Spanish", "ES" → "es"; "es_MX" → "es-mx"; null when it is not a language. */
export function normalizeLanguage(value: string): string | null {
  const named = LANGUAGE_NAMES[normalizeHeader(value)];
  if (named) return named;
  const code = value.toLowerCase().replace(/_/g, "-");
  return LANGUAGE_CODE_RE.test(code) ? code : null;
}

const CONSENT_WORDS: Record<string, ConsentStatus> = {
  confirmed: "CONFIRMED",
  confirmado: "CONFIRMED",
  confirmada: "CONFIRMED",
  pending: "PENDING",
  pendiente: "PENDING",
  withdrawn: "WITHDRAWN",
  retirado: "WITHDRAWN",
  retirada: "WITHDRAWN",
  revocado: "WITHDRAWN",
  revocada: "WITHDRAWN",
};

const SUBSCRIPTION_WORDS: Record<string, SubscriptionStatus> = {
  subscribed: "SUBSCRIBED",
  suscrito: "SUBSCRIBED",
  suscrita: "SUBSCRIBED",
  unsubscribed: "UNSUBSCRIBED",
  dadodebaja: "UNSUBSCRIBED",
  dadadebaja: "UNSUBSCRIBED",
  baja: "UNSUBSCRIBED",
  desuscrito: "UNSUBSCRIBED",
  desuscrita: "UNSUBSCRIBED",
  bounced: "BOUNCED",
  rebotado: "BOUNCED",
  rebotada: "BOUNCED",
  rebote: "BOUNCED",
  complained: "COMPLAINED",
  queja: "COMPLAINED",
  spam: "COMPLAINED",
};

/** Export values (the enum names, or their Spanish/English words); anything else is ignored. */
export function parseConsent(value: string): ConsentStatus | null {
  return CONSENT_WORDS[normalizeHeader(value)] ?? null;
}

export function parseSubscription(value: string): SubscriptionStatus | null {
  return SUBSCRIPTION_WORDS[normalizeHeader(value)] ?? null;
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== "") return false;
  return true;
}

/**
 * The row as it will be stored. `expected` is the header's number of fields: a record with fewer
 * or more is rejected alone. A record whose every cell is empty (a spreadsheet's trailing
 * separators) is "blank": skipped, not counted.
 */
export function toContactRow(fields: readonly string[], expected: number, index: FieldIndex, quoteError = false): RowOutcome {
  if (isBlank(fields)) return { ok: "blank" };
  const cell = (field: ImportField): string => {
    const i = index[field];
    return i === undefined ? "" : (fields[i] ?? "");
  };
  const rawEmail = cell("email");
  const emailOrNull = () => normalizeContactEmail(unneutralize(rawEmail)) || null;
  if (quoteError) return { ok: false, reason: "malformedQuotes", email: emailOrNull() };
  if (fields.length < expected) return { ok: false, reason: "tooFewFields", email: emailOrNull() };
  if (fields.length > expected) return { ok: false, reason: "tooManyFields", email: emailOrNull() };

  const email = emailOrNull();
  if (!email) return { ok: false, reason: "missingEmail", email: null };
  if (!isValidEmail(email)) return { ok: false, reason: "invalidEmail", email };

  const text = (field: ImportField, max: number): string | null | false => {
    const value = singleLine(cell(field));
    if (value === "") return null;
    return value.length > max ? false : value;
  };
  const givenName = text("givenName", TEXT_MAX);
  const familyName = text("familyName", TEXT_MAX);
  const country = text("country", TEXT_MAX);
  const state = text("state", TEXT_MAX);
  const city = text("city", TEXT_MAX);
  const phone = text("phone", PHONE_MAX);
  if (givenName === false || familyName === false || country === false || state === false || city === false || phone === false) {
    return { ok: false, reason: "valueTooLong", email };
  }

  // Countries and states are stored as ISO codes; what cannot be coded is never stored as a free-text
  // country: the field stays empty, the text goes to the notes and the import reports it.
  const region = normalizeRegion(country, state);
  const notesCell = unneutralize(cell("notes")).trim();
  const typedNotes = notesCell === "" ? null : notesCell.replace(/\r\n?/g, "\n").normalize("NFC");
  const notes = region.unknown.length ? [typedNotes, ...region.unknown.map(unknownRegionNote)].filter(Boolean).join("\n") : typedNotes;
  if (notes !== null && notes.length > NOTES_MAX) return { ok: false, reason: "valueTooLong", email };

  const languageCell = singleLine(cell("language"));
  const language = languageCell === "" ? null : normalizeLanguage(languageCell);
  if (languageCell !== "" && language === null) return { ok: false, reason: "invalidLanguage", email };

  const tagsCell = cell("tags");
  const tags = tagsCell.trim() === "" ? [] : normalizeTags(unneutralize(tagsCell));
  if (tags.length > TAGS_MAX) return { ok: false, reason: "tooManyTags", email };

  const consentCell = cell("consentStatus").trim();
  const subscriptionCell = cell("subscriptionStatus").trim();
  return {
    ok: true,
    row: {
      email,
      givenName,
      familyName,
      country: region.country,
      state: region.state,
      city,
      language,
      phone,
      tags,
      notes,
      consentStatus: consentCell ? parseConsent(consentCell) : null,
      subscriptionStatus: subscriptionCell ? parseSubscription(subscriptionCell) : null,
      warnings: region.unknown,
    },
  };
}
