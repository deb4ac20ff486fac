import { data } from "@remix-run/node";
import { formBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import type { Actor } from "./contest.server";
import { ContestError } from "./errors";
import { rowsFromForm } from "./schema";

type RawRow = Record<string, string>;
type Parsed<T> = { rows: T; errors: Record<string, string> };

/**
 * The action of a contest's row editors (requirements, rubric): parse the rows, keep what was
 * typed on error, save through the module, and come back to the editor with a toast.
 */
export async function saveRowsAction<T>(
  request: Request,
  contestId: string,
  editor: { parse: (raw: RawRow[]) => Parsed<T>; save: (actor: Actor, contestId: string, rows: T) => Promise<unknown>; path: string; savedKey: string },
) {
  const user = await requirePermission(request, "edit:contest");
  const raw = rowsFromForm(await formBody(request));
  const { rows, errors } = editor.parse(raw);
  if (Object.keys(errors).length) return data({ errors, params: {} as Record<string, string | number>, rows: raw }, { status: 400 });
  try {
    await editor.save({ userId: user.id, ip: clientIp(request), role: user.role }, contestId, rows);
  } catch (error) {
    if (error instanceof ContestError) {
      if (error.code === "notFound") throw new Response("Not found", { status: 404 });
      return data({ errors: { _form: error.messageKey } as Record<string, string>, params: error.params, rows: raw }, { status: 400 });
    }
    throw error;
  }
  return redirectWithToast(`/contest/${contestId}/${editor.path}`, { kind: "success", message: editor.savedKey });
}
