import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ContestForm } from "~/components/contest/contest-form";
import { pageTitle } from "~/components/contest/meta";
import { contestLinks } from "~/components/contest/ui";
import { useT } from "~/i18n/use-t";
import { fieldErrors } from "~/lib/forms";
import { redirectWithToast } from "~/lib/toast.server";
import { clientIp, requirePermission } from "~/modules/auth/index.server";
import { contestZone, createContest } from "~/modules/contest/index.server";
import { zoneLabel } from "~/lib/format";
import { ContestError, contestFormSchema } from "~/modules/contest";
import { formBody } from "~/lib/params";

export const meta = pageTitle("contest.newTitle");
export const links = contestLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  return { timeZone: zoneLabel(await contestZone(), user.locale === "en" ? "en" : "es") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "edit:contest");
  const zone = await contestZone();
  const form = Object.fromEntries(await formBody(request));
  const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, String(v)]));
  const parsed = contestFormSchema(zone).safeParse(form);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });
  try {
    const contest = await createContest({ userId: user.id, ip: clientIp(request), role: user.role }, parsed.data);
    return redirectWithToast(`/contest/${contest.id}/requirements`, { kind: "success", message: "contest.created" });
  } catch (error) {
    if (error instanceof ContestError) return data({ errors: { [error.field]: error.messageKey }, values }, { status: 400 });
    throw error;
  }
}

export default function NewContestPage() {
  const { timeZone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <header className="page-header">
        <p>
          <Link to="/contest">← {t("contest.title")}</Link>
        </p>
        <h1>{t("contest.newTitle")}</h1>
      </header>
      <ContestForm values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} busy={busy} submitLabel={t("contest.form.create")} cancelTo="/contest" timeZone={timeZone} />
    </>
  );
}
