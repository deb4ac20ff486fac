import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { CSSProperties } from "react";
import { adminTitle } from "~/components/admin/meta";
import { TextField } from "~/components/admin/text-field";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { formBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
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
} from "~/modules/reports/outline-admin.server";

/**
 * The report's outline (ADMIN): the tree with its derived numbers; rename, move up/down, add, and
 * delete a section added here (two posts: the first says what goes and whether drafts have text for
 * it). Plain forms: everything works without JavaScript. Rules live in outline-admin.server.ts.
 */
export const meta = adminTitle("admin.reportOutline.title");

const HERE = "/admin/report-outline";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:settings");
  // The lists travel with the data: the page's component cannot import the server module.
  return { ...(await outlineEditorView()), computedKeys: COMPUTED_KEYS, kinds: OUTLINE_KINDS };
}

type AddValues = { title: string; kind: string; computed: string; parent: string; numbered: boolean };

type ActionData =
  | { intent: "add"; errors: Record<string, string>; values: AddValues }
  | { intent: "rename"; key: string; errors: Record<string, string>; title: string }
  | { intent: "delete"; impact: DeletionImpact; stale?: boolean };

const anchor = (key: string) => `${HERE}#s-${encodeURIComponent(key)}`;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:settings");
  const form = Object.fromEntries(await formBody(request)) as Record<string, unknown>;
  const actor = { userId: user.id, ip: clientIp(request) };
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

const indent = (depth: number): CSSProperties => ({ paddingLeft: `${Math.min(depth - 1, 5) * 0.9}rem` });
const rowStyle: CSSProperties = { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: "0.35rem 0.75rem", padding: "0.55rem 0", borderBottom: "1px solid var(--border)" };
const actionsStyle: CSSProperties = { display: "flex", flexWrap: "wrap", gap: "0.4rem", alignItems: "center", marginLeft: "auto" };

function DeleteConfirmation({ impact, stale }: { impact: DeletionImpact; stale?: boolean }) {
  const t = useT();
  const label = impact.number ? `${impact.number}. ${impact.title}` : impact.title;
  return (
    <section className="panel" role="alert" aria-labelledby="delete-title" tabIndex={-1} autoFocus>
      <h2 id="delete-title">{t("admin.reportOutline.delete.title", { title: label })}</h2>
      {stale ? <p className="form-error">{t("admin.reportOutline.errors.stale")}</p> : null}
      <p>{t("admin.reportOutline.delete.impact", { count: impact.sections })}</p>
      {impact.subsections.length ? (
        <ul>
          {impact.subsections.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      ) : null}
      {impact.draftReports > 0 ? (
        <>
          <p className="form-error">{t("admin.reportOutline.delete.inUse", { count: impact.draftReports })}</p>
          <a className="button" href={anchor(impact.key)}>
            {t("admin.reportOutline.delete.back")}
          </a>
        </>
      ) : (
        <>
          <p>{t("admin.reportOutline.delete.noDrafts")}</p>
          <Form method="post" className="form-actions">
            <input type="hidden" name="intent" value="deleteConfirm" />
            <input type="hidden" name="key" value={impact.key} />
            <input type="hidden" name="sections" value={impact.sections} />
            <button type="submit" className="button button--danger">
              {t("admin.reportOutline.delete.confirm", { count: impact.sections })}
            </button>
            <a className="button" href={anchor(impact.key)}>
              {t("admin.reportOutline.delete.cancel")}
            </a>
          </Form>
        </>
      )}
    </section>
  );
}

export default function ReportOutlinePage() {
  const { nodes, computedKeys, kinds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const addErrors = actionData?.intent === "add" ? actionData.errors : {};
  const addValues: AddValues = actionData?.intent === "add" ? actionData.values : { title: "", kind: "NARRATIVE", computed: "", parent: "", numbered: true };
  const labelOf = (n: { number: string | null; title: string }) => (n.number ? `${n.number}. ${n.title}` : n.title);
  return (
    <>
      <header className="page-header">
        <h1>{t("admin.reportOutline.title")}</h1>
        <p className="muted">{t("admin.reportOutline.intro")}</p>
        <p className="muted">{t("admin.reportOutline.frozenNote")}</p>
      </header>

      {actionData?.intent === "delete" ? <DeleteConfirmation impact={actionData.impact} stale={actionData.stale} /> : null}

      <section className="panel" aria-labelledby="outline-tree-title">
        <h2 id="outline-tree-title">{t("admin.reportOutline.tree")}</h2>
        <ol style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {nodes.map((n) => {
            const renameErrors = actionData?.intent === "rename" && actionData.key === n.key ? actionData.errors : null;
            const label = labelOf(n);
            return (
              <li key={n.key} id={`s-${n.key}`} style={{ ...rowStyle, ...indent(n.depth) }}>
                <span style={{ fontWeight: n.depth === 1 ? 700 : 400, overflowWrap: "anywhere", minWidth: 0 }}>
                  {n.number ? <span className="nowrap">{n.number}. </span> : null}
                  {n.title}
                </span>
                <span className="stat-list" style={{ margin: 0 }}>
                  <span className="badge">{t(`admin.reportOutline.kind.${n.kind}`)}</span>
                  {n.computed ? <span className="badge">{t(`admin.reportOutline.computed.${n.computed}`)}</span> : null}
                  {!n.numbered ? <span className="badge badge--off">{t("admin.reportOutline.unnumbered")}</span> : null}
                  {n.added ? <span className="badge badge--ok">{t("admin.reportOutline.addedHere")}</span> : null}
                </span>
                <span style={actionsStyle}>
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="intent" value="move" />
                    <input type="hidden" name="key" value={n.key} />
                    <button type="submit" name="direction" value="up" className="button" disabled={n.first || busy} aria-label={t("admin.reportOutline.moveUpLabel", { title: label })}>
                      {t("admin.reportOutline.moveUp")}
                    </button>{" "}
                    <button type="submit" name="direction" value="down" className="button" disabled={n.last || busy} aria-label={t("admin.reportOutline.moveDownLabel", { title: label })}>
                      {t("admin.reportOutline.moveDown")}
                    </button>
                  </Form>
                  {n.added ? (
                    <Form method="post" style={{ display: "inline" }}>
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="key" value={n.key} />
                      <button type="submit" className="button button--danger" disabled={busy} aria-label={t("admin.reportOutline.deleteLabel", { title: label })}>
                        {t("admin.reportOutline.delete.action")}
                      </button>
                    </Form>
                  ) : null}
                </span>
                <details style={{ flexBasis: "100%" }} open={!!renameErrors}>
                  <summary>{t("admin.reportOutline.rename")}</summary>
                  <Form method="post" className="inline-form" noValidate>
                    <input type="hidden" name="intent" value="rename" />
                    <input type="hidden" name="key" value={n.key} />
                    <div className="field" style={{ flex: "1 1 14rem", minWidth: 0 }}>
                      <label htmlFor={`title-${n.key}`}>{t("admin.reportOutline.renameLabel", { title: label })}</label>
                      <input
                        id={`title-${n.key}`}
                        name="title"
                        defaultValue={renameErrors && actionData?.intent === "rename" ? actionData.title : n.title}
                        maxLength={300}
                        required
                        aria-invalid={renameErrors?.title ? true : undefined}
                        aria-describedby={renameErrors?.title ? `title-${n.key}-error` : undefined}
                      />
                      {renameErrors?.title ? (
                        <p className="field-error" id={`title-${n.key}-error`}>
                          {t(renameErrors.title)}
                        </p>
                      ) : null}
                    </div>
                    <button type="submit" className="button button--primary" disabled={busy}>
                      {t("admin.reportOutline.save")}
                    </button>
                  </Form>
                </details>
              </li>
            );
          })}
        </ol>
      </section>

      <section className="panel" aria-labelledby="outline-add-title">
        <h2 id="outline-add-title">{t("admin.reportOutline.add.title")}</h2>
        <p className="muted">{t("admin.reportOutline.add.intro")}</p>
        {Object.keys(addErrors).length ? (
          <p className="form-error" role="alert">
            {t("admin.reportOutline.errors.fix")}
          </p>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add" />
          <div className="form-grid">
            <TextField wide name="title" label={t("admin.reportOutline.add.fields.title")} defaultValue={addValues.title} error={addErrors.title} required />
            <div className="field">
              <label htmlFor="field-kind">{t("admin.reportOutline.add.fields.kind")}</label>
              <select id="field-kind" name="kind" defaultValue={addValues.kind} aria-invalid={addErrors.kind ? true : undefined}>
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`admin.reportOutline.kind.${k}`)}
                  </option>
                ))}
              </select>
              {addErrors.kind ? <p className="field-error">{t(addErrors.kind)}</p> : null}
            </div>
            <div className="field">
              <label htmlFor="field-computed">{t("admin.reportOutline.add.fields.computed")}</label>
              <p className="hint" id="field-computed-hint">
                {t("admin.reportOutline.add.computedHint")}
              </p>
              <select
                id="field-computed"
                name="computed"
                defaultValue={addValues.computed}
                aria-invalid={addErrors.computed ? true : undefined}
                aria-describedby={addErrors.computed ? "field-computed-hint field-computed-error" : "field-computed-hint"}
              >
                <option value="">{t("admin.reportOutline.add.noComputed")}</option>
                {computedKeys.map((k) => (
                  <option key={k} value={k}>
                    {t(`admin.reportOutline.computed.${k}`)}
                  </option>
                ))}
              </select>
              {addErrors.computed ? (
                <p className="field-error" id="field-computed-error">
                  {t(addErrors.computed)}
                </p>
              ) : null}
            </div>
            <div className="field field--wide">
              <label htmlFor="field-parent">{t("admin.reportOutline.add.fields.parent")}</label>
              <select
                id="field-parent"
                name="parent"
                defaultValue={addValues.parent}
                aria-invalid={addErrors.parent ? true : undefined}
                aria-describedby={addErrors.parent ? "field-parent-error" : undefined}
              >
                <option value="">{t("admin.reportOutline.add.topLevel")}</option>
                {nodes.map((n) => (
                  <option key={n.key} value={n.key}>
                    {"\u00a0\u00a0".repeat(n.depth - 1)}
                    {labelOf(n)}
                  </option>
                ))}
              </select>
              {addErrors.parent ? (
                <p className="field-error" id="field-parent-error">
                  {t(addErrors.parent, { max: 6 })}
                </p>
              ) : null}
            </div>
            <div className="field field--wide">
              <label style={{ display: "flex", gap: "0.5rem", alignItems: "center", fontWeight: 400 }}>
                <input type="checkbox" name="numbered" defaultChecked={addValues.numbered} style={{ width: "auto" }} />
                {t("admin.reportOutline.add.fields.numbered")}
              </label>
            </div>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("admin.reportOutline.add.submit")}
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
