/**
 * The one base of every refusal a module throws (decision 027). A module states a rule and, when
 * the rule says no, throws a DomainError subclass; it never builds an HTTP answer. The edge maps
 * the error once (app/lib/http.server.ts): `status` becomes the response status, `messageKey` (a
 * translation key) with `params` is shown next to `field` ("_form" = the top of the form).
 *
 *   // app/modules/widgets/errors.ts
 *   export type WidgetErrorCode = "notFound" | "nameTaken";
 *   export class WidgetError extends DomainError<WidgetErrorCode> {
 *     constructor(code: WidgetErrorCode, field = "_form") {
 *       super({ code, messageKey: `widgets.errors.${code}`, field });
 *     }
 *   }
 *   // in a module:  if (taken) throw new WidgetError("nameTaken", "name");
 *
 * Status when not given: 404 for the code "notFound" (nothing leaks about what exists), 409 for
 * any other refusal (the request was well formed; the state of the records refuses it).
 * Infrastructure failures (a lock held by another worker, Chromium missing) are not refusals and
 * stay plain Errors: they are 500s or retries, not messages for the person.
 *
 * Client-safe: no server imports, so a component may `instanceof` or read the codes.
 */
export type ErrorParams = Record<string, string | number>;

export type DomainErrorInit<C extends string> = {
  code: C;
  messageKey: string;
  field?: string;
  params?: ErrorParams;
  status?: number;
};

export class DomainError<C extends string = string> extends Error {
  readonly code: C;
  readonly messageKey: string;
  readonly field: string;
  readonly params: ErrorParams;
  readonly status: number;

  constructor(init: DomainErrorInit<C>) {
    super(`${init.messageKey} (${init.code})`);
    this.name = new.target.name;
    this.code = init.code;
    this.messageKey = init.messageKey;
    this.field = init.field ?? "_form";
    this.params = init.params ?? {};
    this.status = init.status ?? (init.code === "notFound" ? 404 : 409);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
