/**
 * Reading the round form (`/reports/:month/round`): the sections not yet open, each ticked or not,
 * with its area and an optional due date of its own. Returns what was typed (to show it again) and
 * either the errors per field ("dueOn", "area.<key>", "due.<key>", "form") or the round to open.
 */
import { roundFormSchema, type RoundInput } from "./contributions-schema";
import type { RoundPlanSection } from "./contributions.server";

export type RoundFormRead = { values: Record<string, string>; errors: Record<string, string>; input: RoundInput | null };

export function readRoundForm(sections: readonly RoundPlanSection[], form: FormData): RoundFormRead {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const candidates = sections.filter((s) => !s.contribution);
  const values: Record<string, string> = { dueOn: text("dueOn") };
  for (const s of candidates) for (const field of ["include", "area", "due"]) values[`${field}.${s.key}`] = text(`${field}.${s.key}`);
  const chosen = candidates.filter((s) => values[`include.${s.key}`] === "on");
  const parsed = roundFormSchema(chosen.map((s) => s.key)).safeParse({
    dueOn: values.dueOn,
    sections: chosen.map((s) => ({ key: s.key, area: values[`area.${s.key}`], dueOn: values[`due.${s.key}`] })),
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [first, index, field] = issue.path;
      if (first === "dueOn") errors.dueOn ??= issue.message;
      else if (first === "sections" && typeof index === "number") errors[`${field === "area" ? "area" : "due"}.${chosen[index]!.key}`] ??= issue.message;
    }
    return { values, errors, input: null };
  }
  if (parsed.data.sections.length === 0) return { values, errors: { form: "contribute.errors.noSections" }, input: null };
  return { values, errors: {}, input: parsed.data };
}
