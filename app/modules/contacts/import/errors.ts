/**
 * A file that cannot be imported at all. The code is stable (CLI --json, ImportBatch.error) and is
 * the translation key `contacts.import.errors.<code>`; params fill its placeholders.
 */
import { DomainError, type ErrorParams } from "~/lib/errors";
export const FILE_ERRORS = [
  "emptyFile",
  "headerOnly",
  "noEmailColumn",
  "duplicateField",
  "recordTooLarge",
  "tooLarge",
  "unreadable",
] as const;
export type FileErrorCode = (typeof FILE_ERRORS)[number];

const MESSAGES: Record<FileErrorCode, (p: Record<string, string | number>) => string> = {
  emptyFile: () => "The file is empty.",
  headerOnly: () => "The file has a header line but no rows.",
  noEmailColumn: (p) => `No column holds the e-mail address (columns: ${p.columns ?? "none"}).`,
  duplicateField: (p) => `Two columns are mapped to the same field${p.field ? ` (${p.field})` : ""}.`,
  recordTooLarge: (p) => `The record that starts at line ${p.line} never ends (is a quote left open?).`,
  tooLarge: (p) => `The file is larger than ${p.maxMb} MB.`,
  unreadable: (p) => `The file cannot be read${p.detail ? `: ${p.detail}` : ""}.`,
};

export class ImportFileError extends DomainError<FileErrorCode> {
  constructor(code: FileErrorCode, params: ErrorParams = {}) {
    super({ code, params, messageKey: `contacts.import.errors.${code}`, status: 400 });
    // The stored English text (logs, ImportBatch.error readers) stays what it was.
    this.message = MESSAGES[code](params);
  }

  /** What ImportBatch.error stores: the code and its parameters. */
  toStored(): string {
    return JSON.stringify({ code: this.code, params: this.params });
  }
}

export function isFileErrorCode(value: unknown): value is FileErrorCode {
  return typeof value === "string" && (FILE_ERRORS as readonly string[]).includes(value);
}

/** Reads ImportBatch.error back: a file error, or another failure's message. */
export function readStoredError(stored: string | null): { code: FileErrorCode | "failed"; params: Record<string, string | number> } | null {
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as { code?: unknown; params?: Record<string, string | number> };
    if (isFileErrorCode(parsed.code)) return { code: parsed.code, params: parsed.params ?? {} };
  } catch {
    // not JSON: a plain message
  }
  return { code: "failed", params: { detail: stored } };
}

/** A change the import's stage no longer allows (its mapping once it runs, a second confirmation). */
export class ImportStateError extends DomainError<"locked"> {
  constructor() {
    super({ code: "locked", messageKey: "contacts.import.errors.locked", status: 409 });
  }
}
