import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AddSectionForm, EMPTY_ADD, type AddValues } from "~/components/reports/outline/add-section-form";
import { DeleteConfirmation } from "~/components/reports/outline/delete-confirmation";
import outlineStylesHref from "~/components/reports/outline/outline.css?url";
import { OutlineRow } from "~/components/reports/outline/outline-row";
import { PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { fieldErrors } from "~/lib/forms";
import { formBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import {
  addSchema,
  addSection,
  COMPUTED_KEYS,
  confirmDeleteSchema,
  deleteSchema,
  deleteSection,
  deletionImpact,
  moveSchema,
  moveSection,
  OUTLINE_KINDS,
  OutlineError,
  outlineEditorView,
  renameSchema,
  renameSection,
  type DeletionImpact,
} from "~/modules/reports/index.server";

/**
 * The report's outline (ADMIN): the tree with its derived numbers; rename, move up/down, add, and
 * delete a section added here (two posts: the first says what goes and whether drafts have text for
 * it). Plain forms: everything works without JavaScript. Rules live in outline-admin.server.ts.
 */
export const meta = pageTitle("admin.reportOutline.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: outlineStylesHref }];

const HERE = "/admin/report-outline";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "manage:settings");
  // The lists travel with the data: the page's component cannot import the server module.
  return { ...(await outlineEditorView()), computedKeys: COMPUTED_KEYS, kinds: OUTLINE_KINDS };
}

type ActionData =
  | { intent: "add"; errors: Record<string, string>; values: AddValues }
  | { intent: "rename"; key: string; errors: Record<string, string>; title: string }
  | { intent: "delete"; impact: DeletionImpact; stale?: boolean };

const anchor = (key: string) => `${HERE}#s-${encodeURIComponent(key)}`;

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:settings");
  const form = Object.fromEntries(await formBody(request)) as Record<string, unknown>;
  const str = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
  try {
    switch (form.intent) {
      case "rename": {
        const parsed = renameSchema.safeParse(form);
        if (!parsed.success) return data<ActionData>({ intent: "rename", key: str("key"), errors: fieldErrors(parsed.error), title: str("title") }, { status: 400 });
        const { changed } = await renameSection(actor, parsed.data.key, parsed.data.title);
        return redirectWithToast(anchor(parsed.data.key), changed ? { kind: "success", message: "admin.reportOutline.renamed" } : { kind: "info", message: "admin.reportOutline.unchanged" });
      }
      case "move": {
        const parsed = moveSchema.safeParse(form);
        if (!parsed.success) return redirectWithToast(HERE, { kind: "error", message: "admin.reportOutline.errors.invalid" });
        await moveSection(actor, parsed.data.key, parsed.data.direction);
        return redirectWithToast(anchor(parsed.data.key), { kind: "success", message: "admin.reportOutline.moved" });
      }
      case "add": {
        const parsed = addSchema.safeParse(form);
        const values: AddValues = { title: str("title"), kind: str("kind"), computed: str("computed"), parent: str("parent"), numbered: form.numbered === "on" };
        if (!parsed.success) return data<ActionData>({ intent: "add", errors: fieldErrors(parsed.error), values }, { status: 400 });
        try {
          const created = await addSection(actor, parsed.data);
          return redirectWithToast(anchor(created.key), { kind: "success", message: "admin.reportOutline.added", params: { title: parsed.data.title } });
        } catch (error) {
          if (error instanceof OutlineError && (error.code === "parentNotFound" || error.code === "tooDeep")) {
            return data<ActionData>({ intent: "add", errors: { parent: `admin.reportOutline.errors.${error.code}` }, values }, { status: 400 });
          }
          throw error;
        }
      }
      case "delete": {
        // The first post changes nothing: it says what would go.
        const parsed = deleteSchema.safeParse(form);
        if (!parsed.success) return redirectWithToast(HERE, { kind: "error", message: "admin.reportOutline.errors.invalid" });
        const impact = await deletionImpact(parsed.data.key);
        if (!impact.added) return redirectWithToast(anchor(impact.key), { kind: "error", message: "admin.reportOutline.errors.notAdded" });
        return data<ActionData>({ intent: "delete", impact });
      }
      case "deleteConfirm": {
        const parsed = confirmDeleteSchema.safeParse(form);
        if (!parsed.success) return redirectWithToast(HERE, { kind: "error", message: "admin.reportOutline.errors.invalid" });
        try {
          const { sections } = await deleteSection(actor, parsed.data.key, parsed.data.sections);
          return redirectWithToast(HERE, { kind: "success", message: "admin.reportOutline.deleted", params: { count: sections } });
        } catch (error) {
          if (error instanceof OutlineError && (error.code === "stale" || error.code === "inUse")) {
            return data<ActionData>({ intent: "delete", impact: await deletionImpact(parsed.data.key), stale: error.code === "stale" }, { status: 409 });
          }
          throw error;
        }
      }
      default:
        return redirectWithToast(HERE, { kind: "error", message: "admin.reportOutline.errors.invalid" });
    }
  } catch (error) {
    if (error instanceof OutlineError) return redirectWithToast(HERE, { kind: "error", message: `admin.reportOutline.errors.${error.code}`, params: error.params });
    throw error;
  }
}

export default function ReportOutlinePage() {
  const { nodes, computedKeys, kinds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("admin.reportOutline.title")} description={t("admin.reportOutline.intro")}>
        <p className="muted">{t("admin.reportOutline.frozenNote")}</p>
      </PageHeader>
      {actionData?.intent === "delete" ? <DeleteConfirmation impact={actionData.impact} stale={actionData.stale} back={anchor(actionData.impact.key)} /> : null}
      <section className="panel" aria-labelledby="outline-tree-title">
        <h2 id="outline-tree-title">{t("admin.reportOutline.tree")}</h2>
        <ol className="outline-tree">
          {nodes.map((n) => (
            <OutlineRow key={n.key} node={n} busy={busy} rename={actionData?.intent === "rename" && actionData.key === n.key ? actionData : null} />
          ))}
        </ol>
      </section>
      <AddSectionForm nodes={nodes} kinds={kinds} computedKeys={computedKeys} values={actionData?.intent === "add" ? actionData.values : EMPTY_ADD} errors={actionData?.intent === "add" ? actionData.errors : {}} busy={busy} />
    </>
  );
}
