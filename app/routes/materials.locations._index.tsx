import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { formatQty } from "~/components/materials/labels";
import { NewLocationForm } from "~/components/materials/new-location-form";
import { DataTable, FilterBar, FilterSearch, FilterSelect, KeysetPager, PageHeader, StatusBadge, type Column, type FilterChip } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { parseForm } from "~/lib/forms";
import { requireActor } from "~/lib/actor.server";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { createLocation, listLocations } from "~/modules/materials/index.server";
import { MaterialError, LOCATION_KINDS, locationFormSchema } from "~/modules/materials";
import { listPartnerOptions } from "~/modules/events/index.server";
import { z } from "zod";
import { searchParam } from "~/lib/params";
import { countryChoices, countryName } from "~/modules/geo";
import { INTL_LOCALE } from "~/i18n";

export const meta = pageTitle("materials.locations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:material");
  const url = new URL(request.url);
  const kind = z.enum(LOCATION_KINDS).optional().catch(undefined).parse(url.searchParams.get("kind") ?? undefined);
  const q = searchParam(url.searchParams.get("q"));
  const canEdit = can(user.role, "edit:material");
  const [list, partners] = await Promise.all([listLocations({ kind, q }, url.searchParams.get("cursor")), canEdit ? listPartnerOptions() : []]);
  return { kind: kind ?? "", q: q ?? "", rows: list.rows, nextCursor: list.nextCursor, canEdit, partners, countries: canEdit ? countryChoices(INTL_LOCALE[user.locale]) : [] };
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

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

export default function LocationsPage() {
  const { kind, q, rows, nextCursor, canEdit, partners, countries } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const chips: FilterChip[] = [
    ...(q ? [{ param: "q", label: `${t("materials.list.q")}: ${q}` }] : []),
    ...(kind ? [{ param: "kind", label: `${t("materials.locations.kind")}: ${t(`materials.locationKind.${kind}`)}` }] : []),
  ];
  const columns: Column<Row>[] = [
    {
      key: "name",
      header: t("materials.fields.name"),
      primary: true,
      cell: (l) => (
        <>
          <Link to={`/materials/locations/${l.id}`}>{l.name}</Link>
          {!l.active ? <StatusBadge tone="danger" label={t("materials.list.retired")} /> : null}
        </>
      ),
    },
    { key: "kind", header: t("materials.locations.kind"), cell: (l) => t(`materials.locationKind.${l.kind}`) },
    { key: "place", header: t("materials.locations.place"), cell: (l) => [l.city, l.country ? countryName(l.country, INTL_LOCALE[locale]) : null].filter(Boolean).join(", ") || "—" },
    { key: "materials", header: t("materials.locations.materials"), align: "end", cell: (l) => formatQty(l.materials, locale) },
    { key: "items", header: t("materials.locations.items"), align: "end", cell: (l) => formatQty(l.items, locale) },
  ];
  return (
    <>
      <PageHeader title={t("materials.locations.title")} description={t("materials.locations.intro")} />
      <FilterBar label={t("materials.list.filters")} submitLabel={t("materials.list.apply")} chips={chips}>
        <FilterSearch name="q" id="loc-q" label={t("materials.list.q")} defaultValue={q} />
        <FilterSelect name="kind" id="loc-kind" label={t("materials.locations.kind")} anyLabel={t("materials.list.any")} defaultValue={kind} options={LOCATION_KINDS.map((k) => ({ value: k, label: t(`materials.locationKind.${k}`) }))} />
      </FilterBar>
      <DataTable label={t("materials.locations.title")} columns={columns} rows={rows} rowKey={(l) => l.id} className="mt-table" />
      <KeysetPager nextCursor={nextCursor} />
      {canEdit ? <NewLocationForm lastResult={lastResult} partners={partners} countries={countries} /> : null}
    </>
  );
}
