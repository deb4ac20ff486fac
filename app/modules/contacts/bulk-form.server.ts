/**
 * The contacts list's bulk form (decision 023: nothing changes without a confirmation of its exact
 * number). The first post only counts; the second carries the fingerprint of the set it confirmed
 * and acts on that set only. When the contacts changed in between, nothing is done and the new
 * number is asked for again. The route maps the outcome to HTTP.
 */
import { z } from "zod";
import type { AuditActor } from "~/modules/audit/index.server";
import { BULK_OPERATIONS } from "./bulk";
import { applyBulk, bulkTagSchema, BulkSetChanged, previewBulk, selectedIdsSchema, type BulkRequest, type BulkSet } from "./bulk.server";
import { filterFromSearchParams, filterToSearchParams } from "./filter";

const bulkFormSchema = z.object({
  intent: z.enum(["bulk-preview", "bulk-apply"]),
  operation: z.enum(BULK_OPERATIONS, { message: "contacts.bulk.errors.invalid" }),
  scope: z.enum(["selection", "all"]).default("selection"),
  filter: z.string().max(2000).default(""),
  /** The fingerprint of the set the confirmation stated (count.hash); apply acts on that set only. */
  confirmed: z
    .string()
    .regex(/^\d{1,10}\.-?\d{1,20}$/)
    .optional()
    .catch(undefined),
});

export type BulkConfirm = {
  operation: BulkRequest["operation"];
  scope: "selection" | "all";
  ids: number[];
  tag: string | null;
  filterQuery: string;
  /** Exact, counted when the confirmation was asked for. */
  count: number;
  fingerprint: string;
  /** Set when the contacts changed between a confirmation and its apply: the number confirmed then. */
  changedFrom: number | null;
};

export type BulkOutcome =
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "confirm"; confirm: BulkConfirm }
  | { kind: "done"; operation: BulkRequest["operation"]; changed: number; tag: string; filterQuery: string };

function firstErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!(key in out)) out[key] = issue.message.includes(".") && !issue.message.includes(" ") ? issue.message : "common.errors.invalid";
  }
  return out;
}

export async function runBulkForm(actor: AuditActor, form: FormData): Promise<BulkOutcome> {
  const field = (name: string) => form.get(name) ?? undefined;
  const parsed = bulkFormSchema.safeParse({ intent: field("intent"), operation: field("operation"), scope: field("scope"), filter: field("filter"), confirmed: field("confirmed") });
  if (!parsed.success) return { kind: "invalid", errors: firstErrors(parsed.error) };
  const { intent, operation, scope } = parsed.data;
  const filter = filterFromSearchParams(new URLSearchParams(parsed.data.filter));
  const filterQuery = filterToSearchParams(filter).toString();
  const errors: Record<string, string> = {};

  let tag: string | undefined;
  if (operation === "tag" || operation === "untag") {
    const tagResult = bulkTagSchema.safeParse(form.get("tag") ?? "");
    if (tagResult.success) tag = tagResult.data;
    else errors.tag = tagResult.error.issues[0]?.message ?? "contacts.bulk.errors.tagRequired";
  }
  let ids: number[] = [];
  if (scope === "selection") {
    const idsResult = selectedIdsSchema.safeParse(form.getAll("id"));
    if (idsResult.success) ids = idsResult.data;
    else errors.id = idsResult.error.issues[0]?.message ?? "contacts.bulk.errors.noneSelected";
  }
  if (Object.keys(errors).length) return { kind: "invalid", errors };

  const bulk: BulkRequest = { operation, tag, scope: scope === "all" ? { kind: "filter", filter } : { kind: "ids", ids } };
  const confirmStep = (set: BulkSet, changedFrom: number | null): BulkOutcome => ({
    kind: "confirm",
    confirm: { operation, scope, ids, tag: tag ?? null, filterQuery, count: set.count, fingerprint: set.fingerprint, changedFrom },
  });
  // Nothing runs without a confirmation of its exact number (a form without one gets the step).
  const confirmed = parsed.data.confirmed;
  if (intent === "bulk-preview" || !confirmed) return confirmStep(await previewBulk(bulk), null);
  try {
    const changed = await applyBulk(actor, bulk, { count: Number(confirmed.split(".")[0]), fingerprint: confirmed });
    return { kind: "done", operation, changed, tag: tag ?? "", filterQuery };
  } catch (error) {
    // The contacts changed since the confirmation: nothing was done; confirm the new number.
    if (error instanceof BulkSetChanged) return confirmStep(error.now, error.confirmed.count);
    throw error;
  }
}
