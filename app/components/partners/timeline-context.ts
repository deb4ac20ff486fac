/**
 * What every entry of an institution's timeline needs from the page: who may edit, the choices of
 * the forms, and the action's last answer (a failed form is shown again as typed, with its errors).
 */
import type { SerializeFrom } from "@remix-run/node";
import type { ActivityRemoval, PageActionResult, TimelineEntry } from "~/modules/partners/index.server";
import type { Choice, Errors, Values } from "./form-parts";

export type Entry = SerializeFrom<TimelineEntry>;
export type EntryOf<K extends Entry["kind"]> = Extract<Entry, { kind: K }>;

export type FailedAnswer = { intent: string | null; errors: Errors; values: Values };
export type Removal = { confirm: ActivityRemoval; stale: boolean };

export type TimelineContext = {
  partner: { id: string; name: string; acronym: string | null };
  canEdit: boolean;
  busy: boolean;
  me: string;
  staff: Choice[];
  people: Choice[];
  maxMb: number;
  /** The report part the default rule gives an activity of this institution alone / a shared one. */
  defaultPart: string;
  defaultParts: Record<string, string>;
  failed: FailedAnswer | null;
  removal: Removal | null;
};

/** The failed answer of the page's action, and its removal question when it asks one. */
export function readAnswer(answer: SerializeFrom<PageActionResult> | undefined): { failed: FailedAnswer | null; removal: Removal | null } {
  if (!answer || answer.ok) return { failed: null, removal: null };
  const removal = "confirm" in answer ? { confirm: answer.confirm as ActivityRemoval, stale: answer.stale } : null;
  return { failed: { intent: answer.intent, errors: answer.errors, values: answer.values }, removal };
}

/** The echo of a failed edit of this record (`idField` = its id), or null: the form shows the record as stored. */
export function echoOf(failed: FailedAnswer | null, intent: string, idField: string, id: string): FailedAnswer | null {
  return failed?.intent === intent && failed.values[idField] === id ? failed : null;
}

/** The echo of a failed new record of `intent` (no id field), for the «add» forms. */
export function newEchoOf(failed: FailedAnswer | null, intent: string, idField: string): { values: Values; errors: Errors; open: boolean } {
  const mine = failed?.intent === intent && !failed.values[idField];
  return mine && failed ? { values: failed.values, errors: failed.errors, open: true } : { values: {}, errors: {}, open: false };
}

/** The choices every activity form of the page gets (people, the page's institution; events and other institutions are searched). */
export function activityChoices(ctx: TimelineContext) {
  return { staff: ctx.staff, people: ctx.people, me: ctx.me, busy: ctx.busy, institutionName: ctx.partner.name, partnerId: ctx.partner.id };
}
