import { Form } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { useT } from "~/i18n/use-t";
import { ACTIVITY_KINDS, AGREEMENT_STATUSES } from "~/modules/partners/fields";

type Values = Record<string, string | undefined>;
type Errors = Record<string, string>;
type Choice = { id: string; name: string | null };

export function FormErrors({ errors }: { errors: Errors }) {
  const t = useT();
  if (!Object.keys(errors).length) return null;
  return (
    <p className="form-error" role="alert">
      {errors._form ? t(errors._form) : t("partners.form.fix")}
    </p>
  );
}

function Select({
  id,
  name,
  label,
  value,
  error,
  required,
  children,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  error?: string;
  required?: boolean;
  children: React.ReactNode;
}) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        {children}
      </select>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

/** Multi-valued fields travel as one comma-joined value when a form is echoed back (see page.server). */
function listOf(value: string | undefined): string[] {
  return value ? value.split(",").filter(Boolean) : [];
}

function Checkboxes({ legend, name, choices, checked = [] }: { legend: string; name: string; choices: Choice[]; checked?: string[] }) {
  if (!choices.length) return null;
  return (
    <fieldset className="choice-group field--wide">
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.id}>
          <input type="checkbox" name={name} value={c.id} defaultChecked={checked.includes(c.id)} /> {c.name}
        </label>
      ))}
    </fieldset>
  );
}

export function ActivityForm({
  values,
  errors,
  staff,
  people,
  events,
  me,
  busy,
  activityId,
  idPrefix = "activity",
}: {
  values: Values;
  errors: Errors;
  staff: Choice[];
  people: Choice[];
  events: Choice[];
  me: string;
  busy: boolean;
  /** Set when the form corrects an existing activity (its follow-up is corrected on its own). */
  activityId?: string;
  idPrefix?: string;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="activity" />
      {activityId ? <input type="hidden" name="activityId" value={activityId} /> : null}
      <FormErrors errors={errors} />
      <div className="form-grid">
        <Field
          idPrefix={idPrefix}
          name="occurredOn"
          type="date"
          label={t("partners.activity.occurredOn")}
          defaultValue={values.occurredOn}
          error={errors.occurredOn}
          required
        />
        <Select id={`${idPrefix}-kind`} name="kind" label={t("partners.activity.kind")} value={values.kind} error={errors.kind} required>
          <option value="">{t("partners.form.choose")}</option>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`partners.activityKind.${k}`)}
            </option>
          ))}
        </Select>
        <Field
          idPrefix={idPrefix}
          name="summary"
          label={t("partners.activity.summary")}
          defaultValue={values.summary}
          error={errors.summary}
          required
          multiline
          wide
        />
        <Field
          idPrefix={idPrefix}
          name="peopleReached"
          label={t("partners.activity.peopleReached")}
          defaultValue={values.peopleReached}
          error={errors.peopleReached}
        />
        <Field
          idPrefix={idPrefix}
          name="itemsDistributed"
          label={t("partners.activity.itemsDistributed")}
          defaultValue={values.itemsDistributed}
          error={errors.itemsDistributed}
        />
        <Field
          idPrefix={idPrefix}
          name="bulletinRecipients"
          label={t("partners.activity.bulletinRecipients")}
          defaultValue={values.bulletinRecipients}
          error={errors.bulletinRecipients}
        />
        <Select id={`${idPrefix}-eventId`} name="eventId" label={t("partners.activity.event")} value={values.eventId} error={errors.eventId}>
          <option value="">{t("partners.activity.noEvent")}</option>
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </Select>
      </div>
      <Checkboxes legend={t("partners.activity.users")} name="userIds" choices={staff} checked={listOf(values.userIds)} />
      <Checkboxes legend={t("partners.activity.people")} name="personIds" choices={people} checked={listOf(values.personIds)} />
      {errors.userIds || errors.personIds ? <p className="field-error">{t(errors.userIds ?? errors.personIds ?? "")}</p> : null}
      {activityId ? null : (
        <fieldset className="choice-group">
          <legend>{t("partners.activity.followUpLegend")}</legend>
          <p className="hint">{t("partners.activity.followUpHint")}</p>
          <div className="form-grid">
            <Field
              idPrefix={idPrefix}
              name="followUpTitle"
              label={t("partners.followUp.title")}
              defaultValue={values.followUpTitle}
              error={errors.followUpTitle}
              wide
            />
            <Field
              idPrefix={idPrefix}
              name="followUpDueOn"
              type="date"
              label={t("partners.followUp.dueOn")}
              defaultValue={values.followUpDueOn}
              error={errors.followUpDueOn}
            />
            <Select
              id={`${idPrefix}-followUpOwnerId`}
              name="followUpOwnerId"
              label={t("partners.followUp.owner")}
              value={values.followUpOwnerId ?? me}
              error={errors.followUpOwnerId}
            >
              {staff.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </Select>
          </div>
        </fieldset>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t("partners.activity.save")}
      </button>
    </Form>
  );
}

export function FollowUpForm({
  values,
  errors,
  staff,
  me,
  busy,
  followUpId,
  idPrefix = "followUp",
}: {
  values: Values;
  errors: Errors;
  staff: Choice[];
  me: string;
  busy: boolean;
  /** Set when the form corrects an existing follow-up. */
  followUpId?: string;
  idPrefix?: string;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="followUp" />
      {followUpId ? <input type="hidden" name="followUpId" value={followUpId} /> : null}
      <FormErrors errors={errors} />
      <div className="form-grid">
        <Field idPrefix={idPrefix} name="title" label={t("partners.followUp.title")} defaultValue={values.title} error={errors.title} required wide />
        <Field idPrefix={idPrefix} name="dueOn" type="date" label={t("partners.followUp.dueOn")} defaultValue={values.dueOn} error={errors.dueOn} required />
        <Select id={`${idPrefix}-ownerId`} name="ownerId" label={t("partners.followUp.owner")} value={values.ownerId ?? me} error={errors.ownerId} required>
          {staff.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Field idPrefix={idPrefix} name="notes" label={t("partners.fields.notes")} defaultValue={values.notes} error={errors.notes} multiline wide />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t("partners.followUp.save")}
      </button>
    </Form>
  );
}

export function PersonForm({
  values,
  errors,
  busy,
  personId,
  idPrefix = "person",
}: {
  values: Values;
  errors: Errors;
  busy: boolean;
  /** Set when the form corrects an existing person. */
  personId?: string;
  idPrefix?: string;
}) {
  const t = useT();
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="person" />
      {personId ? <input type="hidden" name="personId" value={personId} /> : null}
      <FormErrors errors={errors} />
      <div className="form-grid">
        <Field
          idPrefix={idPrefix}
          name="contactEmail"
          type="email"
          label={t("partners.person.contactEmail")}
          hint={t("partners.person.contactEmailHint")}
          defaultValue={values.contactEmail}
          error={errors.contactEmail}
          wide
        />
        <Field idPrefix={idPrefix} name="name" label={t("partners.person.name")} defaultValue={values.name} error={errors.name} />
        <Field idPrefix={idPrefix} name="position" label={t("partners.person.position")} defaultValue={values.position} error={errors.position} />
        <Field idPrefix={idPrefix} name="email" type="email" label={t("partners.person.email")} defaultValue={values.email} error={errors.email} />
        <Field idPrefix={idPrefix} name="phone" type="tel" label={t("partners.person.phone")} defaultValue={values.phone} error={errors.phone} />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {personId ? t("partners.person.update") : t("partners.person.save")}
      </button>
    </Form>
  );
}

/** A new agreement, or (with `agreementId`) an edit of one: its status, dates and document. */
export function AgreementForm({
  values,
  errors,
  busy,
  maxMb,
  agreementId,
  idPrefix = "agreement",
}: {
  values: Values;
  errors: Errors;
  busy: boolean;
  maxMb: number;
  agreementId?: string;
  idPrefix?: string;
}) {
  const t = useT();
  return (
    <Form method="post" encType="multipart/form-data" noValidate>
      <input type="hidden" name="intent" value="agreement" />
      {agreementId ? <input type="hidden" name="agreementId" value={agreementId} /> : null}
      <FormErrors errors={errors} />
      <div className="form-grid">
        <Field idPrefix={idPrefix} name="title" label={t("partners.agreement.title")} defaultValue={values.title} error={errors.title} required wide />
        <Field idPrefix={idPrefix} name="reference" label={t("partners.agreement.reference")} defaultValue={values.reference} error={errors.reference} />
        <Field
          idPrefix={idPrefix}
          name="signedOn"
          type="date"
          label={t("partners.agreement.signedOn")}
          defaultValue={values.signedOn}
          error={errors.signedOn}
        />
        <Field
          idPrefix={idPrefix}
          name="validUntil"
          type="date"
          label={t("partners.agreement.validUntil")}
          defaultValue={values.validUntil}
          error={errors.validUntil}
        />
        <Select id={`${idPrefix}-status`} name="status" label={t("partners.agreement.status")} value={values.status ?? "NEGOTIATION"} error={errors.status}>
          {AGREEMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`partners.agreementStatus.${s}`)}
            </option>
          ))}
        </Select>
        <div className="field">
          <label htmlFor={`${idPrefix}-document`}>{t("partners.agreement.document")}</label>
          <input id={`${idPrefix}-document`} name="document" type="file" accept="application/pdf,image/png,image/jpeg" />
          {errors.document ? <p className="field-error">{t(errors.document, { max: maxMb })}</p> : null}
        </div>
        <Field idPrefix={idPrefix} name="notes" label={t("partners.fields.notes")} defaultValue={values.notes} error={errors.notes} multiline wide />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {t("partners.agreement.save")}
      </button>
    </Form>
  );
}
