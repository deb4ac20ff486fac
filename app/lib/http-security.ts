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
