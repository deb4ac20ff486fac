import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { BulletinForm, type BulletinFormValues } from "~/components/bulletins/bulletin-form";
import { makeT } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/session.server";
import { BulletinError, createBulletin, segmentChoices } from "~/modules/bulletins/bulletins.server";
import { bulletinInputSchema } from "~/modules/bulletins/schema";
import { getSettings } from "~/modules/settings/settings.server";
import { formBody } from "~/lib/params";

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: "es" | "en" } | undefined;
  return [{ title: `Alcance — ${makeT(root?.locale ?? "es")("bulletins.new")}` }];
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "edit:bulletin");
  const [segments, settings] = await Promise.all([segmentChoices(), getSettings()]);
  return { segments, senderEmail: settings.bulkSenderEmail };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:bulletin");
  const form = Object.fromEntries(await formBody(request));
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)])) as BulletinFormValues;
  const parsed = bulletinInputSchema.safeParse(form);
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error) }, { status: 400 });
  try {
    const { id } = await createBulletin({ userId: user.id, ip: clientIp(request) }, parsed.data);
    return redirectWithToast(`/bulletins/${id}`, { kind: "success", message: "bulletins.created", params: { name: parsed.data.name } });
  } catch (error) {
    if (error instanceof BulletinError) return data({ values, errors: { segmentId: error.messageKey } as Record<string, string> }, { status: 400 });
    throw error;
  }
}

export default function NewBulletinPage() {
  const { segments, senderEmail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/bulletins">← {t("bulletins.back")}</Link>
        </p>
        <h1>{t("bulletins.new")}</h1>
      </header>
      <BulletinForm
        values={actionData?.values ?? { language: "es" }}
        errors={actionData?.errors ?? {}}
        segments={segments}
        senderEmail={senderEmail}
        submitLabel={t("bulletins.create")}
        busy={navigation.state === "submitting"}
      />
    </>
  );
}
