/**
 * HTTP protections applied to every response by the server (server/index.ts). Pure functions so
 * they are tested without a server.
 */

/** Paths exempt from the origin check because their token is their credential. */
export const CROSS_ORIGIN_EXEMPT = [/^\/u\/[^/]+$/];

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A non-GET request from another origin is refused: Origin present and not ours, or
 * Sec-Fetch-Site: cross-site. Requests with neither header are not from a browser and pass.
 */
export function isCrossOriginWrite(
  method: string,
  path: string,
  headers: { origin?: string | null; secFetchSite?: string | null },
  appOrigin: string,
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (CROSS_ORIGIN_EXEMPT.some((re) => re.test(path))) return false;
  if (headers.secFetchSite === "cross-site") return true;
  if (headers.origin && headers.origin !== "null") return headers.origin !== appOrigin;
  if (headers.origin === "null") return true;
  return false;
}

export function securityHeaders(opts: { nonce: string; https: boolean; dev: boolean }): Record<string, string> {
  const script = ["'self'", `'nonce-${opts.nonce}'`, ...(opts.dev ? ["'unsafe-inline'"] : [])];
  const connect = ["'self'", ...(opts.dev ? ["ws:", "wss:"] : [])];
  const csp = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
  if (opts.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** Largest body accepted for anything but a file upload: forms, JSON, one-click POSTs. */
export const MAX_FORM_BODY_BYTES = 1024 * 1024;

/**
 * A request whose declared body is too large to be a form. Uploads (multipart) have their own
 * per-file limits where they are parsed; everything else is refused before anybody reads it, so
 * a public page (login, kiosk) cannot be made to buffer megabytes.
 */
export function isOversizedBody(contentType: string | undefined, contentLength: string | undefined): boolean {
  if (!contentLength) return false;
  if ((contentType ?? "").toLowerCase().startsWith("multipart/form-data")) return false;
  const length = Number(contentLength);
  return Number.isFinite(length) && length > MAX_FORM_BODY_BYTES;
}
