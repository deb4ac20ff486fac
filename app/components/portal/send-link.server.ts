import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { parseForm } from "~/lib/forms";
import { refusalResponse } from "~/lib/http.server";
import { formBody } from "~/lib/params";
import { clientIp } from "~/modules/auth/index.server";
import { forgotSchema } from "~/modules/portal";
import { callBySlug, type PublicAnswer } from "~/modules/portal/index.server";

type SendLink = (input: { email: string }, form: Record<string, unknown>, slug: string, ctx: { ip: string | null }) => Promise<PublicAnswer>;

/** The loader of a «send me a link» page: the call must exist. */
export async function sendLinkLoader({ params }: LoaderFunctionArgs) {
  await callBySlug(params.slug ?? "").catch(refusalResponse);
  return null;
}

/**
 * The action of a «send me a link» page (password reset, magic link): one answer whether or not an
 * account has the address; only the per-IP limit shows, with its wait.
 */
export function sendLinkAction(send: SendLink) {
  return async ({ request, params }: ActionFunctionArgs) => {
    const call = await callBySlug(params.slug ?? "").catch(refusalResponse);
    const form = await formBody(request);
    const parsed = await parseForm(form, forgotSchema);
    if (!parsed.ok) return data({ result: parsed.reply, sent: false, minutes: 0 }, { status: 400 });
    const answer = await send(parsed.value, Object.fromEntries(form), call.slug, { ip: clientIp(request) });
    if (answer.status === "rateLimited") {
      const minutes = Math.max(1, Math.ceil(answer.retryAfterSeconds / 60));
      return data({ result: parsed.reply({ formErrors: ["portal.errors.rateLimitedMinutes"] }), sent: false, minutes }, { status: 429, headers: { "Retry-After": String(answer.retryAfterSeconds) } });
    }
    return data({ result: parsed.reply({ resetForm: true }), sent: true, minutes: 0 });
  };
}
