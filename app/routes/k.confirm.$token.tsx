import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { eventsLinks } from "~/components/events/styles";
import { makeT, type Locale } from "~/i18n";
import { clientIp } from "~/modules/auth/index.server";
import { confirmSignup, peekConfirmation } from "~/modules/events/index.server";
import { kioskLanguageSchema } from "~/modules/events";

export const links = eventsLinks;

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [{ title: makeT(d?.lang ?? "es")("events.confirm.title") }, { name: "robots", content: "noindex" }];

function langOf(request: Request): Locale {
  return kioskLanguageSchema.parse(new URL(request.url).searchParams.get("lang") ?? undefined);
}

/**
 * The double opt-in link. Opening it (mail scanners open links too) only shows a button; pressing
 * it confirms the subscription.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const peek = await peekConfirmation(params.token ?? "");
  return data({ lang: langOf(request), eventName: peek?.eventName ?? null, confirmed: peek?.confirmed ?? false, valid: !!peek }, { status: peek ? 200 : 400 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const result = await confirmSignup(params.token ?? "", { ip: clientIp(request) });
  return data({ result: result.status }, { status: result.status === "invalid" ? 400 : 200 });
}

export default function ConfirmPage() {
  const { lang, eventName, confirmed, valid } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = makeT(lang);
  const status = actionData?.result ?? (!valid ? "invalid" : confirmed ? "alreadyConfirmed" : "pending");
  return (
    <div className="kiosk" lang={lang === "en" ? "en" : "es-MX"}>
      <section className="panel kiosk-done">
        <h1>{t("events.confirm.title")}</h1>
        {status === "invalid" ? (
          <p role="alert">{t("events.confirm.invalid")}</p>
        ) : status === "pending" ? (
          <Form method="post">
            <p>{t("events.confirm.intro", { event: eventName ?? "" })}</p>
            <button type="submit" className="button button--primary button--block" disabled={navigation.state === "submitting"}>
              {t("events.confirm.button")}
            </button>
          </Form>
        ) : (
          <p role="status">{t("events.confirm.done")}</p>
        )}
      </section>
    </div>
  );
}
