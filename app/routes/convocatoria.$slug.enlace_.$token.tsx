import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { Card, FormActions } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { applicantSessionCookie } from "~/lib/applicant-session.server";
import { refusalResponse } from "~/lib/http.server";
import { clientIp } from "~/modules/auth/index.server";
import { PortalError } from "~/modules/portal";
import { callBySlug, signInWithMagicLink, tokenUsable } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.magic.title");

/** The magic link shows a button, as the verification link does: a mail scanner spends nothing. */
export async function loader({ params }: LoaderFunctionArgs) {
  await callBySlug(params.slug ?? "").catch(refusalResponse);
  return { usable: await tokenUsable(params.token ?? "", "MAGIC") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  try {
    const accountId = await signInWithMagicLink(params.token ?? "", clientIp(request));
    return redirect(`/convocatoria/${call.slug}/solicitud`, { headers: { "Set-Cookie": await applicantSessionCookie(accountId, request) } });
  } catch (error) {
    if (error instanceof PortalError) return { usable: false };
    throw error;
  }
}

export default function MagicLinkSignIn() {
  const t = useT();
  const { slug } = useParams();
  const { usable } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("portal.magic.title")}>
      {usable ? (
        <Form method="post">
          <p>{t("portal.magic.confirm")}</p>
          <FormActions submitLabel={t("portal.magic.signIn")} busy={busy} />
        </Form>
      ) : (
        <>
          <p role="alert">{t("portal.magic.invalid")}</p>
          <p>
            <Link to={`/convocatoria/${slug}/enlace`}>{t("portal.magic.again")}</Link>
          </p>
        </>
      )}
    </Card>
  );
}
