/**
 * HTTP protections applied to every response by the server (server/index.ts). Pure functions so
 * they are tested without a server.
 */

/**
 * The path the router matches for a raw request path, the way Remix does it: dot segments
 * resolved by the URL parser (also `%2e`, and `\` taken as `/`), single-fetch `.data` dropped,
 * then each segment percent-decoded once (an encoded slash stays `%2F`, inside its segment).
 */
export function routePath(rawPath: string): string {
  let pathname: string;
  try {
    pathname = new URL(`http://path.invalid${rawPath.startsWith("/") ? "" : "/"}${rawPath}`).pathname;
  } catch {
    return rawPath;
  }
  pathname = pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  try {
    return pathname
      .split("/")
      .map((segment) => decodeURIComponent(segment).replace(/\//g, "%2F"))
      .join("/");
  } catch {
    // A malformed escape: the router, too, matches the undecoded path.
    return pathname;
  }
}

/**
 * The one-click unsubscribe endpoint, exempt from the origin check because its token is its
 * credential (mail providers POST to it from their own origin). Only the exact form we put in
 * the mail is exempt: any spelling the router would read differently (`/u/../admin/x`,
 * `/u/%2e%2e/admin`, `//u/x`, percent-escapes, a trailing slash) must pass the check like any
 * other path.
 */
const TOKEN_LINK = /^\/u\/[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
/** Bounce webhooks (decision 034): the provider's signature is the credential; same exact-spelling rule. */
const BOUNCE_HOOK = /^\/hooks\/bounces\/(ses|sendgrid|postmark|mailgun)$/;

export function isCrossOriginExempt(rawPath: string): boolean {
  return (TOKEN_LINK.test(rawPath) || BOUNCE_HOOK.test(rawPath)) && routePath(rawPath) === rawPath;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A non-GET request from another origin is refused: Origin present and not ours, or
 * Sec-Fetch-Site: cross-site. Requests with neither header are not from a browser and pass.
 */
export function isCrossOriginWrite(
  method: string,
  path: string,
  headers: { origin?: string | null; secFetchSite?: string | null },
  appOrigin: string | readonly string[],
): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (isCrossOriginExempt(path)) return false;
  if (headers.secFetchSite === "cross-site") return true;
  if (headers.origin && headers.origin !== "null") return !(typeof appOrigin === "string" ? [appOrigin] : appOrigin).includes(headers.origin);
  if (headers.origin === "null") return true;
  return false;
}

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The origins whose writes are ours: APP_URL's, and when APP_URL is a loopback address, the same
 * scheme and port under every loopback spelling — a developer who opens http://127.0.0.1:3000 while
 * APP_URL says localhost is on the same machine and the same server, not another site.
 */
export function appOrigins(appUrl: string): string[] {
  const url = new URL(appUrl);
  if (!LOOPBACK_HOSTS.includes(url.hostname)) return [url.origin];
  return LOOPBACK_HOSTS.map((host) => `${url.protocol}//${host}${url.port ? `:${url.port}` : ""}`);
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

/**
 * Request bodies, decided per route before anything reads them (server/remix-handler.ts counts
 * the bytes on the stream itself, so a chunked body or a false Content-Length changes nothing).
 * Anonymous forms are a few short fields; signed-in forms (a bulletin's HTML, JSON) stay under
 * 1 MiB; multipart only reaches the routes that parse uploads, each with a cap on its total.
 */
export const PUBLIC_FORM_MAX_BYTES = 16 * 1024;
export const MAX_FORM_BODY_BYTES = 1024 * 1024;
/** Room for a multipart form's text fields and part headers next to its file(s). */
export const MULTIPART_FIELDS_ALLOWANCE = 1024 * 1024;
/**
 * Parts in one multipart body. The largest upload form (a contest submission: 17 fields and up to
 * 10 files) has under 30; every part costs the parser an object and an upload-handler call, so a
 * body of many tiny parts is refused long before it gets expensive.
 */
export const MAX_MULTIPART_PARTS = 50;
/** The contacts import's own limit (IMPORT_MAX_BYTES, app/modules/contacts/import/batches.server.ts): the file is streamed into storage. */
export const CONTACTS_IMPORT_MAX_BYTES = 200 * 1024 * 1024;
/** A network's CSV export read for one account's month (CSV_IMPORT_MAX_BYTES, app/modules/communications/import.server.ts). */
export const COMMUNICATIONS_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** The enquiries import's own limit (ENQUIRY_IMPORT_MAX_BYTES, app/modules/enquiries/import.server.ts): a month's contact-centre CSV. */
export const ENQUIRY_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
/** A provider's webhook post (a SendGrid batch, an SNS envelope with its notification): no session, yet larger than a form. */
export const BOUNCE_HOOK_MAX_BYTES = 1024 * 1024;
/** Files one contest submission form stores (MAX_FILES, app/modules/contest/upload.server.ts). */
const SUBMISSION_MAX_FILES = 10;

const route = (pattern: string) => new RegExp(`^${pattern}/*$`, "i");
const SEGMENT = "[^/]+";
// A dynamic segment, minus the static routes beside it (the router prefers those).
const except = (...statics: string[]) => `(?!(?:${statics.join("|")})/*$)${SEGMENT}`;

/** Routes an anonymous visitor can post to (every other action requires a session). */
const PUBLIC_FORM_ROUTES = [
  route("/login"),
  route("/login/two-factor"),
  route("/logout"),
  route("/forgot-password"),
  route(`/reset-password/${SEGMENT}`),
  route(`/invite/${SEGMENT}`),
  route(`/k/${SEGMENT}`),
  route(`/k/confirm/${SEGMENT}`),
  route(`/u/${SEGMENT}`),
  route("/locale"),
  // The applicant portal's public pages (decision 029); its signed-in pages take 1 MiB forms.
  route(`/convocatoria/${SEGMENT}`),
  route(`/convocatoria/${SEGMENT}/(?:registro|entrar|salir|recuperar|enlace)`),
  route(`/convocatoria/${SEGMENT}/(?:verificar|restablecer|enlace|invitacion)/${SEGMENT}`),
];

/** The bounce webhooks (anonymous, verified by signature): BOUNCE_HOOK_MAX_BYTES. */
const BOUNCE_HOOK_ROUTE = route(`/hooks/bounces/${SEGMENT}`);

type UploadLimits = { uploadMaxBytes: number };

/** The routes that parse multipart bodies, and the most each may receive in total. */
const UPLOAD_ROUTES: { pattern: RegExp; maxBytes: (limits: UploadLimits) => number }[] = [
  { pattern: route("/contacts/import"), maxBytes: () => CONTACTS_IMPORT_MAX_BYTES + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route("/partners/import"), maxBytes: (l) => l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/partners/${except("new", "figures", "import", "export\\.csv")}`), maxBytes: (l) => l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/events/${except("new", "calendar", "mine", "by-country", "export\\.csv")}`), maxBytes: (l) => l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/materials/${except("new", "figures", "locations", "shipments", "export\\.csv")}`), maxBytes: (l) => l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/contest/${SEGMENT}/edit`), maxBytes: (l) => l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/contest/${SEGMENT}/submissions/${SEGMENT}`), maxBytes: (l) => SUBMISSION_MAX_FILES * l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/jury/${SEGMENT}/setup`), maxBytes: (l) => l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/communications/months/${SEGMENT}`), maxBytes: () => COMMUNICATIONS_IMPORT_MAX_BYTES + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/enquiries/${SEGMENT}`), maxBytes: () => ENQUIRY_IMPORT_MAX_BYTES + MULTIPART_FIELDS_ALLOWANCE },
  // A report section's tables (CSV/XLSX, and the typed rows posted back from the preview) and annex files (decision 025).
  { pattern: route(`/reports/${SEGMENT}/sections/${SEGMENT}/extras`), maxBytes: (l) => l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  // The applicant portal: a draft's documents, a correction's answer (one input per item).
  { pattern: route(`/convocatoria/${SEGMENT}/solicitud`), maxBytes: (l) => SUBMISSION_MAX_FILES * l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
  { pattern: route(`/convocatoria/${SEGMENT}/estado/${SEGMENT}`), maxBytes: (l) => SUBMISSION_MAX_FILES * l.uploadMaxBytes + MULTIPART_FIELDS_ALLOWANCE },
];

export type BodyPolicy =
  | { refuse: 415 }
  | { maxBytes: number; multipart: false }
  | { maxBytes: number; multipart: true; boundary: string; maxParts: number };

/** The multipart boundary of a Content-Type, or null when it is not multipart. */
function multipartBoundary(contentType: string | undefined): string | null {
  const type = (contentType ?? "").trim();
  if (!/^multipart\//i.test(type)) return null;
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  return match?.[1] ?? match?.[2] ?? "";
}

/** How much of a request body may be read, from its raw path and Content-Type. */
export function bodyPolicy(rawPath: string, contentType: string | undefined, limits: UploadLimits): BodyPolicy {
  const path = routePath(rawPath);
  const boundary = multipartBoundary(contentType);
  if (boundary !== null) {
    const upload = UPLOAD_ROUTES.find((r) => r.pattern.test(path));
    if (!upload || !boundary || !/^multipart\/form-data/i.test(contentType!.trim())) return { refuse: 415 };
    return { maxBytes: upload.maxBytes(limits), multipart: true, boundary, maxParts: MAX_MULTIPART_PARTS };
  }
  if (BOUNCE_HOOK_ROUTE.test(path)) return { maxBytes: BOUNCE_HOOK_MAX_BYTES, multipart: false };
  const isPublic = PUBLIC_FORM_ROUTES.some((re) => re.test(path));
  return { maxBytes: isPublic ? PUBLIC_FORM_MAX_BYTES : MAX_FORM_BODY_BYTES, multipart: false };
}
