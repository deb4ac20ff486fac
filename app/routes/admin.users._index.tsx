import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { IgnoredFilters } from "~/components/admin/ignored-filters";
import { UserStatus } from "~/components/admin/user-status";
import { DataTable, FilterBar, FilterSearch, FilterSelect, KeysetPager, LinkButton, PageHeader, ResultSummary, type Column, type FilterChip } from "~/components/ui";
import { useFormatDate, useT } from "~/i18n/use-t";
import { parseFilters } from "~/lib/filters";
import { ROLES } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { USER_STATUSES, userListQuerySchema } from "~/modules/users";
import { listUsers } from "~/modules/users/index.server";

export const meta = adminTitle("admin.users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user");
  const { value: query, ignored } = parseFilters(new URL(request.url).searchParams, userListQuerySchema);
  const page = await listUsers(query);
  return { ...page, query, ignored };
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["users"][number];

export default function UsersPage() {
  const { users, total, nextCursor, query, ignored } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const filtered = Boolean(query.q || query.role || query.status);
  const labels = { q: t("admin.users.search"), role: t("admin.users.fields.role"), status: t("admin.users.fields.status") };
  const chips: FilterChip[] = [
    ...(query.q ? [{ param: "q", label: `${labels.q}: ${query.q}` }] : []),
    ...(query.role ? [{ param: "role", label: `${labels.role}: ${t(`roles.${query.role}`)}` }] : []),
    ...(query.status ? [{ param: "status", label: `${labels.status}: ${t(`admin.users.status.${query.status}`)}` }] : []),
  ];
  const columns: Column<Row>[] = [
    { key: "name", header: t("admin.users.fields.name"), primary: true, cell: (u) => <Link to={`/admin/users/${u.id}`}>{u.name}</Link> },
    { key: "email", header: t("admin.users.fields.email"), cell: (u) => u.email },
    { key: "role", header: t("admin.users.fields.role"), cell: (u) => t(`roles.${u.role}`) },
    { key: "status", header: t("admin.users.fields.status"), cell: (u) => <UserStatus user={u} /> },
    { key: "twoFactor", header: t("admin.users.fields.twoFactor"), cell: (u) => t(u.totpEnabled ? "admin.users.twoFactor.on" : "admin.users.twoFactor.off") },
    { key: "lastLogin", header: t("admin.users.fields.lastLogin"), cell: (u) => (u.lastLoginAt ? formatDate(u.lastLoginAt) : t("admin.users.neverLoggedIn")) },
  ];
  return (
    <>
      <PageHeader
        title={t("admin.users.title")}
        description={t("admin.users.intro")}
        actions={
          <LinkButton to="/admin/users/new" primary>
            {t("admin.users.invite.action")}
          </LinkButton>
        }
      />
      <FilterBar label={t("admin.users.filters")} submitLabel={t("common.filter")} chips={chips}>
        <FilterSearch id="users-q" label={labels.q} defaultValue={query.q} placeholder={t("admin.users.searchPlaceholder")} />
        <FilterSelect id="users-role" name="role" label={labels.role} anyLabel={t("admin.users.anyRole")} defaultValue={query.role} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <FilterSelect id="users-status" name="status" label={labels.status} anyLabel={t("admin.users.anyStatus")} defaultValue={query.status} options={USER_STATUSES.map((s) => ({ value: s, label: t(`admin.users.status.${s}`) }))} />
      </FilterBar>
      <IgnoredFilters ignored={ignored} labels={labels} />
      <ResultSummary text={t("common.total", { count: total })} />
      <DataTable label={t("admin.users.title")} columns={columns} rows={users} rowKey={(u) => u.id} empty={{ message: filtered ? t("admin.users.emptyFiltered") : t("admin.users.empty") }} />
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
