import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ContestEnquiries } from "~/components/contest/enquiries";
import { enquiryLinks } from "~/components/enquiries/enquiries";
import { pageTitle } from "~/components/contest/meta";
import { ContestHeader, contestLinks } from "~/components/contest/ui";
import { KeysetPager } from "~/components/ui";
import { actorOf } from "~/lib/actor.server";
import { refusalResponse } from "~/lib/http.server";
import { formBody, routeParams } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { can } from "~/modules/auth";
import { requirePermission } from "~/modules/auth/index.server";
import { contestFrame, addContestEnquiry, civilSocietyNames, contestEnquirySchema, listContestEnquiries } from "~/modules/contest/index.server";

export const meta = pageTitle("contest.enquiries.title");
export const links = () => [...contestLinks(), ...enquiryLinks()];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:contest");
  const { contestId } = routeParams(request, params, { contestId: "key" });
  const canEdit = can(user.role, "edit:contest");
  const [frame, list, organisations] = await Promise.all([
    contestFrame(contestId).catch(refusalResponse),
    listContestEnquiries(contestId, new URL(request.url).searchParams.get("cursor")),
    canEdit ? civilSocietyNames() : [],
  ]);
  return { ...frame, list, canEdit, organisations };
}

/** Logs an enquiry; a form with errors comes back here with them (the overview's form posts here too). */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const { contestId } = routeParams(request, params, { contestId: "key" });
  const form = await formBody(request);
  const values = Object.fromEntries(["receivedOn", "organisation", "channel", "topic", "notes"].map((k) => [k, String(form.get(k) ?? "").slice(0, 3000)]));
  const parsed = contestEnquirySchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
    return data({ errors, values }, { status: 400 });
  }
  await addContestEnquiry(actorOf(request, user), contestId, parsed.data).catch(refusalResponse);
  return redirectWithToast(`/contest/${contestId}#enquiries`, { kind: "success", message: "contest.enquiries.saved" });
}

export default function ContestEnquiriesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ContestHeader frame={data} />
      <ContestEnquiries contestId={data.contest.id} items={data.list.items} total={data.list.total} canEdit={data.canEdit} organisations={data.organisations} errors={actionData?.errors} values={actionData?.values} />
      <KeysetPager nextCursor={data.list.next ?? undefined} />
    </>
  );
}
