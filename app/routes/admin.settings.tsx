import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { adminTitle } from "~/components/admin/meta";
import { BounceMailbox, mailboxTestOf, type MailboxTestOutcome } from "~/components/admin/settings/bounce-mailbox";
import { MailAuth } from "~/components/admin/settings/mail-auth";
import { PrivacyNotices } from "~/components/admin/settings/privacy-notices";
import { SettingsForm } from "~/components/admin/settings/settings-form";
import { PageHeader } from "~/components/ui";
import { INTL_LOCALE } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { requireActor } from "~/lib/actor.server";
import { replyFor } from "~/lib/forms";
import { handleIntents } from "~/lib/intents.server";
import { formBody } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { requirePermission } from "~/modules/auth/index.server";
import { mailboxOverview, mailboxRemoveSchema, mailboxSchema, removeMailbox, saveMailbox, testMailbox } from "~/modules/bulletins/index.server";
import { countryChoices } from "~/modules/geo";
import { dkimDomainSchema, dkimRemoveSchema, generateDkimKey, mailAuthOverview, removeDkimKey, saveDkimKey } from "~/modules/mail/index.server";
import { privacyNoticeSchema, publishPrivacyNotice, settingsOverview, settingsSchema, updateSettings } from "~/modules/settings/index.server";

export const meta = adminTitle("admin.settings.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "manage:settings");
  const [{ settings, current, earlier, nextVersion }, mailAuth, mailbox] = await Promise.all([settingsOverview(), mailAuthOverview(), mailboxOverview()]);
  return { settings, current, earlier, nextVersion, mailAuth, mailbox, countries: countryChoices(INTL_LOCALE[user.locale]) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request, "manage:settings");
  const formData = await formBody(request);
  // A pasted DKIM key is read here and taken out of the form, so no reply can ever echo it back.
  const pastedKey = formData.get("privateKey");
  formData.delete("privateKey");
  // The mailbox password likewise: used, never echoed.
  const postedPassword = formData.get("password");
  formData.delete("password");
  const mailboxPassword = typeof postedPassword === "string" && postedPassword.length > 0 ? postedPassword : null;
  const mailboxDone = (message: string) => redirectWithToast("/admin/settings#bounce-mailbox", { kind: "success", message });
  const dkimSaved = (message: string) => redirectWithToast("/admin/settings#mail-auth", { kind: "success", message });
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
    dkim: {
      schema: dkimDomainSchema,
      run: async (value) => {
        await saveDkimKey(actor, { ...value, privateKey: typeof pastedKey === "string" ? pastedKey : null });
        return dkimSaved("admin.settings.dkim.saved");
      },
    },
    dkimGenerate: {
      schema: dkimDomainSchema,
      run: async (value) => {
        await generateDkimKey(actor, value);
        return dkimSaved("admin.settings.dkim.generated");
      },
    },
    dkimRemove: {
      schema: dkimRemoveSchema,
      run: async () => {
        await removeDkimKey(actor);
        return dkimSaved("admin.settings.dkim.removed");
      },
    },
    mailbox: {
      schema: mailboxSchema,
      run: async (value) => {
        await saveMailbox(actor, value, mailboxPassword);
        return mailboxDone("admin.settings.mailbox.saved");
      },
    },
    mailboxTest: {
      schema: mailboxSchema,
      run: async (value) => ({ intent: "mailboxTest", test: (await testMailbox(value, mailboxPassword)) as MailboxTestOutcome }),
    },
    mailboxRemove: {
      schema: mailboxRemoveSchema,
      run: async () => {
        await removeMailbox(actor);
        return mailboxDone("admin.settings.mailbox.removed");
      },
    },
  }, { formData });
}

export default function SettingsPage() {
  const { settings, current, earlier, nextVersion, mailAuth, mailbox, countries } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  return (
    <>
      <PageHeader title={t("admin.settings.title")} description={t("admin.settings.intro")} />
      <SettingsForm settings={settings} countries={countries} reply={replyFor(actionData, "settings")} busy={submitting === "settings"} />
      <MailAuth overview={mailAuth} reply={replyFor(actionData, "dkim") ?? replyFor(actionData, "dkimGenerate") ?? replyFor(actionData, "dkimRemove")} busy={typeof submitting === "string" && submitting.startsWith("dkim")} />
      <BounceMailbox
        overview={mailbox}
        reply={replyFor(actionData, "mailbox") ?? replyFor(actionData, "mailboxTest") ?? replyFor(actionData, "mailboxRemove")}
        test={mailboxTestOf(actionData)}
        busy={typeof submitting === "string" && submitting.startsWith("mailbox")}
      />
      <PrivacyNotices current={current} earlier={earlier} nextVersion={nextVersion} reply={replyFor(actionData, "privacy")} busy={submitting === "privacy"} />
    </>
  );
}
