import { Form, useNavigation } from "@remix-run/react";
import { Card, DataTable, SelectField, type Column } from "~/components/ui";
import { ConfirmedBadge } from "../labels";
import { useT } from "~/i18n/use-t";

type Staff = { userId: string; name: string; email: string; confirmed: boolean };

function StaffRowActions({ s }: { s: Staff }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="form-actions">
      <Form method="post">
        <input type="hidden" name="intent" value="confirmStaff" />
        <input type="hidden" name="userId" value={s.userId} />
        <input type="hidden" name="confirmed" value={s.confirmed ? "false" : "true"} />
        <button type="submit" className="button" disabled={busy}>
          {s.confirmed ? t("events.staff.unconfirm") : t("events.staff.confirm")}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="removeStaff" />
        <input type="hidden" name="userId" value={s.userId} />
        <button type="submit" className="link-button" disabled={busy}>
          {t("events.staff.remove", { name: s.name })}
        </button>
      </Form>
    </div>
  );
}

/** Who works the event, confirmed or not; editors add, confirm and remove people. */
export function StaffPanel({ staff, assignable, canEdit, error }: { staff: readonly Staff[]; assignable: ReadonlyArray<{ id: string; name: string; role: string }>; canEdit: boolean; error?: string }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const assigned = new Set(staff.map((s) => s.userId));
  const columns: Column<Staff>[] = [
    {
      key: "person",
      header: t("events.staff.person"),
      primary: true,
      cell: (s) => (
        <>
          {s.name}
          <br />
          <span className="muted">{s.email}</span>
        </>
      ),
    },
    { key: "confirmed", header: t("events.staff.confirmedColumn"), cell: (s) => <ConfirmedBadge confirmed={s.confirmed} t={t} /> },
    ...(canEdit ? [{ key: "actions", header: t("events.staff.actions"), cell: (s: Staff) => <StaffRowActions s={s} /> }] : []),
  ];
  return (
    <Card title={t("events.staff.title")}>
      <DataTable label={t("events.staff.title")} columns={columns} rows={staff} rowKey={(s) => s.userId} empty={{ message: t("events.staff.none") }} />
      {canEdit ? (
        <Form method="post" className="ev-inline-form">
          <input type="hidden" name="intent" value="addStaff" />
          <SelectField
            name="userId"
            id="staff-user"
            label={t("events.staff.add")}
            placeholder={t("events.form.choose")}
            error={error}
            options={assignable.filter((u) => !assigned.has(u.id)).map((u) => ({ value: u.id, label: `${u.name} — ${t(`roles.${u.role}`)}` }))}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("events.staff.addButton")}
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
