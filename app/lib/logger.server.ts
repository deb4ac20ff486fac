/**
 * Structured logs (decision 035): one JSON object per line on standard error, from the web server
 * and the worker alike. Nothing personal or secret is written: fields whose name says secret
 * (password, token, cookie, authorization, secret, key, code) become "[redacted]", and e-mail
 * addresses anywhere — messages, error texts, stack traces, nested values — become "[email]".
 *
 *   const log = logger.child({ area: "bulletins" });
 *   log.info({ bulletinId }, "chunk sent");
 *   log.error({ err }, "could not queue");
 *
 * The request id of the request (or job) being served is added to every line written while it
 * runs (see request-context.server.ts).
 */
import { pino, type Logger } from "pino";
import { currentRequestId } from "./request-context.server";

const SECRET_KEY = /pass(word)?|token|secret|cookie|authori[sz]ation|api[-_]?key|^key$|appkey|otp|totp|^code$|signature|hash|session/i;
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
// Long opaque strings (reset tokens, session ids, signatures) that escaped a field name.
// (Ids stay readable: a UUID is 36 characters, a cuid 25, a job id up to 41; a random token of 32 bytes is 43.)
const OPAQUE = /[A-Za-z0-9_-]{42,}/g;

/** A string with e-mail addresses and token-like runs replaced. */
export function scrubText(text: string): string {
  return text.replace(EMAIL, "[email]").replace(OPAQUE, "[redacted]");
}

/** The value with secret-named fields redacted and every string scrubbed; depth-limited. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value === null || typeof value !== "object" || depth > 6) return value;
  if (value instanceof Error) {
    const error: Record<string, unknown> = { type: value.name, message: scrubText(value.message) };
    if (value.stack) error.stack = scrubText(value.stack);
    const code = (value as { code?: unknown }).code;
    if (typeof code === "string" || typeof code === "number") error.errorCode = code;
    return error;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? "[redacted]" : key === "requestId" ? item : scrub(item, depth + 1);
  return out;
}

function level(): string {
  const wanted = process.env.LOG_LEVEL;
  return wanted && ["debug", "info", "warn", "error", "silent"].includes(wanted) ? wanted : "info";
}

export const logger: Logger = pino(
  {
    level: level(),
    base: { pid: process.pid, process: process.argv[1]?.includes("worker") ? "worker" : "web" },
    messageKey: "msg",
    // Our own scrubbing replaces pino's error serializer: an error's text may carry an address.
    serializers: {},
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    formatters: {
      log: (object) => scrub(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === "string" ? scrubText(arg) : arg)) as Parameters<typeof method>,
        );
      },
    },
  },
  pino.destination({ dest: 2, sync: true }),
);
