/**
 * The forms of a user's page (admin.users.$id.tsx), one panel each; every form posts an `intent`
 * (handleIntents). Ending sessions and deactivating are two-step (ConfirmDialog, without JavaScript).
 */
import { Form } from "@remix-run/react";
import { Card, ConfirmDialog, FormError, IntentButton, SelectField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import type { SubmissionResult } from "~/lib/forms";
import { ROLES } from "~/modules/auth";
import { INE_AREAS } from "~/modules/users";

type Person = { name: string; role: string; ineArea: string | null; active: boolean; invited: boolean; activeSessions: number };
type Reply = SubmissionResult<string[]> | undefined;

/** A refusal of the whole form (handleIntents puts a DomainError's key under ""), or a field's. */
export function replyError(reply: Reply, field = ""): string | undefined {
  return reply?.error?.[field]?.[0];
}

export function InvitationPanel({ busy, reply }: { busy: boolean; reply: Reply }) {
  const t = useT();
  return (
    <Card title={t("admin.users.fields.invitation")}>
      <p className="muted">{t("admin.users.detail.resendHint")}</p>
      <FormError error={replyError(reply)} />
      <IntentButton intent="resendInvite" busy={busy}>
        {t("admin.users.invite.resend")}
      </IntentButton>
    </Card>
  );
}

export function RolePanel({ user, locked, busy, reply }: { user: Person; locked: boolean; busy: boolean; reply: Reply }) {
  const t = useT();
  return (
    <Card title={t("admin.users.role.title")}>
      {locked ? <p className="muted">{t("admin.users.role.selfHint")}</p> : null}
      <FormError error={replyError(reply)} />
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="role" />
        <SelectField id="user-role-select" name="role" label={t("admin.users.fields.role")} defaultValue={user.role} disabled={locked} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
        <SelectField
          id="user-area-select"
          name="ineArea"
          label={t("admin.users.fields.ineArea")}
          hint={t("admin.users.ineArea.hint")}
          defaultValue={user.ineArea ?? ""}
          error={replyError(reply, "ineArea")}
          disabled={locked}
          placeholder={t("admin.users.ineArea.none")}
          options={INE_AREAS.map((a) => ({ value: a, label: t(`ineArea.${a}`) }))}
        />
        <button type="submit" className="button button--primary" disabled={busy || locked}>
          {t("admin.users.role.submit")}
        </button>
      </Form>
    </Card>
  );
}

export function SessionsPanel({ user, isSelf, busy, reply }: { user: Person; isSelf: boolean; busy: boolean; reply: Reply }) {
  const t = useT();
  const count = user.activeSessions;
  return (
    <Card title={t("admin.users.sessions.title")}>
      <p className="muted">{count > 0 ? t("admin.users.sessions.hint", { count }) : t("admin.users.sessions.none")}</p>
      <FormError error={replyError(reply)} />
      {count > 0 ? (
        <ConfirmDialog trigger={t("admin.users.sessions.end")} title={t("admin.users.sessions.end")} intent="endSessions" confirmLabel={t("admin.users.sessions.confirmButton", { count })} busy={busy} testId="end-sessions">
          {isSelf ? t("admin.users.sessions.confirmSelf") : t("admin.users.sessions.confirmWhat", { count, name: user.name })}
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}

export function AccessPanel({ user, isSelf, busy, reply }: { user: Person; isSelf: boolean; busy: boolean; reply: Reply }) {
  const t = useT();
  return (
    <Card title={t("admin.users.access.title")}>
      <FormError error={replyError(reply)} />
      {user.active ? (
        <>
          <p className="muted">{isSelf ? t("admin.users.access.selfHint") : t("admin.users.access.deactivateHint")}</p>
          {isSelf ? null : (
            <ConfirmDialog trigger={t("admin.users.access.deactivate")} title={t("admin.users.access.deactivate")} intent="deactivate" confirmLabel={t("admin.users.access.confirmButton")} busy={busy} testId="deactivate-user">
              {t("admin.users.access.confirmWhat", { count: user.activeSessions, name: user.name })}
            </ConfirmDialog>
          )}
        </>
      ) : (
        <>
          <p className="muted">{t("admin.users.access.reactivateHint")}</p>
          <IntentButton intent="reactivate" tone="primary" busy={busy}>
            {t("admin.users.access.reactivate")}
          </IntentButton>
        </>
      )}
    </Card>
  );
}
