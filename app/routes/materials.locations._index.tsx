import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { KeysetPager } from "~/components/admin/pager";
import { pageTitle } from "~/components/contact-detail/meta";
import { Field } from "~/components/contact-detail/field";
import { formatQty } from "~/components/materials/labels";
import { useLocale, useT } from "~/i18n/use-t";
import { getFormProps, parseForm, useAppForm } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { createLocation, listLocations } from "~/modules/materials/index.server";
import { MaterialError, LOCATION_KINDS, MANUAL_LOCATION_KINDS, locationFormSchema } from "~/modules/materials";
import { listPartnerOptions } from "~/modules/events/index.server";
import { z } from "zod";
import { searchParam } from "~/lib/params";
import { countryName } from "~/modules/geo";
import { INTL_LOCALE } from "~/i18n";

export const meta = pageTitle("materials.locations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const url = new URL(request.url);
  const kind = z.enum(LOCATION_KINDS).optional().catch(undefined).parse(url.searchParams.get("kind") ?? undefined);
  const q = searchParam(url.searchParams.get("q"));
  const canEdit = can(user.role, "edit:material");
  const [list, partners] = await Promise.all([listLocations({ kind, q }, url.searchParams.get("cursor")), canEdit ? listPartnerOptions() : []]);
  return { kind: kind ?? "", q: q ?? "", rows: list.rows, nextCursor: list.nextCursor, canEdit, partners };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:material");
  const parsed = await parseForm(request, locationFormSchema);
  if (!parsed.ok) return data(parsed.reply, { status: 400 });
  try {
    // A location created here is active; retiring one is done on its own page.
    const location = await createLocation(actor, { ...parsed.value, active: true });
    return redirectWithToast(`/materials/locations/${location.id}`, { kind: "success", message: "materials.locations.created" });
  } catch (error) {
    if (error instanceof MaterialError) return data(parsed.reply({ fieldErrors: { partnerId: ["materials.errors.partner"] } }), { status: 400 });
    throw error;
  }
}

export default function LocationsPage() {
  const { kind, q, rows, nextCursor, canEdit, partners } = useLoaderData<typeof loader>();
  const [form, fields] = useAppForm({ schema: locationFormSchema, lastResult: useActionData<typeof action>() });
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const errors = { partnerId: fields.partnerId.errors?.[0] };
  return (
    <>
      <header className="page-header">
        <h1>{t("materials.locations.title")}</h1>
        <p className="muted">{t("materials.locations.intro")}</p>
      </header>
      <Form method="get" className="filters" role="search" aria-label={t("materials.list.filters")}>
        <div className="field">
          <label htmlFor="loc-q">{t("materials.list.q")}</label>
          <input id="loc-q" name="q" type="search" defaultValue={q} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="loc-kind">{t("materials.locations.kind")}</label>
          <select id="loc-kind" name="kind" defaultValue={kind}>
            <option value="">{t("materials.list.any")}</option>
            {LOCATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`materials.locationKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("materials.list.apply")}
        </button>
      </Form>
      <div className="table-wrap">
        <table className="mt-table">
          <thead>
            <tr>
              <th scope="col">{t("materials.fields.name")}</th>
              <th scope="col">{t("materials.locations.kind")}</th>
              <th scope="col">{t("materials.locations.place")}</th>
              <th scope="col" className="num">
                {t("materials.locations.materials")}
              </th>
              <th scope="col" className="num">
                {t("materials.locations.items")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link to={`/materials/locations/${l.id}`}>{l.name}</Link>
                  {!l.active ? <span className="badge badge--off"> {t("materials.list.retired")}</span> : null}
                </td>
                <td>{t(`materials.locationKind.${l.kind}`)}</td>
                <td>{[l.city, l.country ? countryName(l.country, INTL_LOCALE[locale]) : null].filter(Boolean).join(", ") || "—"}</td>
                <td className="num">{formatQty(l.materials, locale)}</td>
                <td className="num">{formatQty(l.items, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <KeysetPager nextCursor={nextCursor ?? undefined} />
      {canEdit ? (
        <section className="panel" aria-labelledby="loc-new">
          <h2 id="loc-new">{t("materials.locations.new")}</h2>
          <Form method="post" {...getFormProps(form)}>
            <div className="form-grid">
              <Field name="name" label={t("materials.fields.name")} defaultValue={fields.name.initialValue} error={fields.name.errors?.[0]} required maxLength={200} idPrefix="loc" />
              <div className="field">
                <label htmlFor="loc-new-kind">{t("materials.locations.kind")}</label>
                <select id="loc-new-kind" name="kind" defaultValue={fields.kind.initialValue ?? "WAREHOUSE"}>
                  {MANUAL_LOCATION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`materials.locationKind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="loc-partner">{t("materials.locations.partner")}</label>
                <select id="loc-partner" name="partnerId" defaultValue={fields.partnerId.initialValue ?? ""} aria-invalid={errors.partnerId ? true : undefined}>
                  <option value="">{t("materials.locations.noPartner")}</option>
                  {partners.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                {errors.partnerId ? <p className="field-error">{t(errors.partnerId)}</p> : null}
              </div>
              <Field name="country" label={t("materials.locations.country")} defaultValue={fields.country.initialValue} error={fields.country.errors?.[0]} maxLength={2} idPrefix="loc" />
              <Field name="state" label={t("materials.locations.state")} defaultValue={fields.state.initialValue} error={fields.state.errors?.[0]} idPrefix="loc" />
              <Field name="city" label={t("materials.locations.city")} defaultValue={fields.city.initialValue} error={fields.city.errors?.[0]} idPrefix="loc" />
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("materials.locations.create")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
