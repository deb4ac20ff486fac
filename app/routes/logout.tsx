import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { audit } from "~/modules/audit/index.server";
import { clientIp, destroySession, getSession } from "~/modules/auth/index.server";

export async function loader() {
  // Logging out changes state, so it is a POST; a GET just goes home.
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const cookie = await destroySession(request);
  if (session) await audit({ userId: session.user.id, ip: clientIp(request) }, { action: "logout", entity: "user", entityId: session.user.id });
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
