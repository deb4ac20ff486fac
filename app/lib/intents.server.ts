/**
 * One action, several forms (decision 027): each form posts an `intent` field naming its handler.
 * handleIntents reads the body once, picks the handler, validates with that intent's zod schema
 * (parseFormData: messages are translation keys) and runs it with the parsed value.
 *
 *   export async function action({ request, params }: ActionFunctionArgs) {
 *     const { actor } = await requireActor(request, "edit:material");
 *     const id = requireParam(params, "id", "int");
 *     return handleIntents(request, {
 *       rename: { schema: renameSchema, run: (value) => renameLocation(actor, id, value.name) },
 *       retire: { schema: z.object({}), run: async () => { await retireLocation(actor, id); return redirectWithToast(…); } },
 *     });
 *   }
 *
 *   // component: one useAppForm per form, fed only its own reply
 *   const [renameForm, fields] = useAppForm({ schema: renameSchema, lastResult: replyFor(actionData, "rename") });
 *   <Form method="post" {...getFormProps(renameForm)}><input type="hidden" name="intent" value="rename" />…
 *
 * Answers:
 * - run's return value as it is (a redirect, data(…), a plain object);
 * - invalid input: 400 with `{ intent, result }` (result = Conform's SubmissionResult);
 * - a DomainError from run: 403/404 thrown as Responses (http.server.ts), any other its status with
 *   the message key on the error's field ("_form" = the form's own errors);
 * - an unknown or missing intent: 400 with the translated form error "common.errors.unknownAction"
 *   (never a 500: a stale page or a hand-made request posts what it likes).
 *
 * Multipart actions read their body themselves and pass it as `opts.formData`.
 */
import { data } from "@remix-run/node";
import type { z } from "zod";
import { DomainError } from "./errors";
import { parseFormData, type SubmissionResult } from "./forms";
import { throwIfAccessRefusal } from "./http.server";
import { formBody } from "./params";

export type IntentContext = { request: Request; formData: FormData; intent: string };

export type IntentHandler<S extends z.ZodType, R> = {
  schema: S;
  run: (value: z.output<S>, ctx: IntentContext) => R | Promise<R>;
};

/** What the page gets back when an intent is refused: which form, and Conform's reply for it. */
export type IntentReply = { intent: string | null; result: SubmissionResult<string[]> };

export type IntentOptions = {
  /** The field naming the intent (default "intent"). */
  field?: string;
  /** A body already read (multipart uploads). */
  formData?: FormData;
};

function refusal(intent: string | null, result: SubmissionResult<string[]>, status: number) {
  return data<IntentReply>({ intent, result }, { status });
}

export async function handleIntents<S extends Record<string, z.ZodType>, R>(
  request: Request,
  handlers: { [K in keyof S]: IntentHandler<S[K], R> },
  opts: IntentOptions = {},
) {
  const formData = opts.formData ?? (await formBody(request));
  const raw = formData.get(opts.field ?? "intent");
  const intent = typeof raw === "string" && Object.hasOwn(handlers, raw) ? raw : null;
  if (intent === null) {
    return refusal(typeof raw === "string" ? raw : null, { status: "error", error: { "": ["common.errors.unknownAction"] } }, 400);
  }
  const handler = handlers[intent as keyof S];
  const parsed = parseFormData(formData, handler.schema);
  if (!parsed.ok) return refusal(intent, parsed.reply, 400);
  try {
    return await handler.run(parsed.value, { request, formData, intent });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throwIfAccessRefusal(error);
    const at = error.field === "_form" ? "formErrors" : "fieldErrors";
    const result = at === "formErrors" ? parsed.reply({ formErrors: [error.messageKey] }) : parsed.reply({ fieldErrors: { [error.field]: [error.messageKey] } });
    return refusal(intent, result, error.status);
  }
}
