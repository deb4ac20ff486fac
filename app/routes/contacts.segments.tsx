import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { FilterBadges, SegmentsTable } from "~/components/contacts/segments-table";
import { Card, Field, FormError, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { badRequest, formBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { createSegment, deleteSegment, filterToSearchParams, isFiltered, listSegments, renameSegment, segmentNameSchema } from "~/modules/contacts/index.server";
import { filterFromSearchParams } from "~/modules/contacts";
import contactsStylesHref from "~/styles/contacts.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contactsStylesHref }];

export const meta = pageTitle("contacts.segments.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contact");
  // /contacts/segments?<filter> offers to save that filter (the list's "save as segment").
  const pending = filterFromSearchParams(new URL(request.url).searchParams);
  const segments = await listSegments();
  return {
    segments: segments.map((s) => ({ ...s, query: s.filter ? filterToSearchParams(s.filter).toString() : null })),
    canEdit: can(user.role, "edit:contact"),
    pendingFilter: isFiltered(pending) ? filterToSearchParams(pending).toString() : null,
  };
}

const intentSchema = z.enum(["create", "rename", "delete"]);
type SegmentActionData = { intent: "create" | "rename" | "delete"; id?: string; name?: string; filter?: string; error: string; params?: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:contact");
  const form = await formBody(request);
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) throw badRequest(request);
  const rawName = String(form.get("name") ?? "");
  const id = String(form.get("id") ?? "");
  const fail = (status: number, body: SegmentActionData) => data<SegmentActionData>(body, { status });

  if (intent.data === "delete") {
    const result = await deleteSegment(actor, id);
    if (!result.ok) return fail(404, { intent: "delete", id, error: "contacts.segments.errors.notFound" });
    return redirectWithToast("/contacts/segments", { kind: "success", message: "contacts.segments.deleted", params: { name: result.value.name } });
  }

  const name = segmentNameSchema.safeParse(rawName);
  if (!name.success) {
    return fail(400, { intent: intent.data, id, name: rawName, filter: String(form.get("filter") ?? ""), error: name.error.issues[0]?.message ?? "contacts.segments.errors.nameRequired" });
  }

  if (intent.data === "create") {
    const filterQuery = String(form.get("filter") ?? "").slice(0, 2000);
    const filter = filterFromSearchParams(new URLSearchParams(filterQuery));
    const result = await createSegment(actor, { name: name.data, filter });
    if (!result.ok) {
      return fail(409, { intent: "create", name: name.data, filter: filterToSearchParams(filter).toString(), error: "contacts.segments.errors.nameTaken", params: { name: name.data } });
    }
    return redirectWithToast("/contacts/segments", { kind: "success", message: "contacts.segments.saved", params: { name: name.data } });
  }

  const result = await renameSegment(actor, id, name.data);
  if (!result.ok) {
    return result.error === "notFound"
      ? fail(404, { intent: "rename", id, error: "contacts.segments.errors.notFound" })
      : fail(409, { intent: "rename", id, name: name.data, error: "contacts.segments.errors.nameTaken", params: { name: name.data } });
  }
  return redirectWithToast("/contacts/segments", { kind: "success", message: "contacts.segments.renamed", params: { name: name.data } });
}

export default function SegmentsPage() {
  const { segments, canEdit, pendingFilter } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const createError = actionData?.intent === "create" ? actionData : null;
  const saveFilter = createError?.filter ?? pendingFilter;
  return (
    <>
      <PageHeader
        title={t("contacts.segments.title")}
        description={t("contacts.segments.intro")}
        actions={
          <Link to="/contacts" className="button">
            {t("contacts.segments.back")}
          </Link>
        }
      />
      {actionData && actionData.intent === "delete" ? <FormError error={actionData.error} params={actionData.params} /> : null}
      {canEdit && (saveFilter !== null || createError) ? (
        <Card title={t("contacts.segments.save.title")}>
          <p className="muted">{t("contacts.segments.save.hint")}</p>
          <FilterBadges filter={filterFromSearchParams(new URLSearchParams(saveFilter ?? ""))} />
          <Form method="post" className="segment-save" noValidate>
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="filter" value={saveFilter ?? ""} />
            <Field id="segment-create-name" name="name" label={t("contacts.segments.fields.name")} required maxLength={100} defaultValue={createError?.name ?? ""} error={createError ? t(createError.error, createError.params) : undefined} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("contacts.segments.save.submit")}
            </button>
          </Form>
        </Card>
      ) : null}
      <SegmentsTable segments={segments} canEdit={canEdit} refusal={actionData ?? null} />
    </>
  );
}
