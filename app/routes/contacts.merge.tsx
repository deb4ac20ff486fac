import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MergeChooser } from "~/components/contact-detail/merge-chooser";
import { MergePreview } from "~/components/contact-detail/merge-preview";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { formBody, idQuery, notFound, searchParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { ContactError, loadMergePair, mergeContacts, mergeFormSchema, previewMerge, searchContacts } from "~/modules/contacts/index.server";

export const meta = pageTitle("contacts.merge.title");
export const links = contactDetailLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "edit:contact");
  const url = new URL(request.url);
  const aId = idQuery(request, url.searchParams.get("a"), "int") ?? null;
  const bId = idQuery(request, url.searchParams.get("b"), "int") ?? null;
  const q = searchParam(url.searchParams.get("q")) ?? "";
  const pair = aId !== null ? await loadMergePair(aId, bId ?? 0) : { a: null, b: null };
  if (aId !== null && !pair.a) throw notFound(request);
  const candidates = q && (!pair.b || bId === null) ? await searchContacts(q, { excludeId: aId ?? undefined }) : [];
  return { a: pair.a, b: bId !== null && bId !== aId ? pair.b : null, bMissing: bId !== null && !pair.b, q, candidates };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const parsed = mergeFormSchema.safeParse(Object.fromEntries(await formBody(request)));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), preview: null }, { status: 400 });
  const refused = (key: string) => data({ errors: { _form: key } as Record<string, string>, preview: null }, { status: 400 });
  const { intent, survivorId, otherId, choices } = parsed.data;
  if (intent === "preview") {
    const preview = await previewMerge(parsed.data);
    return preview ? { errors: {} as Record<string, string>, preview } : refused("contacts.merge.errors.gone");
  }
  try {
    await mergeContacts(actor, survivorId, otherId, choices);
  } catch (error) {
    if (error instanceof ContactError) return refused(error.messageKey);
    throw error;
  }
  return redirectWithToast(`/contacts/${survivorId}`, { kind: "success", message: "contacts.merge.done", params: { id: otherId } });
}

export default function MergePage() {
  const { a, b, bMissing, q, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const formError = actionData?.errors._form ?? actionData?.errors.b;
  return (
    <>
      <PageHeader
        title={t("contacts.merge.title")}
        back={a ? { to: `/contacts/${a.id}`, label: t("contacts.detail.backToContact") } : { to: "/contacts", label: t("contacts.detail.backToList") }}
        description={a ? t("contacts.merge.subtitle", { email: a.email, id: a.id }) : t("contacts.merge.startHint")}
      />
      <FormError error={formError} />
      {bMissing ? <FormError error="contacts.merge.errors.gone" /> : null}

      {!a || !b ? (
        <section className="panel" aria-labelledby="merge-search">
          <h2 id="merge-search">{a ? t("contacts.merge.searchOther") : t("contacts.merge.searchFirst")}</h2>
          <Form method="get" className="cd-inline-form">
            {a ? <input type="hidden" name="a" value={a.id} /> : null}
            <div className="field">
              <label htmlFor="merge-q">{t("contacts.merge.searchLabel")}</label>
              <input id="merge-q" name="q" type="search" defaultValue={q} autoComplete="off" />
            </div>
            <button type="submit" className="button">
              {t("common.search")}
            </button>
          </Form>
          {q ? (
            candidates.length === 0 ? (
              <p className="cd-note">{t("contacts.merge.noMatches")}</p>
            ) : (
              <ul>
                {candidates.map((c) => (
                  <li key={c.id}>
                    <Link to={a ? `/contacts/merge?a=${a.id}&b=${c.id}` : `/contacts/merge?a=${c.id}`}>
                      {c.email}
                      {c.givenName || c.familyName ? ` — ${[c.givenName, c.familyName].filter(Boolean).join(" ")}` : ""}
                    </Link>{" "}
                    <span className="muted">#{c.id}</span>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </section>
      ) : (
        <>
          <MergeChooser key={`${a.id}-${b.id}`} a={a} b={b} previous={actionData?.preview?.form} />
          {actionData?.preview ? <MergePreview preview={actionData.preview} /> : null}
        </>
      )}
    </>
  );
}
