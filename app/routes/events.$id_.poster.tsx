import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/components/contact-detail/meta";
import { EventTime } from "~/components/events/labels";
import { makeT } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { requirePermission } from "~/modules/auth/index.server";
import { findEvent, kioskQrDataUrl, kioskUrl } from "~/modules/events/index.server";
import { idParam, notFound } from "~/lib/params";

export const meta = pageTitle("events.poster.title");

/** A page to print and leave at the booth: the kiosk's QR code and address, in both languages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:event");
  const event = await findEvent(idParam(request, params.id, "key"));
  if (!event?.signupSlug) throw notFound(request);
  return { id: event.id, name: event.name, startsAt: event.startsAt, timeZone: event.timeZone, url: kioskUrl(event.signupSlug), qr: await kioskQrDataUrl(event.signupSlug) };
}

export default function PosterPage() {
  const { id, name, startsAt, timeZone, url, qr } = useLoaderData<typeof loader>();
  const t = useT();
  const en = makeT("en");
  const es = makeT("es");
  return (
    <div className="ev-poster">
      <p className="ev-no-print">
        <Link to={`/events/${id}`}>← {t("events.detail.back")}</Link>
      </p>
      <h1>{name}</h1>
      <p>
        <EventTime at={startsAt} zone={timeZone} />
      </p>
      <p>
        <strong>{es("events.poster.call")}</strong>
        <br />
        <span lang="en">{en("events.poster.call")}</span>
      </p>
      <img src={qr} alt={t("events.kioskPanel.qrAlt", { url })} className="ev-qr" />
      <p className="ev-kiosk-link">{url}</p>
      <p className="ev-no-print form-actions" style={{ justifyContent: "center" }}>
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("events.poster.printNow")}
        </button>
      </p>
    </div>
  );
}
