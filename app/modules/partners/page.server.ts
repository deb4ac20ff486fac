/**
 * The institution page's actions (one form per intent), kept out of the route: parse the posted
 * values with zod, call the module, and answer with the field errors as translation keys and the
 * form as typed (the page shows the failed form again, open). The route reads the body (a plain
 * or multipart form: the agreement form carries a document) and maps the answer to HTTP.
 */
import { env } from "~/lib/env.server";
import { fieldErrors } from "~/lib/forms";
import type { AuditActor } from "~/modules/audit/index.server";
import { storeUpload, UploadRejected } from "~/modules/files/index.server";
import { defaultActivityReportPart } from "./fields";
import type { TimelineKind } from "./schema";
import {
  activityRemoval,
  getPartner,
  listPeople,
  partnerTimeline,
  staffChoices,
  addActivity,
  addAgreement,
  addFollowUp,
  addPerson,
  PartnerError,
  removeActivity,
  removePerson,
  setFollowUpState,
  updateActivity,
  updateAgreement,
  updateFollowUp,
  updatePerson,
  type ActivityRemoval,
} from "./partner.server";
import { activityFormSchema, agreementFormSchema, followUpFormSchema, followUpStateSchema, personFormSchema, removeActivitySchema } from "./schema";

export const PAGE_INTENTS = ["person", "removePerson", "agreement", "activity", "removeActivity", "followUp", "followUpState"] as const;
export type PageIntent = (typeof PAGE_INTENTS)[number];

export type PageActionResult =
  | { ok: true; intent: PageIntent; message: string; params?: Record<string, string | number> }
  | { ok: false; intent: PageIntent | null; errors: Record<string, string>; values: Record<string, string> }
  /**
   * A shared activity: the page asks (decision 023) whether to take only this institution out or
   * to delete the activity for all of them, naming them; `stale` when the count changed meanwhile.
   */
  | { ok: false; intent: "removeActivity"; confirm: ActivityRemoval; stale: boolean; errors: Record<string, string>; values: Record<string, string> };

/**
 * What the institution's page shows: the record, its timeline (of `kinds`) and, for editors, the
 * choices of its forms. Throws PartnerError("notFound") when there is no such institution.
 */
export async function partnerPage(id: string, kinds: TimelineKind[], canEdit: boolean) {
  const partner = await getPartner(id);
  if (!partner) throw new PartnerError("notFound");
  // Institutions and events are chosen with the search picker (/partners/options, /events/options):
  // the page no longer carries every institution (5,000 at scale, 1.4 MB of HTML) nor 200 events.
  const [timeline, people, staff] = await Promise.all([
    partnerTimeline(partner.id, kinds),
    canEdit ? listPeople(partner.id) : Promise.resolve([]),
    canEdit ? staffChoices() : Promise.resolve([]),
  ]);
  // Per shared activity, the default for all its institutions (the edit form's «automatic» choice).
  const defaultParts: Record<string, string> = Object.fromEntries(
    timeline.flatMap((e) =>
      e.kind === "activity" && e.activity.others.length ? [[e.activity.id, defaultActivityReportPart([partner.kind, ...e.activity.others.map((o) => o.kind)])]] : [],
    ),
  );
  return {
    partner,
    defaultPart: defaultActivityReportPart([partner.kind]),
    defaultParts,
    timeline,
    kinds,
    people,
    staff,
  };
}

/** Multi-valued names travel joined by a line break (names may hold commas). */
export const NAME_LIST_SEPARATOR = "\n";

/** The largest part the page accepts (one byte over the upload limit, so storeUpload can say "too large"). */
export function uploadMaxPartBytes(): number {
  return env().UPLOAD_MAX_BYTES + 1;
}

export function uploadMaxMb(): number {
  return Math.round(env().UPLOAD_MAX_BYTES / 1024 / 1024);
}

function values(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") out[key] = value;
  // The participant lists are multi-valued: echo every choice, not just the last one.
  for (const key of ["userIds", "personIds", "partnerIds"]) if (form.has(key)) out[key] = form.getAll(key).filter((v) => typeof v === "string").join(",");
  // An edit that unticked every other institution echoes that (not the stored list).
  if (form.get("intent") === "activity" && form.get("activityId") && !form.has("partnerIds")) out.partnerIds = "";
  if (form.has("partnerNames"))
    out.partnerNames = form
      .getAll("partnerNames")
      .filter((v): v is string => typeof v === "string" && v.trim() !== "")
      .join(NAME_LIST_SEPARATOR);
  return out;
}

/** `form` is null when the posted document was larger than the upload limit. */
export async function handlePageAction(actor: AuditActor, partnerId: string, form: FormData | null): Promise<PageActionResult> {
  if (!form) return { ok: false, intent: "agreement", errors: { document: "files.errors.tooLarge" }, values: {} };
  const intent = PAGE_INTENTS.find((i) => i === form.get("intent")) ?? null;
  const echo = values(form);
  const fail = (errors: Record<string, string>): PageActionResult => ({ ok: false, intent, errors, values: echo });
  const obj = Object.fromEntries([...form].filter(([, v]) => typeof v === "string"));
  /** A form that corrects a record when it names its id (`idField`) and adds one otherwise (awaited in the try: its refusals are the form's errors). */
  const save = async (idField: string, update: (id: string) => Promise<unknown>, add: () => Promise<unknown>, intent: PageIntent): Promise<PageActionResult> => {
    const id = String(form.get(idField) ?? "");
    await (id ? update(id) : add());
    return { ok: true, intent, message: `partners.${intent}.${id ? "saved" : "added"}` };
  };
  try {
    switch (intent) {
      case "person": {
        const parsed = personFormSchema.safeParse(obj);
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        return await save("personId", (id) => updatePerson(actor, partnerId, id, parsed.data), () => addPerson(actor, partnerId, parsed.data), intent);
      }
      case "removePerson": {
        await removePerson(actor, partnerId, String(form.get("personId") ?? ""));
        return { ok: true, intent, message: "partners.person.removed" };
      }
      case "agreement": {
        const parsed = agreementFormSchema.safeParse(obj);
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        const upload = form.get("document");
        let file = null;
        if (upload instanceof File && upload.size > 0) {
          try {
            const stored = await storeUpload(new Uint8Array(await upload.arrayBuffer()));
            file = { fileName: upload.name.slice(0, 200) || "convenio", fileSha256: stored.sha256 };
          } catch (error) {
            if (error instanceof UploadRejected) return fail({ document: error.messageKey });
            throw error;
          }
        }
        return await save("agreementId", (id) => updateAgreement(actor, partnerId, id, parsed.data, file), () => addAgreement(actor, partnerId, parsed.data, file), intent);
      }
      case "activity": {
        const parsed = activityFormSchema.safeParse({
          ...obj,
          userIds: form.getAll("userIds"),
          personIds: form.getAll("personIds"),
          partnerIds: form.getAll("partnerIds"),
          partnerNames: form.getAll("partnerNames"),
        });
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        return await save("activityId", (id) => updateActivity(actor, partnerId, id, parsed.data), () => addActivity(actor, partnerId, parsed.data), intent);
      }
      case "removeActivity": {
        const parsed = removeActivitySchema.safeParse(obj);
        if (!parsed.success) return fail({ _form: "partners.errors.notFound" });
        const ask = async (stale: boolean): Promise<PageActionResult> => ({
          ok: false,
          intent: "removeActivity",
          confirm: await activityRemoval(partnerId, parsed.data.activityId),
          stale,
          errors: {},
          values: echo,
        });
        try {
          const done = await removeActivity(actor, partnerId, parsed.data.activityId, parsed.data);
          return done.removed === "activity"
            ? { ok: true, intent, message: done.institutions > 1 ? "partners.activity.removedAll" : "partners.activity.removed", params: { count: done.institutions } }
            : { ok: true, intent, message: "partners.activity.left" };
        } catch (error) {
          if (error instanceof PartnerError && error.code === "activityShared") return ask(false);
          if (error instanceof PartnerError && error.code === "activityChanged") return ask(true);
          throw error;
        }
      }
      case "followUp": {
        const parsed = followUpFormSchema.safeParse(obj);
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        return await save("followUpId", (id) => updateFollowUp(actor, partnerId, id, parsed.data), () => addFollowUp(actor, partnerId, parsed.data), intent);
      }
      case "followUpState": {
        const parsed = followUpStateSchema.safeParse(obj);
        if (!parsed.success) return fail(fieldErrors(parsed.error));
        await setFollowUpState(actor, parsed.data.followUpId, parsed.data.state, { partnerId });
        return { ok: true, intent, message: `partners.followUp.state.${parsed.data.state}` };
      }
      default:
        return fail({ _form: "partners.errors.invalid" });
    }
  } catch (error) {
    if (error instanceof PartnerError) {
      // The follow-up form names its owner "ownerId"; an edited person that vanished is the form's error.
      const field =
        intent === "followUp" && error.code === "userNotFound" ? "ownerId" : intent === "person" && error.code === "personNotFound" ? "_form" : error.field;
      return fail({ [field]: error.messageKey });
    }
    throw error;
  }
}
