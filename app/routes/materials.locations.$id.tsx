import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
import { LocationFields } from "~/components/materials/location-fields";
import { MovementsTable } from "~/components/materials/movements-table";
import { Card, DataTable, KeysetPager, PageHeader, type Column } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { getLocation, updateLocation } from "~/modules/materials/index.server";
import { MaterialError, MANUAL_LOCATION_KINDS, locationFormSchema } from "~/modules/materials";
import { formBody, idParam, notFound } from "~/lib/params";
import { countryChoices, countryName } from "~/modules/geo";
import { INTL_LOCALE } from "~/i18n";

export const meta = pageTitle("materials.locations.detailTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const view = await getLocation(idParam(request, params.id, "key"), new URL(request.url).searchParams.get("cursor"));
  if (!view) throw notFound(request);
  const canEdit = can(user.role, "edit:material") && (MANUAL_LOCATION_KINDS as readonly string[]).includes(view.location.kind);
  return { ...view, canEdit, countries: canEdit ? countryChoices(INTL_LOCALE[user.locale]) : [] };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:material");
  const id = idParam(request, params.id, "key");
  const form = await formBody(request);
  const parsed = locationFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) }, { status: 400 });
  try {
    const { changed } = await updateLocation(actor, id, parsed.data);
    return redirectWithToast(`/materials/locations/${id}`, changed ? { kind: "success", message: "materials.locations.saved" } : { kind: "info", message: "materials.edit.unchanged" });
  } catch (error) {
    if (error instanceof MaterialError) throw notFound(request);
    throw error;
  }
}

export default function LocationPage() {
  const { location, holdings, movements, canEdit, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const columns: Column<(typeof holdings)[number]>[] = [
    { key: "code", header: t("materials.fields.code"), cell: (h) => h.code },
    { key: "name", header: t("materials.fields.name"), primary: true, cell: (h) => <Link to={`/materials/${h.id}`}>{h.name}</Link> },
    {
      key: "quantity",
      header: t("materials.locations.quantity"),
      align: "end",
      className: (h) => (h.low ? "mt-low" : undefined),
      cell: (h) => `${formatQty(h.quantity, locale)} ${h.unit}${h.low ? ` (${t("materials.lowStock.badge")})` : ""}`,
    },
  ];
  return (
    <>
      <PageHeader
        title={location.name}
        back={{ to: "/materials/locations", label: t("materials.locations.back") }}
        description={
          <>
            {t(`materials.locationKind.${location.kind}`)}
            {location.city || location.country ? ` · ${[location.city, location.state, location.country ? countryName(location.country, INTL_LOCALE[locale]) : null].filter(Boolean).join(", ")}` : ""}
            {location.event ? (
              <>
                {" · "}
                <Link to={`/events/${location.event.id}`}>{location.event.name}</Link>
              </>
            ) : null}
            {location.partner ? (
              <>
                {" · "}
                <Link to={`/partners/${location.partner.id}`}>{location.partner.name}</Link>
              </>
            ) : null}
          </>
        }
      />
      <Card title={t("materials.locations.holds")} data-testid="holdings">
        <DataTable label={t("materials.locations.holds")} columns={columns} rows={holdings} rowKey={(h) => h.id} rowAttrs={(h) => ({ "data-material": h.code })} empty={{ message: t("materials.locations.empty") }} className="mt-table" />
      </Card>
      <section className="panel" aria-labelledby="loc-movements">
        <h2 id="loc-movements">{t("materials.detail.movements")}</h2>
        <MovementsTable rows={movements.rows} showMaterial />
        <KeysetPager nextCursor={movements.nextCursor ?? undefined} />
      </section>
      {canEdit ? (
        <section className="panel" aria-labelledby="loc-edit">
          <h2 id="loc-edit">{t("materials.locations.edit")}</h2>
          <Form method="post" noValidate>
            <input type="hidden" name="kind" value={location.kind} />
            <input type="hidden" name="partnerId" value={location.partnerId ?? ""} />
            <div className="form-grid">
              <LocationFields values={location} errors={errors} countries={countries} />
            </div>
            <p className="ev-check-row">
              <input id="loc-active" type="checkbox" name="active" defaultChecked={location.active} />
              <label htmlFor="loc-active">{t("materials.locations.active")}</label>
            </p>
            <button type="submit" className="button" disabled={busy}>
              {t("materials.locations.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
