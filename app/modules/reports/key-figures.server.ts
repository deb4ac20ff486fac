/**
 * Key figures (decision 025): numbers a contributor marks as the section's headline («38,096
 * solicitudes»). They go into figures.json under the section's key, beside the computed parts:
 *
 *   "registration": { "solicitudes": 38096, "solicitudes_previous": 35120 }
 *
 * — every leaf a number, as in the rest of figures.json; `<key>_previous` is the previous month's
 * value of the same key figure in the same section, present only when that month has it (its
 * approved version's frozen value, else the stored one). A key is a stable snake_case name
 * (`^[a-z][a-z0-9_]{0,39}$`, never ending in `_previous`), unique per month and section; the
 * label and unit are what a person reads («Solicitudes recibidas», «solicitudes»).
 */
import { z } from "zod";
import { db } from "~/lib/db.server";
import { audit, type AuditActor } from "~/modules/audit/audit.server";
import { requireEdit, SectionExtrasError, type ContributionKeyFigure, type MonthContributions, type SectionContext } from "./tables.server";
import { parseNumber, parsePercent } from "./tables";

export const KEY_FIGURE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_VALUE = 1e15;

/** «Solicitudes recibidas» → "solicitudes_recibidas". */
export function keyFromLabel(label: string): string {
  const key = label
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 40)
    .replace(/_+$/, "");
  return key || "cifra";
}

/** A typed value: «38,096», «38 096», «85.65 %», «1,5». */
export function parseFigureValue(raw: string): number | null {
  const v = parsePercent(raw) ?? parseNumber(raw)?.value ?? null;
  return v === null || Math.abs(v) > MAX_VALUE ? null : v;
}

export const keyFigureSchema = z.object({
  id: z.string().max(64).optional(),
  label: z.string().trim().min(1, "reports.keyFigures.errors.label").max(120, "reports.keyFigures.errors.labelLong"),
  key: z
    .string()
    .trim()
    .max(40, "reports.keyFigures.errors.key")
    .refine((k) => k === "" || (KEY_FIGURE_KEY.test(k) && !k.endsWith("_previous")), "reports.keyFigures.errors.key"),
  value: z
    .string()
    .trim()
    .min(1, "reports.keyFigures.errors.value")
    .max(40, "reports.keyFigures.errors.value")
    .refine((v) => parseFigureValue(v) !== null, "reports.keyFigures.errors.value"),
  unit: z.string().trim().max(40, "reports.keyFigures.errors.unit"),
});
export type KeyFigureForm = z.infer<typeof keyFigureSchema>;

export type StoredKeyFigure = { id: string; key: string; label: string; value: number; unit: string | null };

export async function listKeyFigures(month: string, sectionKey: string): Promise<StoredKeyFigure[]> {
  return db.reportKeyFigure.findMany({ where: { month, sectionKey }, orderBy: { createdAt: "asc" }, select: { id: true, key: true, label: true, value: true, unit: true } });
}

/** Adds a key figure, or edits one (form.id); a key taken by another figure of the section is refused. */
export async function saveKeyFigure(actor: AuditActor, ctx: SectionContext, form: KeyFigureForm): Promise<{ changed: boolean; id: string }> {
  requireEdit(ctx);
  if (!ctx.holdsTables) throw new SectionExtrasError("kind");
  const { month } = ctx;
  const sectionKey = ctx.node.key;
  const key = form.key || keyFromLabel(form.label);
  const value = parseFigureValue(form.value)!;
  const unit = form.unit || null;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`report-section:${month}:${sectionKey}`}))`;
    const clash = await tx.reportKeyFigure.findUnique({ where: { month_sectionKey_key: { month, sectionKey, key } }, select: { id: true } });
    if (form.id) {
      const before = await tx.reportKeyFigure.findFirst({ where: { id: form.id, month, sectionKey } });
      if (!before) throw new SectionExtrasError("notFound");
      if (clash && clash.id !== before.id) throw new SectionExtrasError("stale");
      if (before.key === key && before.label === form.label && before.value === value && before.unit === unit) return { changed: false, id: before.id };
      await tx.reportKeyFigure.update({ where: { id: before.id }, data: { key, label: form.label, value, unit } });
      await audit(actor, { action: "report.keyFigure.save", entity: "ReportKeyFigure", entityId: before.id, before: { key: before.key, label: before.label, value: before.value, unit: before.unit }, after: { month, section: sectionKey, key, label: form.label, value, unit } }, tx);
      return { changed: true, id: before.id };
    }
    if (clash) throw new SectionExtrasError("stale");
    const row = await tx.reportKeyFigure.create({ data: { month, sectionKey, key, label: form.label, value, unit, createdById: actor.userId } });
    await audit(actor, { action: "report.keyFigure.save", entity: "ReportKeyFigure", entityId: row.id, after: { month, section: sectionKey, key, label: form.label, value, unit } }, tx);
    return { changed: true, id: row.id };
  });
}

export async function deleteKeyFigure(actor: AuditActor, ctx: SectionContext, id: string): Promise<void> {
  requireEdit(ctx);
  await db.$transaction(async (tx) => {
    const row = await tx.reportKeyFigure.findFirst({ where: { id, month: ctx.month, sectionKey: ctx.node.key } });
    if (!row) throw new SectionExtrasError("notFound");
    await tx.reportKeyFigure.delete({ where: { id } });
    await audit(actor, { action: "report.keyFigure.delete", entity: "ReportKeyFigure", entityId: id, before: { month: ctx.month, section: ctx.node.key, key: row.key, label: row.label, value: row.value, unit: row.unit } }, tx);
  });
}

/**
 * The key figures' part of figures.json: per section key, { key: value, key_previous: value }.
 * A section key that is already a part of figures.json (`reserved`) is left out, so a key figure can
 * never overwrite a computed figure.
 */
export function keyFiguresJson(c: Pick<MonthContributions, "keyFigures" | "previousKeyFigures">, reserved: ReadonlySet<string> = new Set()): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const previous = new Map(c.previousKeyFigures.map((k: ContributionKeyFigure) => [`${k.sectionKey}\u0000${k.key}`, k.value]));
  for (const k of c.keyFigures) {
    if (reserved.has(k.sectionKey)) continue;
    const section = (out[k.sectionKey] ??= {});
    section[k.key] = k.value;
    const before = previous.get(`${k.sectionKey}\u0000${k.key}`);
    if (before !== undefined) section[`${k.key}_previous`] = before;
  }
  return out;
}
