import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { portalStyles } from "~/components/portal/styles";
import { useT } from "~/i18n/use-t";
import { getApplicant } from "~/lib/applicant-session.server";
import { refusalResponse } from "~/lib/http.server";
import { callBySlug } from "~/modules/portal/index.server";

export const links: LinksFunction = () => portalStyles;

/** The frame of every portal page: the call's name and the applicant's links (decision 029). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const call = await callBySlug(slug).catch(refusalResponse);
  const applicant = await getApplicant(request);
  return {
    slug: call.slug,
    callName: call.contest.name,
    applicant: applicant ? { email: applicant.email, organisationName: applicant.organisationName, hasOrganisation: !!applicant.organisationId } : null,
  };
}

export default function PortalLayout() {
  const { slug, callName, applicant } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/convocatoria/${slug}`;
  return (
    <div className="portal">
      <div className="portal-bar">
        <span className="portal-bar__call">{callName}</span>
        <nav aria-label={t("portal.nav.label")}>
          <ul>
            <li>
              <NavLink to={base} end>
                {t("portal.nav.call")}
              </NavLink>
            </li>
            {applicant ? (
              <>
                <li>
                  <NavLink to={`${base}/solicitud`}>{t("portal.nav.application")}</NavLink>
                </li>
                {applicant.hasOrganisation ? (
                  <li>
                    <NavLink to={`${base}/organizacion`}>{t("portal.nav.organisation")}</NavLink>
                  </li>
                ) : null}
                <li>
                  <Form method="post" action={`${base}/salir`}>
                    <button type="submit" className="link-button">
                      {t("portal.nav.logout")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to={`${base}/entrar`}>{t("portal.nav.login")}</NavLink>
                </li>
                <li>
                  <NavLink to={`${base}/registro`}>{t("portal.nav.signUp")}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
      <Outlet />
    </div>
  );
}
