import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { adminTitle } from "~/components/admin/meta";
import { AccessPanel, InvitationPanel, RolePanel, SessionsPanel } from "~/components/admin/user/user-actions";
import { UserDetails } from "~/components/admin/user/user-details";
import { UserStatus } from "~/components/admin/user-status";
import { PageHeader, StatusBadge } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { replyFor } from "~/lib/forms";
import { handleIntents } from "~/lib/intents.server";
import { notFound, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { changeUserRole, endUserSessions, getUserDetail, resendInvitation, roleFormSchema, setUserActive } from "~/modules/users/index.server";

export const meta = adminTitle("admin.users.detail.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requirePermission(request, "manage:user");
  const user = await getUserDetail(requireParam(params, "id", "key"));
  if (!user) throw notFound(request);
  return { user, isSelf: user.id === viewer.id };
}

const none = z.object({});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: viewer, actor } = await requireActor(request, "manage:user");
  const userId = requireParam(params, "id", "key");
  const here = `/admin/users/${encodeURIComponent(userId)}`;
  return handleIntents(request, {
    role: {
      schema: roleFormSchema,
      run: async (value) => {
        const { changed } = await changeUserRole(actor, userId, value.role, value.ineArea);
        return redirectWithToast(here, changed ? { kind: "success", message: "admin.users.role.changed" } : { kind: "info", message: "admin.users.role.unchanged" });
      },
    },
    deactivate: {
      schema: none,
      run: async () => {
        const { sessionsEnded: count } = await setUserActive(actor, userId, false);
        return redirectWithToast(here, count > 0 ? { kind: "success", message: "admin.users.deactivatedWithSessions", params: { count } } : { kind: "success", message: "admin.users.deactivated" });
      },
    },
    reactivate: {
      schema: none,
      run: async () => {
        await setUserActive(actor, userId, true);
        return redirectWithToast(here, { kind: "success", message: "admin.users.reactivated" });
      },
    },
    endSessions: {
      schema: none,
      run: async () => {
        const count = await endUserSessions(actor, userId);
        // Ending one's own sessions signs this browser out too.
        return redirectWithToast(userId === viewer.id ? "/login" : here, { kind: "success", message: "admin.users.sessions.ended", params: { count } });
      },
    },
    resendInvite: {
      schema: none,
      run: async () => {
        const { mailQueued, email } = await resendInvitation({ ...actor, name: viewer.name }, userId);
        return redirectWithToast(here, { kind: mailQueued ? "success" : "error", message: mailQueued ? "admin.users.invite.resent" : "admin.users.invite.mailFailed", params: { email } });
      },
    },
  });
}

export default function UserDetailPage() {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const reply = (intent: string) => replyFor(actionData, intent);
  return (
    <>
      <PageHeader back={{ to: "/admin/users", label: t("admin.users.backToList") }} title={user.name}>
        <p className="muted">
          {user.email} · {t(`roles.${user.role}`)} · <UserStatus user={user} />
          {isSelf ? <> · <StatusBadge label={t("admin.users.detail.you")} /></> : null}
        </p>
      </PageHeader>
      <UserDetails user={user} />
      {user.invited && user.active ? <InvitationPanel busy={busy} reply={reply("resendInvite")} /> : null}
      <RolePanel user={user} locked={isSelf && user.role === "ADMIN"} busy={busy} reply={reply("role")} />
      <SessionsPanel user={user} isSelf={isSelf} busy={busy} reply={reply("endSessions")} />
      <AccessPanel user={user} isSelf={isSelf} busy={busy} reply={reply(user.active ? "deactivate" : "reactivate")} />
    </>
  );
}
