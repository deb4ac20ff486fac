import { formBody } from "~/lib/params";
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { getSession, safeRedirectTo, setLocale } from "~/modules/auth/index.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await formBody(request);
  const locale = form.get("locale");
  const redirectTo = safeRedirectTo(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(redirectTo);
  const session = await getSession(request);
  const cookie = await setLocale(session && !session.mfaPending ? session.user.id : null, locale);
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}
