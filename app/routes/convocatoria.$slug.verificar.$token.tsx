import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { Card, FormActions } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { applicantSessionCookie } from "~/lib/applicant-session.server";
import { refusalResponse } from "~/lib/http.server";
import { clientIp } from "~/modules/auth/index.server";
import { PortalError } from "~/modules/portal";
import { callBySlug, tokenUsable, verifyEmail } from "~/modules/portal/index.server";

export const meta = pageTitle("portal.verify.title");

/**
 * The link in the verification mail shows a button: mail scanners that fetch links do not spend
 * the token; the person's click (a POST) does, and signs them in.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  await callBySlug(params.slug ?? "").catch(refusalResponse);
  return { usable: await tokenUsable(params.token ?? "", "VERIFY") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
  try {
    const accountId = await verifyEmail(params.token ?? "", clientIp(request));
    return redirect(`/convocatoria/${call.slug}/solicitud`, { headers: { "Set-Cookie": await applicantSessionCookie(accountId, request) } });
  } catch (error) {
    if (error instanceof PortalError) return { usable: false };
    throw error;
  }
}

export default function VerifyPage() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <Card title={t("portal.verify.title")}>
      {usable ? (
        <Form method="post">
          <p>{t("portal.verify.intro")}</p>
          <FormActions submitLabel={t("portal.verify.submit")} busy={busy} />
        </Form>
      ) : (
        <p role="alert">{t("portal.verify.invalid")}</p>
      )}
    </Card>
  );
}
