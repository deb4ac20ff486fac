import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { UserStatusBadge } from "~/components/admin/user-status-badge";
import { useFormatDate, useT } from "~/i18n/use-t";
import { redirectWithToast } from "~/lib/toast.server";
import { ROLES } from "~/modules/auth";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { resendInvitation, changeUserRole, endUserSessions, getUserDetail, setUserActive, UserRuleError } from "~/modules/users/index.server";
import { INE_AREAS, userActionSchema } from "~/modules/users";
import { formBody, idParam, notFound } from "~/lib/params";

export const meta = adminTitle("admin.users.detail.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:user");
  const user = await getUserDetail(idParam(request, params.id, "key"));
  if (!user) throw notFound(request);
  return { user, isSelf: user.id === viewer.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePermission(request, "manage:user");
  const userId = idParam(request, params.id, "key");
  const here = `/admin/users/${encodeURIComponent(userId)}`;
  const parsed = userActionSchema.safeParse(Object.fromEntries(await formBody(request)));
  if (!parsed.success) {
    // A contributor without an area says so; anything else is a form this page did not send.
    const areaIssue = parsed.error.issues.find((i) => i.path[0] === "ineArea");
    return redirectWithToast(here, { kind: "error", message: areaIssue ? areaIssue.message : "admin.users.errors.invalidAction" });
  }
  const actor = { userId: viewer.id, ip: clientIp(request) };
  try {
    switch (parsed.data.intent) {
      case "role": {
        const { changed } = await changeUserRole(actor, userId, parsed.data.role, parsed.data.ineArea);
        return redirectWithToast(here, changed ? { kind: "success", message: "admin.users.role.changed" } : { kind: "info", message: "admin.users.role.unchanged" });
      }
      case "deactivate": {
        const { sessionsEnded } = await setUserActive(actor, userId, false);
        return redirectWithToast(
          here,
          sessionsEnded > 0
            ? { kind: "success", message: "admin.users.deactivatedWithSessions", params: { count: sessionsEnded } }
            : { kind: "success", message: "admin.users.deactivated" },
        );
      }
      case "reactivate": {
        await setUserActive(actor, userId, true);
        return redirectWithToast(here, { kind: "success", message: "admin.users.reactivated" });
      }
      case "endSessions": {
        const count = await endUserSessions(actor, userId);
        // Ending one's own sessions signs this browser out too.
        return redirectWithToast(userId === viewer.id ? "/login" : here, { kind: "success", message: "admin.users.sessions.ended", params: { count } });
      }
      case "resendInvite": {
        const result = await resendInvitation({ ...actor, name: viewer.name }, userId);
        return redirectWithToast(
          here,
          result.mailQueued
            ? { kind: "success", message: "admin.users.invite.resent", params: { email: result.email } }
            : { kind: "error", message: "admin.users.invite.mailFailed", params: { email: result.email } },
        );
      }
    }
  } catch (error) {
    if (error instanceof UserRuleError) {
      if (error.code === "notFound") throw notFound(request);
      return redirectWithToast(here, { kind: "error", message: error.messageKey });
    }
    throw error;
  }
}

export default function UserDetailPage() {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const t = useT();
  const formatDate = useFormatDate();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const confirmThen = (message: string) => (event: React.FormEvent<HTMLFormElement>) => {
    if (!window.confirm(message)) event.preventDefault();
  };
  const invitationExpired = user.invitation ? new Date(user.invitation.expiresAt).getTime() <= Date.now() : false;
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/admin/users">← {t("admin.users.backToList")}</Link>
        </p>
        <h1>{user.name}</h1>
        <p className="muted">
          {user.email} · {t(`roles.${user.role}`)} · <UserStatusBadge active={user.active} invited={user.invited} />
          {isSelf ? <> · <span className="badge">{t("admin.users.detail.you")}</span></> : null}
        </p>
      </header>

      <section className="panel" aria-labelledby="user-details">
        <h2 id="user-details">{t("admin.users.detail.details")}</h2>
        <dl className="details-list">
          <dt>{t("admin.users.fields.email")}</dt>
          <dd>{user.email}</dd>
          <dt>{t("admin.users.fields.role")}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          {user.ineArea ? (
            <>
              <dt>{t("admin.users.fields.ineArea")}</dt>
              <dd>{t(`ineArea.${user.ineArea}`)}</dd>
            </>
          ) : null}
          <dt>{t("admin.users.fields.locale")}</dt>
          <dd>{t(`admin.locales.${user.locale === "en" ? "en" : "es"}`)}</dd>
          <dt>{t("admin.users.fields.timeZone")}</dt>
          <dd>{user.timeZone ?? t("admin.users.detail.organisationTimeZone")}</dd>
          <dt>{t("admin.users.fields.status")}</dt>
          <dd>
            <UserStatusBadge active={user.active} invited={user.invited} />
          </dd>
          <dt>{t("admin.users.fields.twoFactor")}</dt>
          <dd>
            {user.totpEnabled ? (
              <span className="badge badge--ok">{t("admin.users.twoFactor.on")}</span>
            ) : (
              <span className="badge badge--off">{t("admin.users.twoFactor.off")}</span>
            )}
          </dd>
          <dt>{t("admin.users.fields.lastLogin")}</dt>
          <dd>{user.lastLoginAt ? formatDate(user.lastLoginAt) : t("admin.users.neverLoggedIn")}</dd>
          <dt>{t("admin.users.fields.activeSessions")}</dt>
          <dd>{t("admin.users.detail.sessionCount", { count: user.activeSessions })}</dd>
          <dt>{t("admin.users.fields.createdAt")}</dt>
          <dd>{formatDate(user.createdAt)}</dd>
          {user.invited && user.invitation ? (
            <>
              <dt>{t("admin.users.fields.invitation")}</dt>
              <dd>
                {invitationExpired
                  ? t("admin.users.detail.invitationExpired", { date: formatDate(user.invitation.expiresAt) })
                  : t("admin.users.detail.invitationValid", { date: formatDate(user.invitation.expiresAt) })}
              </dd>
            </>
          ) : null}
        </dl>
        <p>
          <Link to={`/admin/audit?${new URLSearchParams({ entity: "user", entityId: user.id })}`}>{t("admin.users.detail.history")}</Link>
        </p>
      </section>

      {user.invited && user.active ? (
        <section className="panel" aria-labelledby="user-invitation">
          <h2 id="user-invitation">{t("admin.users.fields.invitation")}</h2>
          <p className="muted">{t("admin.users.detail.resendHint")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resendInvite" />
            <button type="submit" className="button" disabled={busy}>
              {t("admin.users.invite.resend")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="user-role">
        <h2 id="user-role">{t("admin.users.role.title")}</h2>
        {isSelf && user.role === "ADMIN" ? <p className="muted">{t("admin.users.role.selfHint")}</p> : null}
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="role" />
          <div className="field">
            <label htmlFor="user-role-select">{t("admin.users.fields.role")}</label>
            <select id="user-role-select" name="role" defaultValue={user.role} disabled={isSelf && user.role === "ADMIN"}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="user-area-select">{t("admin.users.fields.ineArea")}</label>
            <select id="user-area-select" name="ineArea" defaultValue={user.ineArea ?? ""} aria-describedby="user-area-hint" disabled={isSelf && user.role === "ADMIN"}>
              <option value="">{t("admin.users.ineArea.none")}</option>
              {INE_AREAS.map((area) => (
                <option key={area} value={area}>
                  {t(`ineArea.${area}`)}
                </option>
              ))}
            </select>
            <p className="hint" id="user-area-hint">
              {t("admin.users.ineArea.hint")}
            </p>
          </div>
          <button type="submit" className="button button--primary" disabled={busy || (isSelf && user.role === "ADMIN")}>
            {t("admin.users.role.submit")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="user-sessions">
        <h2 id="user-sessions">{t("admin.users.sessions.title")}</h2>
        <p className="muted">{user.activeSessions > 0 ? t("admin.users.sessions.hint", { count: user.activeSessions }) : t("admin.users.sessions.none")}</p>
        <Form method="post" onSubmit={confirmThen(isSelf ? t("admin.users.sessions.confirmSelf") : t("admin.users.sessions.confirm", { name: user.name }))}>
          <input type="hidden" name="intent" value="endSessions" />
          <button type="submit" className="button button--danger" disabled={busy || user.activeSessions === 0}>
            {t("admin.users.sessions.end")}
          </button>
        </Form>
      </section>

      <section className="panel" aria-labelledby="user-access">
        <h2 id="user-access">{t("admin.users.access.title")}</h2>
        {user.active ? (
          <>
            <p className="muted">{isSelf ? t("admin.users.access.selfHint") : t("admin.users.access.deactivateHint")}</p>
            <Form method="post" onSubmit={confirmThen(t("admin.users.access.confirmDeactivate", { name: user.name }))}>
              <input type="hidden" name="intent" value="deactivate" />
              <button type="submit" className="button button--danger" disabled={busy || isSelf}>
                {t("admin.users.access.deactivate")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p className="muted">{t("admin.users.access.reactivateHint")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="reactivate" />
              <button type="submit" className="button button--primary" disabled={busy}>
                {t("admin.users.access.reactivate")}
              </button>
            </Form>
          </>
        )}
      </section>
    </>
  );
}
