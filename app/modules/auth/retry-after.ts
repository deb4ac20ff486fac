/**
 * How the auth pages answer a rate limit: a refusal in whole minutes to wait (never «0 minutes»),
 * and the limiter's Retry-After passed on to the document. A page's POST without JavaScript takes
 * its headers from the route's `headers` export, so each limited route exports `passRetryAfter`.
 */
export function waitMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

export function rateLimitRefusal(key: string, retryAfterSeconds: number) {
  return { key, params: { minutes: waitMinutes(retryAfterSeconds) } };
}

export function passRetryAfter({ actionHeaders }: { actionHeaders: Headers }): Headers {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
}
