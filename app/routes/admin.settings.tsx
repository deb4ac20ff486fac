import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { PrivacyNotices } from "~/components/admin/settings/privacy-notices";
import { SettingsForm } from "~/components/admin/settings/settings-form";
import { PageHeader } from "~/components/ui";
import { INTL_LOCALE } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { replyFor } from "~/lib/forms";
import { handleIntents } from "~/lib/intents.server";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { countryChoices } from "~/modules/geo";
import { privacyNoticeSchema, publishPrivacyNotice, settingsOverview, settingsSchema, updateSettings } from "~/modules/settings/index.server";

export const meta = adminTitle("admin.settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:settings");
  const { settings, current, earlier, nextVersion } = await settingsOverview();
  return { settings, current, earlier, nextVersion, countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:settings");
  return handleIntents(request, {
    settings: {
      schema: settingsSchema,
      run: async (value) => {
        await updateSettings(actor, value);
        return redirectWithToast("/admin/settings", { kind: "success", message: "admin.settings.saved" });
      },
    },
    privacy: {
      schema: privacyNoticeSchema,
      run: async ({ text, language }) => {
        const notice = await publishPrivacyNotice(actor, text, language);
        return redirectWithToast(`/admin/settings#privacy-${notice.language}`, { kind: "success", message: `admin.settings.privacy.published.${language}`, params: { version: notice.version } });
      },
    },
  });
}

export default function SettingsPage() {
  const { settings, current, earlier, nextVersion, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  return (
    <>
      <PageHeader title={t("admin.settings.title")} description={t("admin.settings.intro")} />
      <SettingsForm settings={settings} countries={countries} reply={replyFor(actionData, "settings")} busy={submitting === "settings"} />
      <PrivacyNotices current={current} earlier={earlier} nextVersion={nextVersion} reply={replyFor(actionData, "privacy")} busy={submitting === "privacy"} />
    </>
  );
}
