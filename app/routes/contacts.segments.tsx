import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { filterSummary } from "~/components/contacts/labels";
import { makeT } from "~/i18n";
import { useFormatDate, useLocale, useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { filterFromSearchParams, filterToSearchParams, isFiltered } from "~/modules/contacts/index.server";
import { createSegment, deleteSegment, listSegments, renameSegment, segmentNameSchema } from "~/modules/contacts/index.server";
import contactsStylesHref from "~/styles/contacts.css?url";
import { badRequest, formBody } from "~/lib/params";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: contactsStylesHref }];

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: "es" | "en" } | undefined;
  return [{ title: `Alcance — ${makeT(root?.locale ?? "es")("contacts.segments.title")}` }];
};

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
  const user = await requirePermission(request, "edit:contact");
  const actor = { userId: user.id, ip: clientIp(request) };
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
  const locale = useLocale();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const createError = actionData?.intent === "create" ? actionData : null;
  const saveFilter = createError?.filter ?? pendingFilter;

  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("contacts.segments.title")}</h1>
          <p className="muted">{t("contacts.segments.intro")}</p>
        </div>
        <Link to="/contacts" className="button">
          {t("contacts.segments.back")}
        </Link>
      </header>

      {actionData && actionData.intent !== "create" ? (
        <p className="form-error" role="alert">
          {t(actionData.error, actionData.params)}
        </p>
      ) : null}

      {canEdit && (saveFilter !== null || createError) ? (
        <section className="panel">
          <h2>{t("contacts.segments.save.title")}</h2>
          <p className="muted">{t("contacts.segments.save.hint")}</p>
          <ul className="filter-summary">
            {(filterSummary(filterFromSearchParams(new URLSearchParams(saveFilter ?? "")), t, locale).length
              ? filterSummary(filterFromSearchParams(new URLSearchParams(saveFilter ?? "")), t, locale)
              : [t("contacts.segments.allContacts")]
            ).map((item) => (
              <li key={item} className="badge">
                {item}
              </li>
            ))}
          </ul>
          <Form method="post" className="segment-save" noValidate>
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="filter" value={saveFilter ?? ""} />
            <div className="field">
              <label htmlFor="segment-create-name">{t("contacts.segments.fields.name")}</label>
              <input
                id="segment-create-name"
                name="name"
                required
                maxLength={100}
                defaultValue={createError?.name ?? ""}
                aria-invalid={createError ? true : undefined}
                aria-describedby={createError ? "segment-create-error" : undefined}
              />
              {createError ? (
                <p className="field-error" id="segment-create-error">
                  {t(createError.error, createError.params)}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("contacts.segments.save.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {segments.length === 0 ? (
        <div className="empty-state">
          <p>{t("contacts.segments.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("contacts.segments.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("contacts.segments.fields.name")}</th>
                <th scope="col">{t("contacts.segments.fields.filter")}</th>
                <th scope="col">{t("contacts.segments.fields.count")}</th>
                <th scope="col">{t("contacts.segments.fields.updatedAt")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((segment) => {
                const items = segment.filter ? filterSummary(segment.filter, t, locale) : null;
                const renameError = actionData?.intent === "rename" && actionData.id === segment.id ? actionData : null;
                return (
                  <tr key={segment.id}>
                    <td>
                      <Link to={`/contacts?segment=${encodeURIComponent(segment.id)}`}>{segment.name}</Link>
                    </td>
                    <td>
                      {items === null ? (
                        <span className="badge badge--off">{t("contacts.segments.invalidFilter")}</span>
                      ) : (
                        <ul className="filter-summary">
                          {(items.length ? items : [t("contacts.segments.allContacts")]).map((item) => (
                            <li key={item} className="badge">
                              {item}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="nowrap" data-count={segment.count.value}>
                      {segment.count.exact ? t("contacts.count", { count: segment.count.value }) : t("contacts.countEstimate", { count: segment.count.value })}
                    </td>
                    <td className="nowrap">{formatDate(segment.updatedAt, { dateStyle: "medium" })}</td>
                    <td>
                      <div className="segment-actions">
                        <Link to={segment.query ? `/contacts?${segment.query}` : "/contacts"} className="button">
                          {t("contacts.segments.open")}
                        </Link>
                        {canEdit ? (
                          <>
                            <a href={`/contacts/export.csv?segment=${encodeURIComponent(segment.id)}`} className="button" download>
                              {t("contacts.segments.export")}
                            </a>
                            <details open={renameError ? true : undefined}>
                              <summary>{t("contacts.segments.rename")}</summary>
                              <Form method="post" noValidate>
                                <input type="hidden" name="intent" value="rename" />
                                <input type="hidden" name="id" value={segment.id} />
                                <div className="field">
                                  <label htmlFor={`rename-${segment.id}`}>{t("contacts.segments.renameLabel", { name: segment.name })}</label>
                                  <input id={`rename-${segment.id}`} name="name" required maxLength={100} defaultValue={renameError?.name ?? segment.name} aria-invalid={renameError ? true : undefined} />
                                  {renameError ? <p className="field-error">{t(renameError.error, renameError.params)}</p> : null}
                                </div>
                                <button type="submit" className="button">
                                  {t("common.save")}
                                </button>
                              </Form>
                            </details>
                            <details>
                              <summary>{t("contacts.segments.delete")}</summary>
                              <Form method="post">
                                <input type="hidden" name="intent" value="delete" />
                                <input type="hidden" name="id" value={segment.id} />
                                <button type="submit" className="button button--danger">
                                  {t("contacts.segments.deleteConfirm", { name: segment.name })}
                                </button>
                              </Form>
                            </details>
                          </>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
