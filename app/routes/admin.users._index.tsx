import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { KeysetPager } from "~/components/admin/pager";
import { UserStatusBadge } from "~/components/admin/user-status-badge";
import { useFormatDate, useT } from "~/i18n/use-t";
import { ROLES } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { USER_STATUSES, userListQuerySchema } from "~/modules/users";
import { listUsers } from "~/modules/users/index.server";

export const meta = adminTitle("admin.users.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:user");
  const query = userListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const page = await listUsers(query);
  return { ...page, query };
}

export default function UsersPage() {
  const { users, total, nextCursor, query } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const filtered = Boolean(query.q || query.role || query.status);
  return (
    <>
      <header className="page-header page-header--actions">
        <div>
          <h1>{t("admin.users.title")}</h1>
          <p className="muted">{t("admin.users.intro")}</p>
        </div>
        <Link to="/admin/users/new" className="button button--primary">
          {t("admin.users.invite.action")}
        </Link>
      </header>

      <Form method="get" className="filters" role="search" aria-label={t("admin.users.filters")}>
        <div className="field">
          <label htmlFor="users-q">{t("admin.users.search")}</label>
          <input id="users-q" name="q" type="search" defaultValue={query.q ?? ""} placeholder={t("admin.users.searchPlaceholder")} />
        </div>
        <div className="field">
          <label htmlFor="users-role">{t("admin.users.fields.role")}</label>
          <select id="users-role" name="role" defaultValue={query.role ?? ""}>
            <option value="">{t("admin.users.anyRole")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="users-status">{t("admin.users.fields.status")}</label>
          <select id="users-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("admin.users.anyStatus")}</option>
            {USER_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`admin.users.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t("common.filter")}
          </button>
          {filtered ? (
            <Link to="/admin/users" className="button">
              {t("common.clear")}
            </Link>
          ) : null}
        </div>
      </Form>

      <p className="muted" role="status">
        {t("common.total", { count: total })}
      </p>

      {users.length === 0 ? (
        <div className="empty-state">
          <p>{filtered ? t("admin.users.emptyFiltered") : t("admin.users.empty")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("admin.users.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.users.fields.name")}</th>
                <th scope="col">{t("admin.users.fields.email")}</th>
                <th scope="col">{t("admin.users.fields.role")}</th>
                <th scope="col">{t("admin.users.fields.status")}</th>
                <th scope="col">{t("admin.users.fields.twoFactor")}</th>
                <th scope="col">{t("admin.users.fields.lastLogin")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td>
                    <Link to={`/admin/users/${user.id}`}>{user.name}</Link>
                  </td>
                  <td>{user.email}</td>
                  <td>{t(`roles.${user.role}`)}</td>
                  <td>
                    <UserStatusBadge active={user.active} invited={user.invited} />
                  </td>
                  <td>{user.totpEnabled ? t("admin.users.twoFactor.on") : t("admin.users.twoFactor.off")}</td>
                  <td className="nowrap">{user.lastLoginAt ? formatDate(user.lastLoginAt) : t("admin.users.neverLoggedIn")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <KeysetPager nextCursor={nextCursor} />
    </>
  );
}
