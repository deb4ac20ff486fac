/**
 * The form layer (decision 027): one zod schema per form, read on the server by `parseForm` and
 * checked in the browser by `useAppForm` (Conform). Forms still post without JavaScript: the
 * server parse is the authority, the client check only answers sooner.
 *
 * Zod messages are translation keys ("materials.errors.name"); a message that is not a key (zod's
 * own English text) becomes "common.errors.invalid". Schemas read the raw strings of the form
 * (Conform's automatic coercion is off), so the schemas written before 027 work unchanged.
 *
 *   // route action (server)
 *   const parsed = await parseForm(request, locationFormSchema);
 *   if (!parsed.ok) return data(parsed.reply, { status: 400 });
 *   await createLocation(actor, parsed.value);
 *
 *   // route component (client)
 *   const [form, fields] = useAppForm({ schema: locationFormSchema, lastResult: useActionData<typeof action>() });
 *   <Form method="post" {...getFormProps(form)}>
 *     <Field name={fields.name.name} defaultValue={fields.name.initialValue} error={fields.name.errors?.[0]} />
 *
 * `fieldErrors` is the pre-027 helper; routes keep it until they move to parseForm.
 */
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { formBody } from "./params";

export { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";

const FALLBACK = "common.errors.invalid";

/** A zod message as a translation key (zod's own English text is not one). */
function messageKey(message: string): string {
  return message.includes(".") && !message.includes(" ") ? message : FALLBACK;
}

/** First message per field; messages are translation keys. (Pre-027; see parseForm.) */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!(key in out)) out[key] = issue.message.includes(".") ? issue.message : FALLBACK;
  }
  return out;
}

/** Conform's error shape: field name ("" = the form) → translation keys, first one shown. */
function formatError(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string[] {
  // parseWithZod groups the issues by path before calling this; keep one key per field.
  const keys = issues.map((issue) => messageKey(issue.message));
  return [...new Set(keys)];
}

function parseOptions<S extends z.ZodType>(schema: S) {
  return { schema, disableAutoCoercion: true, formatError } as const;
}

export type ParsedForm<T> =
  | { ok: true; value: T; reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean }) => SubmissionResult<string[]> }
  | { ok: false; reply: SubmissionResult<string[]> };

/**
 * Reads the form (a Request: 415/400 on a body that is not a form, see params.ts formBody) and
 * parses it with `schema`. On success `reply` builds an answer for a later refusal (a DomainError's
 * field and key); on failure `reply` is ready to return with status 400.
 */
export async function parseForm<S extends z.ZodType>(input: Request | FormData, schema: S): Promise<ParsedForm<z.output<S>>> {
  const formData = input instanceof Request ? await formBody(input) : input;
  return parseFormData(formData, schema);
}

/** parseForm for a FormData already read (multipart uploads, handleIntents). */
export function parseFormData<S extends z.ZodType>(formData: FormData, schema: S): ParsedForm<z.output<S>> {
  const submission = parseWithZod(formData, parseOptions(schema));
  if (submission.status === "success") {
    return { ok: true, value: submission.value as z.output<S>, reply: (options) => submission.reply(options) };
  }
  return { ok: false, reply: submission.reply() };
}

/**
 * Conform's useForm with the project's defaults: constraints from the schema (required, maxLength…
 * as HTML attributes), the same zod parse in the browser, validation when a field loses focus.
 * `lastResult` is the action's reply (parseForm / handleIntents); pass undefined for another form's.
 */
export function useAppForm<S extends z.ZodType>({
  schema,
  lastResult,
  id,
  defaultValue,
}: {
  schema: S;
  lastResult?: SubmissionResult<string[]> | null;
  id?: string;
  defaultValue?: Record<string, unknown>;
}) {
  return useForm<z.input<S> & Record<string, unknown>, z.output<S>, string[]>({
    id,
    lastResult,
    defaultValue: defaultValue as never,
    constraint: constraintOf(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, parseOptions(schema)),
  });
}

/** The reply of one intent on a page with several forms (handleIntents answers `{ intent, result }`). */
export function replyFor(actionData: unknown, intent: string): SubmissionResult<string[]> | undefined {
  if (!actionData || typeof actionData !== "object") return undefined;
  const reply = actionData as { intent?: unknown; result?: SubmissionResult<string[]> };
  return reply.intent === intent ? reply.result : undefined;
}

/**
 * The schema's limits as HTML attributes (required, maxLength…). Conform cannot read every zod
 * construct (preprocess, custom refinements: "Unsupported schema"); such a form simply gets no
 * browser-side hints — the server check is the rule, and a page must never fail to render for it.
 */
function constraintOf(schema: Parameters<typeof getZodConstraint>[0]): ReturnType<typeof getZodConstraint> | undefined {
  try {
    return getZodConstraint(schema);
  } catch {
    return undefined;
  }
}

