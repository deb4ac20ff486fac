import { Form } from "@remix-run/react";
import { Field } from "~/components/contact-detail/field";
import { useT } from "~/i18n/use-t";
import { useEffect, useState } from "react";
import { ACTIVITY_KINDS, AGREEMENT_STATUSES } from "~/modules/partners/fields";
import { REPORT_PARTS } from "~/modules/reports/parts";

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

/** The id of the page's one list of institutions (a <datalist>): every search box of the page uses it. */
export const INSTITUTIONS_LIST_ID = "partner-institutions";

/** Every institution by name, once per page, for the search boxes of the activity forms (native: no JavaScript needed). */
export function InstitutionsList({ institutions }: { institutions: Array<{ id: string; name: string; acronym: string | null }> }) {
  return (
    <datalist id={INSTITUTIONS_LIST_ID}>
      {institutions.map((p) => (
        <option key={p.id} value={p.name}>
          {p.acronym ?? undefined}
        </option>
      ))}
    </datalist>
  );
}

/** Boxes for more institutions; without JavaScript a fixed few (save, then edit to add more), with it one more on demand. */
function InstitutionSearch({ idPrefix, typed, error, initial }: { idPrefix: string; typed: string[]; error?: string; initial: number }) {
  const t = useT();
  const [extra, setExtra] = useState(0);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const count = Math.max(initial, typed.length + 1) + extra;
  return (
    <div className="institution-search">
      {Array.from({ length: count }, (_, i) => (
        <div className="field" key={i}>
          <label htmlFor={`${idPrefix}-partnerNames-${i}`}>{t("partners.activity.addInstitution", { n: i + 1 })}</label>
          <input
            id={`${idPrefix}-partnerNames-${i}`}
            name="partnerNames"
            type="search"
            list={INSTITUTIONS_LIST_ID}
            autoComplete="off"
            defaultValue={typed[i] ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${idPrefix}-partnerNames-error` : `${idPrefix}-partnerNames-hint`}
          />
        </div>
      ))}
      {hydrated ? (
        <button type="button" className="link-button" onClick={() => setExtra((n) => n + 1)}>
          {t("partners.activity.anotherInstitution")}
        </button>
      ) : null}
    </div>
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
  institutionName,
  others = [],
  defaultPartLabel,
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
  /** The page's own institution: always one of the activity's. */
  institutionName: string;
  /** The activity's other institutions as stored (checked: they stay; unchecked: they leave). */
  others?: Array<{ id: string; name: string; acronym: string | null }>;
  /** The report part the default rule gives (shown on the «automatic» choice). */
  defaultPartLabel: string;
}) {
  const t = useT();
  const typedNames = values.partnerNames ? values.partnerNames.split("\n").filter(Boolean) : [];
  const keptIds = values.partnerIds !== undefined ? listOf(values.partnerIds) : others.map((o) => o.id);
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
        <Select id={`${idPrefix}-reportPart`} name="reportPart" label={t("partners.activity.reportPart")} value={values.reportPart} error={errors.reportPart}>
          <option value="">{t("partners.activity.reportPartAuto", { part: defaultPartLabel })}</option>
          {REPORT_PARTS.map((part) => (
            <option key={part} value={part}>
              {t(`reportPart.${part}`)}
            </option>
          ))}
        </Select>
      </div>
      <fieldset className="choice-group field--wide institutions">
        <legend>{t("partners.activity.institutions")}</legend>
        <p className="hint" id={`${idPrefix}-partnerNames-hint`}>
          {t("partners.activity.institutionsHint", { name: institutionName })}
        </p>
        {others.map((o) => (
          <label key={o.id}>
            <input type="checkbox" name="partnerIds" value={o.id} defaultChecked={keptIds.includes(o.id)} /> {o.acronym ? `${o.name} (${o.acronym})` : o.name}
          </label>
        ))}
        <InstitutionSearch idPrefix={idPrefix} typed={typedNames} error={errors.partnerNames ?? errors.partnerIds} initial={activityId ? 1 : 3} />
        {errors.partnerNames || errors.partnerIds ? (
          <p className="field-error" id={`${idPrefix}-partnerNames-error`}>
            {t(errors.partnerNames ?? errors.partnerIds ?? "")}
          </p>
        ) : null}
      </fieldset>
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
