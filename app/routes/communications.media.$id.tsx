import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { MEDIA_FORM_FIELDS, MediaNoteForm, type MediaNoteValues } from "~/components/communications/media-note-form";
import { pageTitle } from "~/components/contact-detail/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/format";
import { fieldErrors } from "~/lib/forms";
import { badRequest, formBody, idParam, notFound } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp } from "~/modules/auth/session.server";
import { mayEdit, requireCommunications } from "~/modules/communications/access.server";
import { CommunicationsError } from "~/modules/communications/accounts.server";
import { deleteMediaNote, getMediaNote, updateMediaNote, type MediaNoteRow } from "~/modules/communications/media.server";
import { mediaNoteSchema } from "~/modules/communications/schema";

export const meta = pageTitle("communications.media.note");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCommunications(request);
  const note = await getMediaNote(idParam(request, params.id, "key"));
  if (!note) throw notFound(request);
  return { note, canEdit: await mayEdit(access, note.publishedOn.slice(0, 7), "MEDIA") };
}

type ActionResult = { intent: "save"; errors: Record<string, string>; values: MediaNoteValues } | { intent: "delete"; note: MediaNoteRow; stale: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCommunications(request);
  const id = idParam(request, params.id, "key");
  const note = await getMediaNote(id);
  if (!note) throw notFound(request);
  const actor = { userId: access.user.id, ip: clientIp(request) };
  const form = await formBody(request);
  const intent = form.get("intent");
  const values = Object.fromEntries(MEDIA_FORM_FIELDS.map((k) => [k, String(form.get(k) ?? "")])) as MediaNoteValues;
  if (!(await mayEdit(access, note.publishedOn.slice(0, 7), "MEDIA"))) return data<ActionResult>({ intent: "save", errors: { _form: "communications.errors.monthClosed" }, values }, { status: 403 });
  try {
    switch (intent) {
      case "save": {
        const parsed = mediaNoteSchema.safeParse(values);
        if (!parsed.success) return data<ActionResult>({ intent, errors: fieldErrors(parsed.error), values }, { status: 400 });
        // Moving a note to another month needs that month open too.
        if (!(await mayEdit(access, parsed.data.publishedOn.slice(0, 7), "MEDIA"))) return data<ActionResult>({ intent, errors: { _form: "communications.errors.monthClosed" }, values }, { status: 403 });
        const { changed } = await updateMediaNote(actor, id, parsed.data);
        return redirectWithToast(`/communications/media/${id}`, changed ? { kind: "success", message: "communications.saved" } : { kind: "info", message: "communications.unchanged" });
      }
      case "delete":
        // The first post changes nothing: it shows what will go (decision 023).
        return data<ActionResult>({ intent: "delete", note, stale: false });
      case "confirmDelete": {
        const seen = form.get("updatedAt");
        if (typeof seen !== "string" || !seen) throw badRequest(request);
        const { deleted } = await deleteMediaNote(actor, id, seen);
        if (!deleted) return data<ActionResult>({ intent: "delete", note, stale: true }, { status: 409 });
        return redirectWithToast(`/communications/media?month=${note.publishedOn.slice(0, 7)}`, { kind: "success", message: "communications.media.deleted" });
      }
      default:
        throw badRequest(request);
    }
  } catch (error) {
    if (error instanceof CommunicationsError && error.code === "notFound") throw notFound(request);
    throw error;
  }
}

export default function MediaNotePage() {
  const { note, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const saving = actionData?.intent === "save" ? actionData : null;
  const confirming = actionData?.intent === "delete" ? actionData : null;
  const values: MediaNoteValues = saving?.values ?? { ...note, title: note.title ?? "", link: note.link ?? "" };
  return (
    <>
      <header className="page-header">
        <p>
          <Link to={`/communications/media?month=${note.publishedOn.slice(0, 7)}`}>← {t("communications.media.back")}</Link>
        </p>
        <h1 style={{ overflowWrap: "anywhere" }}>{note.outlet}</h1>
        <p className="muted">
          {formatDate(note.publishedOn, locale)} · {t(`communications.medium.${note.medium}`)} · {t(`communications.type.${note.type}`)} · {t(`communications.tone.${note.tone}`)}
        </p>
        {note.link ? (
          <p style={{ overflowWrap: "anywhere" }}>
            <a href={note.link} rel="noopener noreferrer nofollow" target="_blank">
              {note.title ?? note.link}
            </a>
          </p>
        ) : note.title ? (
          <p>{note.title}</p>
        ) : null}
      </header>
      {canEdit ? (
        <>
          <MediaNoteForm values={values} errors={saving?.errors ?? {}} submitLabel={t("communications.month.save")} busy={busy} />
          {confirming ? (
            <section className="panel" role="alertdialog" aria-labelledby="delete-title">
              <h2 id="delete-title">{t("communications.media.deleteTitle")}</h2>
              {confirming.stale ? <p className="form-error">{t("communications.media.deleteStale")}</p> : null}
              <p>{t("communications.media.deleteWhat", { outlet: confirming.note.outlet, date: formatDate(confirming.note.publishedOn, locale) })}</p>
              <Form method="post" className="form-actions">
                <input type="hidden" name="intent" value="confirmDelete" />
                <input type="hidden" name="updatedAt" value={confirming.note.updatedAt} />
                <button type="submit" className="button button--danger" disabled={busy}>
                  {t("communications.media.deleteConfirm")}
                </button>
                <Link to={`/communications/media/${note.id}`} className="button">
                  {t("communications.media.deleteCancel")}
                </Link>
              </Form>
            </section>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("communications.media.delete")}
              </button>
            </Form>
          )}
        </>
      ) : null}
    </>
  );
}
