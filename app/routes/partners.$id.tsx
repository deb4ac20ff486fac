import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { placeOf } from "~/components/partners/labels";
import { hasAbout, PartnerAbout } from "~/components/partners/partner-about";
import { PartnerAdd } from "~/components/partners/partner-add";
import { PartnerTimeline } from "~/components/partners/partner-timeline";
import partnersStylesHref from "~/components/partners/partners.css?url";
import { readAnswer, type TimelineContext } from "~/components/partners/timeline-context";
import { LinkButton, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { refusalResponse } from "~/lib/http.server";
import { formBody, isMultipartBody, readBody, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { handlePageAction, partnerPage, timelineKindsFrom, uploadMaxMb, uploadMaxPartBytes } from "~/modules/partners/index.server";

export const meta = pageTitle("partners.detail.title");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: partnersStylesHref }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:partner");
  const id = requireParam(params, "id", "key");
  const canEdit = can(user.role, "edit:partner");
  const page = await partnerPage(id, timelineKindsFrom(new URL(request.url).searchParams), canEdit).catch(refusalResponse);
  return { ...page, canEdit, me: user.id, maxMb: uploadMaxMb() };
}

/** A plain or multipart form (the agreement form carries a document); null when the document is over the limit. */
async function readPageForm(request: Request): Promise<FormData | null> {
  if (!isMultipartBody(request)) return formBody(request);
  try {
    return await readBody(request, () => unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: uploadMaxPartBytes() })));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return null;
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "edit:partner");
  const id = requireParam(params, "id", "key");
  const result = await handlePageAction(actor, id, await readPageForm(request));
  if (result.ok) return redirectWithToast(`/partners/${id}`, { kind: "success", message: result.message, ...(result.params ? { params: result.params } : {}) });
  // A shared activity's removal is a question first (200), asked again when its institutions changed (409).
  if ("confirm" in result) return data(result, { status: result.stale ? 409 : 200 });
  return data(result, { status: 400 });
}

export default function PartnerPage() {
  const { partner, timeline, kinds, canEdit, people, staff, me, maxMb, defaultPart, defaultParts } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const place = placeOf(partner, locale);
  const ctx: TimelineContext = {
    partner: { id: partner.id, name: partner.name, acronym: partner.acronym },
    canEdit,
    busy,
    me,
    staff,
    people: people.map((p) => ({ id: p.id, name: p.name ?? p.email })),
    maxMb,
    defaultPart,
    defaultParts,
    ...readAnswer(useActionData<typeof action>()),
  };
  return (
    <>
      <PageHeader
        back={{ to: "/partners", label: t("partners.backToList") }}
        title={
          <>
            {partner.name}
            {partner.acronym ? <span className="muted"> ({partner.acronym})</span> : null}
          </>
        }
        description={`${t(`partners.kind.${partner.kind}`)} · ${t(`partners.status.${partner.status}`)}${place ? ` · ${place}` : ""}`}
        actions={
          canEdit ? (
            <>
              <LinkButton to={`/meetings/new?partner=${encodeURIComponent(partner.id)}`}>{t("partners.meeting.new")}</LinkButton>
              <LinkButton to={`/partners/${partner.id}/edit`}>{t("partners.actions.edit")}</LinkButton>
            </>
          ) : undefined
        }
      />
      {hasAbout(partner) ? <PartnerAbout partner={partner} /> : null}
      {canEdit ? <PartnerAdd ctx={ctx} /> : null}
      <PartnerTimeline timeline={timeline} kinds={kinds} ctx={ctx} />
    </>
  );
}
