import { Form, useNavigation } from "@remix-run/react";
import { Card, Field } from "~/components/ui";
import { useT } from "~/i18n/use-t";

type Photo = { id: string; fileSha256: string; fileName: string; caption: string | null };

/** The event's photos; editors upload (multipart, no intent field) and delete them. */
export function PhotosPanel({ photos, canEdit, errors }: { photos: readonly Photo[]; canEdit: boolean; errors: Record<string, string> }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const src = (p: Photo) => `/files/${p.fileSha256}?inline=1&name=${encodeURIComponent(p.fileName)}`;
  return (
    <Card title={t("events.photos.title")}>
      {photos.length ? (
        <ul className="ev-photos">
          {photos.map((p) => (
            <li key={p.id}>
              <figure>
                <a href={src(p)}>
                  <img src={src(p)} alt={p.caption ?? p.fileName} loading="lazy" />
                </a>
                <figcaption>{p.caption ?? p.fileName}</figcaption>
              </figure>
              {canEdit ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="deletePhoto" />
                  <input type="hidden" name="photoId" value={p.id} />
                  <button type="submit" className="link-button" disabled={busy}>
                    {t("events.photos.delete")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("events.photos.none")}</p>
      )}
      {canEdit ? (
        <Form method="post" encType="multipart/form-data" className="ev-inline-form">
          <Field name="photo" id="photo-file" type="file" label={t("events.photos.file")} accept="image/png,image/jpeg,image/gif,image/webp" error={errors.photo} />
          <Field name="caption" id="photo-caption" label={t("events.photos.caption")} maxLength={300} error={errors.caption} />
          <button type="submit" className="button" disabled={busy}>
            {t("events.photos.upload")}
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
