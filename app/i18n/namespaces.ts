/**
 * Which message namespaces (files app/i18n/<lang>/<namespace>.json) each URL area needs in the
 * browser. The area is the path's first segment ("/contacts/12" → "contacts"). `common` and `auth`
 * always go (the shell, error pages, the language switch, session expiry); an area lists what its
 * routes and the components they import use, including other areas' labels (the events pages show
 * contact fields). tests/unit/i18n-namespaces.test.ts walks each route's imports and fails when a
 * literal key would be missing here, so a new cross-area label shows up in CI, not as a raw key.
 */
export const NAMESPACES = [
  "common",
  "auth",
  "admin",
  "mail",
  "contacts",
  "contactsImport",
  "contactDetail",
  "partners",
  "events",
  "bulletins",
  "contest",
  "jury",
  "materials",
  "reports",
  "meetings",
  "contribute",
  "communications",
  "portal",
] as const;
export type Namespace = (typeof NAMESPACES)[number];

const ALWAYS: readonly Namespace[] = ["common", "auth"];

export const AREA_NAMESPACES: Readonly<Record<string, readonly Namespace[]>> = {
  "": ["materials", "reports"],
  admin: ["admin", "contacts"],
  bulletins: ["bulletins"],
  communications: ["communications"],
  contacts: ["contacts", "contactsImport", "contactDetail", "events"],
  contest: ["contest", "reports", "portal"],
  // The applicant portal (decision 029): public pages in the visitor's language.
  convocatoria: ["portal"],
  contribute: ["contribute", "communications", "reports"],
  enquiries: ["reports"],
  events: ["events", "contacts", "contactDetail", "materials"],
  "follow-ups": ["partners", "contacts"],
  jury: ["jury", "meetings"],
  k: ["events", "contacts", "contactDetail"],
  materials: ["materials", "events", "contacts"],
  meetings: ["meetings", "partners", "contacts"],
  partners: ["partners", "contacts", "contactDetail"],
  reports: ["reports", "communications", "contribute"],
};

export function areaOf(pathname: string): string {
  return pathname.split("/")[1] ?? "";
}

/** The namespaces a page at this path needs, in a stable order. */
export function namespacesFor(pathname: string): Namespace[] {
  const extra = AREA_NAMESPACES[areaOf(pathname)] ?? [];
  return NAMESPACES.filter((ns) => ALWAYS.includes(ns) || extra.includes(ns));
}

/** Two paths that need the same namespaces share this key (root's shouldRevalidate compares them). */
export function namespaceSetKey(pathname: string): string {
  return namespacesFor(pathname).join(",");
}
