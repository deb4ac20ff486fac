/**
 * A contributor's text for a section: the editor while the section is theirs to write, else the
 * text as sent with why it cannot be changed now.
 */
import { Form } from "@remix-run/react";
import { TextareaField, Toolbar } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { NARRATIVE_MAX } from "~/modules/reports";

export function ContributionText({ editable, computed, text, state, error, busy }: { editable: boolean; computed: boolean; text: string; state: string; error?: string; busy: boolean }) {
  const t = useT();
  return (
    <section className="panel contrib-editor" aria-labelledby="contrib-text-title">
      <h2 id="contrib-text-title">{t("contribute.section.text")}</h2>
      {editable ? (
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="save" />
          <TextareaField id="contrib-text" name="text" rows={10} label={t("contribute.section.textLabel")} hint={t(computed ? "contribute.section.computedHint" : "contribute.section.textHint")} defaultValue={text} maxLength={NARRATIVE_MAX} error={error} />
          <Toolbar>
            <button type="submit" className="button button--primary" disabled={busy}>
              {t("contribute.section.save")}
            </button>
          </Toolbar>
        </Form>
      ) : text ? (
        text.split(/\n{2,}/).map((p, i) => (
          <p key={i} className="report-beside__text">
            {p}
          </p>
        ))
      ) : (
        <p className="muted">{t("contribute.section.noText")}</p>
      )}
      {!editable ? <p className="muted">{t(state === "REVIEWED" ? "contribute.section.readOnlyReviewed" : state === "SUBMITTED" ? "contribute.section.readOnlySubmitted" : "contribute.section.readOnlyApproved")}</p> : null}
    </section>
  );
}
