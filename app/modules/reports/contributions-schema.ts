/**
 * Inputs of the contribution round (decision 025): opening it, sending a section back, the
 * contributor's text. Messages are translation keys.
 */
import { z } from "zod";
import { isCalendarDate } from "~/lib/params";
import { NARRATIVE_MAX } from "./schema";

export const INE_AREAS = ["DERFE", "DEOE", "DECEYEC", "UNICOM", "CNCS", "DAC", "UTVOPL", "VMRE_OFFICE"] as const;
export type IneAreaName = (typeof INE_AREAS)[number];

export const CONTRIBUTION_STATES = ["PENDING", "IN_PROGRESS", "SUBMITTED", "REVIEWED"] as const;
export type ContributionStateName = (typeof CONTRIBUTION_STATES)[number];

export const RETURN_NOTE_MAX = 2000;

export const ineAreaSchema = z.enum(INE_AREAS, { message: "contribute.errors.area" });

const dueSchema = z
  .string()
  .trim()
  .refine((v) => isCalendarDate(v), "contribute.errors.due");

/**
 * The round form: one due date for every section, and per section its area and (optionally) a due
 * date of its own. Form fields: dueOn, area.<key>, due.<key>; `sections` is filled by the route
 * from the outline (only the round's sections are read).
 */
export function roundFormSchema(keys: string[]) {
  return z
    .object({
      dueOn: dueSchema,
      sections: z.array(z.object({ key: z.string(), area: ineAreaSchema, dueOn: z.union([z.literal(""), dueSchema]) })),
    })
    .transform((v) => ({ dueOn: v.dueOn, sections: v.sections.filter((s) => keys.includes(s.key)).map((s) => ({ key: s.key, area: s.area, dueOn: s.dueOn || v.dueOn })) }));
}
export type RoundInput = { dueOn: string; sections: Array<{ key: string; area: IneAreaName; dueOn: string }> };

/** What the person saw before confirming (decision 023): how many sections and mails. */
export const roundConfirmSchema = z.object({
  sections: z.coerce.number().int().min(0).max(10_000),
  mails: z.coerce.number().int().min(0).max(100_000),
});

export const returnNoteSchema = z.object({
  note: z
    .string()
    .max(RETURN_NOTE_MAX, "contribute.errors.noteTooLong")
    .transform((v) => v.replace(/\r\n/g, "\n").trim())
    .refine((v) => v.length > 0, "contribute.errors.noteRequired"),
});

export const contributionTextSchema = z.object({
  text: z
    .string()
    .max(NARRATIVE_MAX, "reports.errors.narrativeTooLong")
    .transform((v) => v.replace(/\r\n/g, "\n").trim()),
});

export const sectionKeySchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
