import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { MediaNoteForm } from "~/components/communications/media-note-form";
import { ConfirmDialog, FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { actorOf } from "~/lib/actor.server";
import { formatDate } from "~/lib/format";
import { replyFor } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { handleIntents } from "~/lib/intents.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { mediaNoteSchema } from "~/modules/communications";
import { CommunicationsError, deleteMediaNote, getMediaNote, mayEdit, requireCommunications, updateMediaNote, type MediaNoteRow } from "~/modules/communications/index.server";

export const meta = pageTitle("communications.media.note");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  const note = await getMediaNote(requireParam(params, "id", "key"));
  if (!note) throw notFound(request);
  return { note, canEdit: await mayEdit(access, note.publishedOn.slice(0, 7), "MEDIA") };
}

type Confirming = { intent: "delete"; note: MediaNoteRow; stale: boolean };
const closed = () => new CommunicationsError("monthClosed", "publishedOn");

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  const id = requireParam(params, "id", "key");
  const note = await getMediaNote(id);
  if (!note) throw notFound(request);
  const actor = actorOf(request, access.user);
  // The CNCS changes notes only in a month whose section it may still edit (the note's, and where it moves to).
  const open = (month: string) => mayEdit(access, month, "MEDIA");
  if (!(await open(note.publishedOn.slice(0, 7)))) return data({ intent: "save", result: { status: "error" as const, error: { "": ["communications.errors.monthClosed"] } } }, { status: 403 });
  return handleIntents(request, {
    save: {
      schema: mediaNoteSchema,
      run: async (value) => {
        if (!(await open(value.publishedOn.slice(0, 7)))) throw closed();
        const { changed } = await updateMediaNote(actor, id, value);
        return redirectWithToast(`/communications/media/${id}`, changed ? { kind: "success", message: "communications.saved" } : { kind: "info", message: "communications.unchanged" });
      },
    },
    // The first post changes nothing: it shows what will go (decision 023).
    delete: { schema: z.object({}), run: () => data<Confirming>({ intent: "delete", note, stale: false }) },
    confirmDelete: {
      schema: z.object({ updatedAt: z.string().min(1) }),
      run: async ({ updatedAt }) => {
        const { deleted } = await deleteMediaNote(actor, id, updatedAt);
        if (!deleted) return data<Confirming>({ intent: "delete", note, stale: true }, { status: 409 });
        return redirectWithToast(`/communications/media?month=${note.publishedOn.slice(0, 7)}`, { kind: "success", message: "communications.media.deleted" });
      },
    },
  });
}

export default function MediaNotePage() {
  const { note, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as Confirming | { intent: string; result: { error?: Record<string, string[] | null> | null } } | undefined;
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const confirming = actionData && "note" in actionData ? actionData : null;
  const saveReply = replyFor(actionData, "save");
  const link = note.link ? (
    <a href={note.link} rel="noopener noreferrer nofollow" target="_blank">
      {note.title ?? note.link}
    </a>
  ) : (
    note.title
  );
  return (
    <>
      <PageHeader
        title={<span className="comms-wrap">{note.outlet}</span>}
        description={[formatDate(note.publishedOn, locale), t(`communications.medium.${note.medium}`), t(`communications.type.${note.type}`), t(`communications.tone.${note.tone}`)].join(" · ")}
        back={{ to: `/communications/media?month=${note.publishedOn.slice(0, 7)}`, label: t("communications.media.back") }}
      >
        {link ? <p className="comms-wrap">{link}</p> : null}
      </PageHeader>
      {canEdit ? (
        <>
          <MediaNoteForm values={note} lastResult={saveReply} submitLabel={t("communications.month.save")} busy={busy} />
          {confirming ? (
            <ConfirmDialog
              title={t("communications.media.deleteTitle")}
              intent="confirmDelete"
              fields={{ updatedAt: confirming.note.updatedAt }}
              confirmLabel={t("communications.media.deleteConfirm")}
              cancelLabel={t("communications.media.deleteCancel")}
              cancelTo={`/communications/media/${note.id}`}
              notice={confirming.stale ? t("communications.media.deleteStale") : undefined}
              busy={busy}
            >
              {t("communications.media.deleteWhat", { outlet: confirming.note.outlet, date: formatDate(confirming.note.publishedOn, locale) })}
            </ConfirmDialog>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="button button--danger" disabled={busy}>
                {t("communications.media.delete")}
              </button>
            </Form>
          )}
        </>
      ) : (
        <FormError error={saveReply?.error?.[""]?.[0]} />
      )}
    </>
  );
}
