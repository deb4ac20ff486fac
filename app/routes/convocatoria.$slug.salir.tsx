import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { endApplicantSessionCookie } from "~/lib/applicant-session.server";

/** Ends the applicant's session (only the applicant cookie; a staff session is another cookie). */
export async function action({ request, params }: ActionFunctionArgs) {
  const slug = /^[a-z0-9-]{3,80}$/.test(params.slug ?? "") ? params.slug : null;
  return redirect(slug ? `/convocatoria/${slug}` : "/", { headers: { "Set-Cookie": await endApplicantSessionCookie(request) } });
}

export async function loader({ params }: LoaderFunctionArgs) {
  return redirect(/^[a-z0-9-]{3,80}$/.test(params.slug ?? "") ? `/convocatoria/${params.slug}` : "/");
}
