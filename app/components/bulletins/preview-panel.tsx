import { Form } from "@remix-run/react";
import { Card, Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";

/**
 * The message as a contact (or a sample person) gets it: desktop and phone widths and plain text.
 * srcDoc + an empty sandbox: the message renders with no script and no access to this page.
 */
export function PreviewPanel({ bulletinId, contact, preview }: { bulletinId: string; contact: string; preview: { subject: string; html: string; text: string } }) {
  const t = useT();
  const query = contact ? `?contact=${encodeURIComponent(contact)}&` : "?";
  return (
    <Card title={t("bulletins.preview.title")}>
      <Form method="get" className="bl-actions">
        <Field name="contact" id="preview-contact" label={t("bulletins.preview.contact")} hint={t("bulletins.preview.contactHint")} inputMode="numeric" pattern="[0-9]*" defaultValue={contact} />
        <button type="submit" className="button">
          {t("bulletins.preview.show")}
        </button>
      </Form>
      <p className="bl-subject">
        <strong>{t("bulletins.preview.subject", { subject: preview.subject })}</strong>
      </p>
      <div className="bl-previews">
        <figure>
          <figcaption>
            {t("bulletins.preview.desktop")} ·{" "}
            <a href={`/bulletins/${bulletinId}/preview${query}format=html`} target="_blank" rel="noreferrer">
              {t("bulletins.preview.open")}
            </a>
          </figcaption>
          <iframe title={t("bulletins.preview.desktop")} className="bl-frame bl-frame--desktop" srcDoc={preview.html} sandbox="" />
        </figure>
        <figure>
          <figcaption>{t("bulletins.preview.phone")}</figcaption>
          <iframe title={t("bulletins.preview.phone")} className="bl-frame bl-frame--phone" srcDoc={preview.html} sandbox="" />
        </figure>
        <figure>
          <figcaption>{t("bulletins.preview.text")}</figcaption>
          <pre className="bl-text" data-testid="preview-text">
            {preview.text}
          </pre>
        </figure>
      </div>
    </Card>
  );
}
