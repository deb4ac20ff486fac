import { Field, SearchPicker, SelectField, TextareaField } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { ACTIVITY_KINDS } from "~/modules/partners";
import { REPORT_PARTS } from "~/modules/reports";
import { Checkboxes, choiceOptions, InstitutionSearch, listOf, PageForm, type Choice, type Errors, type Values } from "./form-parts";

type Props = {
  values: Values;
  errors: Errors;
  staff: Choice[];
  people: Choice[];
  /** The activity's event as stored (the picker's starting choice). */
  event?: { id: string; name: string } | null;
  /** The page's own institution (left out of the institution pickers). */
  partnerId: string;
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
};

/** An activity with an institution (new, or corrected with `activityId`), its people and an optional follow-up. */
export function ActivityForm({ values, errors, staff, people, event, partnerId, me, busy, activityId, idPrefix = "activity", institutionName, others = [], defaultPartLabel }: Props) {
  const t = useT();
  const typedNames = values.partnerNames ? values.partnerNames.split("\n").filter(Boolean) : [];
  const keptIds = values.partnerIds !== undefined ? listOf(values.partnerIds) : others.map((o) => o.id);
  const institutionsError = errors.partnerNames ?? errors.partnerIds;
  const common = { idPrefix };
  return (
    <PageForm intent="activity" record={{ name: "activityId", id: activityId }} errors={errors} idPrefix={idPrefix} submitLabel={t("partners.activity.save")} busy={busy}>
      <div className="form-grid">
        <Field {...common} name="occurredOn" type="date" label={t("partners.activity.occurredOn")} defaultValue={values.occurredOn} error={errors.occurredOn} required />
        <SelectField
          {...common}
          name="kind"
          label={t("partners.activity.kind")}
          defaultValue={values.kind}
          error={errors.kind}
          required
          placeholder={t("partners.form.choose")}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`partners.activityKind.${k}`) }))}
        />
        <TextareaField {...common} name="summary" label={t("partners.activity.summary")} defaultValue={values.summary} error={errors.summary} required wide />
        <Field {...common} name="peopleReached" label={t("partners.activity.peopleReached")} defaultValue={values.peopleReached} error={errors.peopleReached} inputMode="numeric" />
        <Field {...common} name="itemsDistributed" label={t("partners.activity.itemsDistributed")} defaultValue={values.itemsDistributed} error={errors.itemsDistributed} inputMode="numeric" />
        <Field {...common} name="bulletinRecipients" label={t("partners.activity.bulletinRecipients")} defaultValue={values.bulletinRecipients} error={errors.bulletinRecipients} inputMode="numeric" />
        <SearchPicker
          {...common}
          name="eventId"
          label={t("partners.activity.event")}
          source="/events/options"
          defaultValue={event ? { id: event.id, label: event.name } : null}
          echo={values.eventId !== (event?.id ?? "") ? values.eventId : undefined}
          error={errors.eventId}
          placeholder={t("partners.activity.noEvent")}
        />
        <SelectField
          {...common}
          name="reportPart"
          label={t("partners.activity.reportPart")}
          defaultValue={values.reportPart}
          error={errors.reportPart}
          placeholder={t("partners.activity.reportPartAuto", { part: defaultPartLabel })}
          options={REPORT_PARTS.map((part) => ({ value: part, label: t(`reportPart.${part}`) }))}
        />
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
        <InstitutionSearch idPrefix={idPrefix} typed={typedNames} error={institutionsError} initial={activityId ? 1 : 3} partnerId={partnerId} />
        {institutionsError ? (
          <p className="field-error" id={`${idPrefix}-partnerNames-error`}>
            {t(institutionsError)}
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
            <Field {...common} name="followUpTitle" label={t("partners.followUp.title")} defaultValue={values.followUpTitle} error={errors.followUpTitle} wide />
            <Field {...common} name="followUpDueOn" type="date" label={t("partners.followUp.dueOn")} defaultValue={values.followUpDueOn} error={errors.followUpDueOn} />
            <SelectField {...common} name="followUpOwnerId" label={t("partners.followUp.owner")} defaultValue={values.followUpOwnerId ?? me} error={errors.followUpOwnerId} options={choiceOptions(staff)} />
          </div>
        </fieldset>
      )}
    </PageForm>
  );
}
