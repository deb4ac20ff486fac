import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AreaFigures } from "~/components/communications/area-figures";
import { MediaSummary } from "~/components/communications/media-summary";
import { MicrositePanel } from "~/components/communications/microsite-panel";
import { MonthEditing, type CsvPreview } from "~/components/communications/month-editing";
import { Field, PageHeader } from "~/components/ui";
import { pageTitle } from "~/i18n/meta";
import { useLocale, useT } from "~/i18n/use-t";
import { actorOf } from "~/lib/actor.server";
import { formatMonth } from "~/lib/format";
import type { SubmissionResult } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { handleIntents } from "~/lib/intents.server";
import { formBody, isMultipartBody, readBody, requireParam } from "~/lib/params";
import { redirectWithToast } from "~/lib/toast.server";
import { accountMonthFormSchema, micrositeSchema, networkCsvSchema } from "~/modules/communications";
import { communicationsMonthPage, CommunicationsError, CSV_IMPORT_MAX_BYTES, getAccount, mayEdit, readNetworkCsv, requireCommunications, requireThat, saveAccountMonth, saveMicrosite, seesArea } from "~/modules/communications/index.server";

export const meta = pageTitle("communications.month.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  return communicationsMonthPage(access, requireParam(params, "month", "month"));
}

/** The figures form and the microsite post a form; a network's CSV comes as multipart. */
async function readForm(request: Request): Promise<FormData> {
  if (!isMultipartBody(request)) return formBody(request);
  return readBody(request, () => unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_IMPORT_MAX_BYTES })));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = await requireCommunications(request).catch(refusalResponse);
  const month = requireParam(params, "month", "month");
  const actor = actorOf(request, access.user);
  const back = `/communications/months/${month}`;
  const saved = (changed: boolean, anchor: string) => redirectWithToast(`${back}#${anchor}`, changed ? { kind: "success", message: "communications.saved" } : { kind: "info", message: "communications.unchanged" });
  // An account the reader may change this month (its owner area's rule), else a refusal.
  const editableAccount = async (accountId: string) => {
    const account = await getAccount(accountId);
    if (!account) throw new CommunicationsError("account", "accountId");
    await requireThat(seesArea(access, account.ownerArea) && (await mayEdit(access, month, account.ownerArea)));
    return account;
  };
  let formData: FormData;
  try {
    formData = await readForm(request);
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return data({ intent: "import", result: { status: "error", error: { "": ["communications.import.tooLarge"] } } satisfies SubmissionResult<string[]> }, { status: 413 });
  }
  return handleIntents(
    request,
    {
      microsite: {
        schema: micrositeSchema,
        run: async (value) => {
          await requireThat(mayEdit(access, month, "MICROSITE"));
          return saved((await saveMicrosite(actor, month, value)).changed, "microsite");
        },
      },
      account: {
        schema: accountMonthFormSchema,
        run: async ({ accountId, ...figures }) => {
          await editableAccount(accountId);
          return saved((await saveAccountMonth(actor, accountId, month, figures)).changed, `account-${accountId}`);
        },
      },
      import: {
        schema: networkCsvSchema,
        run: async ({ accountId, file }) => {
          await editableAccount(accountId);
          const reading = readNetworkCsv(new Uint8Array(await file.arrayBuffer()), month);
          return data({ intent: "import", accountId, fileName: file.name.slice(0, 200), reading } satisfies CsvPreview, { status: reading.problem ? 400 : 200 });
        },
      },
    },
    { formData },
  );
}

export default function CommunicationsMonthPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { intent: string; result: SubmissionResult<string[]> } | CsvPreview | undefined;
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const reply = actionData && "result" in actionData ? actionData : null;
  const preview = actionData && "reading" in actionData ? actionData : null;
  return (
    <>
      <PageHeader title={t("communications.month.heading", { month: formatMonth(d.month, locale) })} description={t("communications.month.intro")}>
        <Form method="get" action="/communications/months" className="filters">
          <Field name="month" id="comms-month" type="month" label={t("communications.month.pick")} defaultValue={d.month} required />
          <button type="submit" className="button">
            {t("communications.month.go")}
          </button>
        </Form>
      </PageHeader>
      {d.areas.map((a) => (
        <AreaFigures key={a.area} area={a.area} figures={a} />
      ))}
      {d.microsite ? <MicrositePanel microsite={d.microsite} countries={d.countries} editable={d.editMicrosite} reply={reply?.intent === "microsite" ? reply.result : undefined} busy={busy} /> : null}
      <MediaSummary month={d.month} media={d.media} />
      {d.editable.length ? <MonthEditing accounts={d.editable} maxMb={d.maxMb} reply={reply} preview={preview} busy={busy} /> : null}
    </>
  );
}
