/**
 * The one place a DomainError (app/lib/errors.ts) becomes an HTTP answer (decision 027).
 *
 * - 403 and 404 refusals are thrown as Responses: nothing changed, nothing leaks, and the route's
 *   ErrorBoundary shows the localized error page.
 * - Every other refusal is the action's answer: its status, and the message key next to its field,
 *   so the form comes back with what was typed.
 *
 *   // a loader or action whose module may refuse:
 *   export const loader = withDomainErrors(async ({ request, params }) => { … });
 *
 *   // an action still written in the pre-027 shape ({ errors, params, values }):
 *   try { … } catch (error) { return domainErrorAnswer(error, values); }
 *
 * New multi-intent actions use handleIntents (app/lib/intents.server.ts), which calls these.
 */
import { data } from "@remix-run/node";
import { DomainError } from "./errors";

/** Throws a 403/404 DomainError as a plain Response; rethrows anything else untouched. */
export function throwIfAccessRefusal(error: unknown): void {
  if (error instanceof DomainError && (error.status === 403 || error.status === 404)) {
    throw new Response(error.status === 403 ? "Forbidden" : "Not found", { status: error.status });
  }
}

/** For loaders: an access refusal becomes its Response; anything else is rethrown. */
export function refusalResponse(error: unknown): never {
  throwIfAccessRefusal(error);
  throw error;
}

/**
 * A DomainError as the action's answer in the pre-027 shape `{ ok: false, errors, params, values }`
 * (403/404 are thrown). Anything not a DomainError is rethrown.
 */
export function domainErrorAnswer<V>(error: unknown, values: V) {
  if (!(error instanceof DomainError)) throw error;
  throwIfAccessRefusal(error);
  return data({ ok: false as const, errors: { [error.field]: error.messageKey } as Record<string, string>, params: error.params, values }, { status: error.status });
}

/**
 * Wraps a loader or action so that a DomainError escaping it is answered, not a 500: 403/404 as
 * thrown Responses, any other refusal as `{ ok: false, errors, params }` with its status.
 */
export function withDomainErrors<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (error instanceof DomainError) return domainErrorAnswer(error, undefined);
      throw error;
    }
  };
}
