/**
 * Roles and permissions. A permission is an "action:entity" string; every loader and action checks
 * one through requirePermission(). Ownership (a juror's own evaluations) is checked inside the
 * module functions, not here.
 */
export const ROLES = ["ADMIN", "COORDINATOR", "COMMUNICATIONS", "JUROR", "CONTRIBUTOR"] as const;
export type RoleName = (typeof ROLES)[number];

export const PERMISSIONS = [
  "read:home",
  "read:partner",
  "edit:partner",
  "read:event",
  "edit:event",
  "read:material",
  "edit:material",
  "read:contest",
  "edit:contest",
  "manage:jury",
  "read:jury-results",
  "evaluate:jury",
  "read:contact",
  "edit:contact",
  "read:bulletin",
  "edit:bulletin",
  "read:report",
  "edit:report",
  // A CONTRIBUTOR's only permission: the report sections of their own INE area (checked in the reports module).
  "contribute:report",
  // Social accounts, the microsite and the media log (decision 025; a CNCS contributor's own months are checked in the communications module).
  "edit:communications",
  "manage:user",
  "read:audit",
  "manage:settings",
  "read:outbox",
  // The BullMQ queues page: counts, failed jobs, retries (decision 035). ADMIN only.
  "manage:queues",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<RoleName, readonly Permission[]> = {
  ADMIN: PERMISSIONS.filter((p) => p !== "evaluate:jury" && p !== "contribute:report"),
  COORDINATOR: [
    "read:home",
    "read:partner",
    "edit:partner",
    "read:event",
    "edit:event",
    "read:material",
    "edit:material",
    "read:contest",
    "edit:contest",
    "read:jury-results",
    "read:contact",
    "read:bulletin",
    "read:report",
    "edit:report",
    "edit:communications",
  ],
  COMMUNICATIONS: [
    "read:home",
    "read:partner",
    "read:event",
    "read:contact",
    "edit:contact",
    "read:bulletin",
    "edit:bulletin",
    "read:report",
    "edit:communications",
  ],
  JUROR: ["evaluate:jury"],
  CONTRIBUTOR: ["contribute:report"],
};

export function can(role: RoleName, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: RoleName): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

/** The navigation: each area and the permission that shows it. Labels are translation keys. */
export const NAV_AREAS = [
  { to: "/", label: "nav.home", permission: "read:home" },
  { to: "/partners", label: "nav.partners", permission: "read:partner" },
  { to: "/meetings", label: "nav.meetings", permission: "read:partner" },
  { to: "/follow-ups", label: "nav.followUps", permission: "read:partner" },
  { to: "/events", label: "nav.events", permission: "read:event" },
  { to: "/materials", label: "nav.materials", permission: "read:material" },
  { to: "/contest", label: "nav.contest", permission: "read:contest" },
  { to: "/jury", label: "nav.jury", permission: ["manage:jury", "read:jury-results", "evaluate:jury"] },
  { to: "/contacts", label: "nav.contacts", permission: "read:contact" },
  { to: "/bulletins", label: "nav.bulletins", permission: "read:bulletin" },
  { to: "/reports", label: "nav.reports", permission: "read:report" },
  // A contributor's only area: the report sections of their INE area («Mis secciones»).
  { to: "/contribute", label: "nav.contribute", permission: "contribute:report" },
  { to: "/enquiries", label: "nav.enquiries", permission: "read:report" },
  { to: "/communications", label: "nav.communications", permission: ["edit:communications", "read:report"] },
  { to: "/admin", label: "nav.admin", permission: "manage:user" },
] as const satisfies ReadonlyArray<{ to: string; label: string; permission: Permission | readonly Permission[] }>;

export function canAny(role: RoleName, permission: Permission | readonly Permission[]): boolean {
  return typeof permission === "string" ? can(role, permission) : permission.some((p) => can(role, p));
}

export function navFor(role: RoleName) {
  return NAV_AREAS.filter((area) => canAny(role, area.permission));
}
