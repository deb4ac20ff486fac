import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Fragment, useState } from "react";
import { ConsentBadge, SubscriptionBadge } from "~/components/contact-detail/badges";
import { pageTitle } from "~/components/contact-detail/meta";
import { contactDetailLinks } from "~/components/contact-detail/styles";
import { useFormatDate, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { ContactError, searchContacts } from "~/modules/contacts/contact.server";
import { defaultSide, loadMergePair, mergeContacts, mergedValues } from "~/modules/contacts/merge.server";
import { MERGE_FIELDS, mergeFormSchema, type MergeField } from "~/modules/contacts/schema";
import { formBody, idQuery, notFound, searchParam } from "~/lib/params";

export const meta = pageTitle("contacts.merge.title");
export const links = contactDetailLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:contact");
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
  const user = await requirePermission(request, "edit:contact");
  const form = Object.fromEntries(await formBody(request));
  const parsed = mergeFormSchema.safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), preview: null }, { status: 400 });
  const { intent, survivorId, otherId, choices, survivor } = parsed.data;
  if (intent === "preview") {
    const pair = await loadMergePair(survivorId, otherId);
    if (!pair.a || !pair.b) return data({ errors: { _form: "contacts.merge.errors.gone" } as Record<string, string>, preview: null }, { status: 400 });
    const values = mergedValues(pair.a, pair.b, choices);
    const sides = Object.fromEntries(MERGE_FIELDS.map((f) => [f, choices[f] ?? defaultSide(pair.a!, pair.b!, f)])) as Record<MergeField, "survivor" | "other">;
    // Echo the choices as a/b so the confirm form posts exactly what was previewed.
    const other = survivor === "a" ? "b" : "a";
    const fieldSides = Object.fromEntries(MERGE_FIELDS.map((f) => [`field_${f}`, sides[f] === "survivor" ? survivor : other]));
    return {
      errors: {} as Record<string, string>,
      preview: {
        survivorId,
        otherId,
        form: { a: String(parsed.data.a), b: String(parsed.data.b), survivor, ...fieldSides } as Record<string, string>,
        values: { ...values, createdAt: values.createdAt.toISOString() },
        consents: pair.a._count.consents + pair.b._count.consents,
      },
    };
  }
  try {
    await mergeContacts({ userId: user.id, ip: clientIp(request) }, survivorId, otherId, choices);
  } catch (error) {
    if (error instanceof ContactError) return data({ errors: { _form: error.messageKey } as Record<string, string>, preview: null }, { status: 400 });
    throw error;
  }
  return redirectWithToast(`/contacts/${survivorId}`, { kind: "success", message: "contacts.merge.done", params: { id: otherId } });
}

type PairContact = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["a"]>;

function display(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  return Array.isArray(value) ? value.join(", ") : String(value);
}

function Chooser({ a, b }: { a: PairContact; b: PairContact }) {
  const t = useT();
  const formatDate = useFormatDate();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const previous = actionData?.preview?.form;
  const [survivor, setSurvivor] = useState<"a" | "b">(previous?.survivor === "b" ? "b" : "a");
  const fieldLabel = (f: MergeField) => (f === "source" ? t("contacts.detail.source") : t(`contacts.form.fields.${f}`));
  const show = (c: PairContact, f: MergeField) => (f === "source" ? t(`contacts.source.${c.source}`) + (c.sourceDetail ? ` · ${c.sourceDetail}` : "") : display(c[f]));
  const initialSide = (f: MergeField): "a" | "b" => {
    const fromPreview = previous?.[`field_${f}`];
    if (fromPreview === "a" || fromPreview === "b") return fromPreview;
    return display(a[f]) === "" && display(b[f]) !== "" ? "b" : "a";
  };
  const empty = <span className="cd-empty-value">{t("contacts.merge.empty")}</span>;
  return (
    <Form method="post" className="panel">
      <input type="hidden" name="a" value={a.id} />
      <input type="hidden" name="b" value={b.id} />
      <p className="cd-note">{t("contacts.merge.intro")}</p>
      <div className="table-wrap">
        <table className="cd-merge">
          <caption className="sr-only">{t("contacts.merge.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("contacts.merge.field")}</th>
              <th scope="col">
                <Link to={`/contacts/${a.id}`}>#{a.id}</Link>
              </th>
              <th scope="col">
                <Link to={`/contacts/${b.id}`}>#{b.id}</Link>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("contacts.merge.survivor")}</th>
              {(["a", "b"] as const).map((side) => (
                <td key={side}>
                  <label>
                    <input type="radio" name="survivor" value={side} checked={survivor === side} onChange={() => setSurvivor(side)} />
                    <span>{t("contacts.merge.keepRecord", { id: side === "a" ? a.id : b.id })}</span>
                  </label>
                </td>
              ))}
            </tr>
            {MERGE_FIELDS.map((f) => {
              const same = show(a, f) === show(b, f);
              return (
                <tr key={f}>
                  <th scope="row">{fieldLabel(f)}</th>
                  {same ? (
                    <td colSpan={2} className="cd-merge__same">
                      {show(a, f) || empty} · {t("contacts.merge.same")}
                    </td>
                  ) : (
                    (["a", "b"] as const).map((side) => {
                      const contact = side === "a" ? a : b;
                      return (
                        <td key={side}>
                          <label>
                            <input type="radio" name={`field_${f}`} value={side} defaultChecked={initialSide(f) === side} />
                            <span>{show(contact, f) || empty}</span>
                          </label>
                        </td>
                      );
                    })
                  )}
                </tr>
              );
            })}
            <tr>
              <th scope="row">{t("contacts.form.fields.tags")}</th>
              <td>{display(a.tags) || empty}</td>
              <td>{display(b.tags) || empty}</td>
            </tr>
            <tr>
              <th scope="row">{t("contacts.merge.consent")}</th>
              {[a, b].map((c) => (
                <td key={c.id}>
                  <ConsentBadge status={c.consentStatus} /> · {t("contacts.merge.records", { count: c._count.consents })}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("contacts.detail.subscription.title")}</th>
              {[a, b].map((c) => (
                <td key={c.id}>
                  <SubscriptionBadge status={c.subscriptionStatus} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t("contacts.detail.createdAt")}</th>
              {[a, b].map((c) => (
                <td key={c.id}>{formatDate(c.createdAt)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <ul className="cd-note">
        <li>{t("contacts.merge.rules.tags")}</li>
        <li>{t("contacts.merge.rules.consent")}</li>
        <li>{t("contacts.merge.rules.subscription")}</li>
        <li>{t("contacts.merge.rules.history")}</li>
      </ul>
      <div className="form-actions">
        <button type="submit" name="intent" value="preview" className="button button--primary" disabled={busy}>
          {t("contacts.merge.preview")}
        </button>
        <Link to={`/contacts/${a.id}`} className="button">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}

function Preview() {
  const t = useT();
  const formatDate = useFormatDate();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = actionData?.preview;
  if (!preview) return null;
  const v = preview.values;
  const none = t("common.none");
  return (
    <section className="panel cd-result" aria-labelledby="merge-result" role="status">
      <h2 id="merge-result">{t("contacts.merge.resultTitle", { id: preview.survivorId })}</h2>
      <dl className="cd-details">
        {MERGE_FIELDS.filter((f) => f !== "source").map((f) => (
          <Fragment key={f}>
            <dt>{t(`contacts.form.fields.${f}`)}</dt>
            <dd>{display(v[f]) || none}</dd>
          </Fragment>
        ))}
        <dt>{t("contacts.detail.source")}</dt>
        <dd>
          {t(`contacts.source.${v.source}`)}
          {v.sourceDetail ? ` · ${v.sourceDetail}` : ""}
        </dd>
        <dt>{t("contacts.form.fields.tags")}</dt>
        <dd>{display(v.tags) || none}</dd>
        <dt>{t("contacts.detail.subscription.title")}</dt>
        <dd>
          <SubscriptionBadge status={v.subscriptionStatus} />
        </dd>
        <dt>{t("contacts.merge.consent")}</dt>
        <dd>{t("contacts.merge.records", { count: preview.consents })}</dd>
        <dt>{t("contacts.detail.createdAt")}</dt>
        <dd>{formatDate(v.createdAt)}</dd>
      </dl>
      <p className="form-error">{t("contacts.merge.warning", { id: preview.otherId })}</p>
      <Form method="post">
        {Object.entries(preview.form).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <button type="submit" name="intent" value="confirm" className="button button--danger" disabled={busy}>
          {t("contacts.merge.confirm", { id: preview.otherId, survivor: preview.survivorId })}
        </button>
      </Form>
    </section>
  );
}

export default function MergePage() {
  const { a, b, bMissing, q, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const formError = actionData?.errors._form ?? actionData?.errors.b;
  return (
    <>
      <header className="page-header">
        <p className="cd-back">{a ? <Link to={`/contacts/${a.id}`}>← {t("contacts.detail.backToContact")}</Link> : <Link to="/contacts">← {t("contacts.detail.backToList")}</Link>}</p>
        <h1>{t("contacts.merge.title")}</h1>
        {a ? <p className="muted">{t("contacts.merge.subtitle", { email: a.email, id: a.id })}</p> : <p className="muted">{t("contacts.merge.startHint")}</p>}
      </header>
      {formError ? (
        <p className="form-error" role="alert">
          {t(formError)}
        </p>
      ) : null}
      {bMissing ? (
        <p className="form-error" role="alert">
          {t("contacts.merge.errors.gone")}
        </p>
      ) : null}

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
          <Chooser key={`${a.id}-${b.id}`} a={a} b={b} />
          <Preview />
        </>
      )}
    </>
  );
}
