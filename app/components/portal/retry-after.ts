import type { HeadersFunction } from "@remix-run/node";

/** A refused public form's Retry-After reaches the browser (route `headers` export). */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
