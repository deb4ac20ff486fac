/**
 * Provider webhooks for bounces and complaints (decision 034): POST /hooks/bounces/{ses,sendgrid,
 * postmark,mailgun}. No session: each provider's signature or credentials are the authentication;
 * exempt from the origin check (server/index.ts) like the one-click unsubscribe.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { handleBounceHook, isBounceProvider } from "~/modules/bulletins/index.server";

async function answer({ request, params }: LoaderFunctionArgs | ActionFunctionArgs): Promise<Response> {
  if (!isBounceProvider(params.provider)) return new Response("Not found", { status: 404 });
  const result = await handleBounceHook(params.provider, request);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store", ...result.headers } });
}

export const loader = answer;
export const action = answer;
