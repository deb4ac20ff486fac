import { z } from "zod";

/** What to do with a row whose e-mail already exists. */
export const DUPLICATE_POLICIES = ["SKIP", "FILL", "OVERWRITE"] as const;
export const IMPORT_TEXT_MAX = 500;

/** The upload form's fields besides the file (messages are translation keys). */
export const importOptionsSchema = z.object({
  consentBasis: z
    .string({ message: "contacts.import.errors.consentBasisRequired" })
    .trim()
    .min(1, "contacts.import.errors.consentBasisRequired")
    .max(IMPORT_TEXT_MAX, "contacts.import.errors.textTooLong"),
  sourceText: z
    .string({ message: "contacts.import.errors.sourceRequired" })
    .trim()
    .min(1, "contacts.import.errors.sourceRequired")
    .max(IMPORT_TEXT_MAX, "contacts.import.errors.textTooLong"),
  onDuplicate: z.enum(DUPLICATE_POLICIES, { message: "contacts.import.errors.policyRequired" }),
});
