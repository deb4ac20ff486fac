import type { Actor } from "./contest.server";
import { ContestError } from "./errors";
import { rowsFromForm } from "./schema";

export type RawRow = Record<string, string>;
type Parsed<T> = { rows: T; errors: Record<string, string> };

export type RowsOutcome = { ok: true } | { ok: false; errors: Record<string, string>; params: Record<string, string | number>; rows: RawRow[] };

/**
 * A contest's row editors (requirements, rubric): parse the posted rows and save them through the
 * module. A refusal comes back with what was typed so the editor shows it again; a missing
 * contest is thrown (ContestError notFound) for the route to answer 404.
 */
export async function saveRows<T>(
  actor: Actor,
  contestId: string,
  form: FormData,
  editor: { parse: (raw: RawRow[]) => Parsed<T>; save: (actor: Actor, contestId: string, rows: T) => Promise<unknown> },
): Promise<RowsOutcome> {
  const raw = rowsFromForm(form);
  const { rows, errors } = editor.parse(raw);
  if (Object.keys(errors).length) return { ok: false, errors, params: {}, rows: raw };
  try {
    await editor.save(actor, contestId, rows);
  } catch (error) {
    if (error instanceof ContestError && error.code !== "notFound") return { ok: false, errors: { _form: error.messageKey }, params: error.params, rows: raw };
    throw error;
  }
  return { ok: true };
}
