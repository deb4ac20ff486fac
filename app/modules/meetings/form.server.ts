/**
 * The meeting form's posts, shared by /meetings/new and /meetings/<id>: «Buscar» (find
 * institutions: saves nothing, answers with the form as typed and the matches) and «Guardar»
 * (validate, then create or update). Bad input answers with the form as typed and its messages.
 */
import { fieldErrors } from "~/lib/forms";
import { searchParam } from "~/lib/params";
import type { AuditActor } from "~/modules/audit/index.server";
import { MeetingError } from "./errors";
import { createMeeting, partnersByIds, searchPartnerChoices, updateMeeting, type PartnerChoice } from "./meeting.server";
import { createAgreement, updateAgreement } from "./agreements.server";
import { agreementFormSchema, agreementFormValues, meetingFormSchema, meetingFormValues, type MeetingFormValues } from "./schema";

export type MeetingFormAnswer = {
  ok: false;
  intent: "findPartners" | "save";
  values: MeetingFormValues;
  errors: Record<string, string>;
  chosen: PartnerChoice[];
  found: PartnerChoice[] | null;
  query: string;
  /** Changes with every answer, so the page remounts the form with what came back. */
  nonce: string;
};

export async function handleMeetingForm(actor: AuditActor, form: FormData, meetingId?: string): Promise<{ ok: true; id: string } | MeetingFormAnswer> {
  const values = meetingFormValues(form);
  const query = searchParam(typeof form.get("partnerQuery") === "string" ? (form.get("partnerQuery") as string) : "") ?? "";
  const intent = form.get("intent") === "findPartners" ? "findPartners" : "save";
  const chosenIds = [...new Set(values.partnerIds)].filter((id) => /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id));
  const answer = async (errors: Record<string, string>): Promise<MeetingFormAnswer> => ({
    ok: false,
    intent,
    values: { ...values, partnerIds: chosenIds },
    errors,
    chosen: await partnersByIds(chosenIds),
    found: intent === "findPartners" && query ? await searchPartnerChoices(query) : null,
    query,
    nonce: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  });
  if (intent === "findPartners") return answer({});
  const parsed = meetingFormSchema.safeParse(values);
  if (!parsed.success) return answer(fieldErrors(parsed.error));
  try {
    const meeting = meetingId ? await updateMeeting(actor, meetingId, parsed.data) : await createMeeting(actor, parsed.data);
    return { ok: true, id: meeting.id };
  } catch (error) {
    if (error instanceof MeetingError && error.code !== "notFound") return answer({ [error.field]: error.messageKey });
    throw error;
  }
}

// ── Commission agreements ──────────────────────────────────────────────────────────────────────

export type AgreementFormAnswer = { ok: false; intent: "save"; values: Record<string, string>; errors: Record<string, string> };

/** Validates and saves an agreement (new, or `agreementId`); bad input answers with the form as typed. */
export async function handleAgreementForm(actor: AuditActor, form: FormData, agreementId?: string): Promise<{ ok: true; id: string } | AgreementFormAnswer> {
  const values = agreementFormValues(form);
  const parsed = agreementFormSchema.safeParse(values);
  if (!parsed.success) return { ok: false, intent: "save", values, errors: fieldErrors(parsed.error) };
  try {
    const agreement = agreementId ? await updateAgreement(actor, agreementId, parsed.data) : await createAgreement(actor, parsed.data);
    return { ok: true, id: agreement.id };
  } catch (error) {
    if (error instanceof MeetingError && error.code !== "agreementNotFound") return { ok: false, intent: "save", values, errors: { [error.field]: error.messageKey } };
    throw error;
  }
}
