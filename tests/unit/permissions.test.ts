import { describe, expect, it } from "vitest";
import { can, navFor } from "~/modules/auth/permissions";

describe("who reaches what", () => {
  // The table in the foundation issue, row by row.
  const table: Array<[string, Record<string, boolean>]> = [
    ["read:partner", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: true, JUROR: false }],
    ["edit:partner", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: false, JUROR: false }],
    ["read:event", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: true, JUROR: false }],
    ["edit:event", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: false, JUROR: false }],
    ["read:material", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: false, JUROR: false }],
    ["edit:material", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: false, JUROR: false }],
    ["edit:contest", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: false, JUROR: false }],
    ["manage:jury", { ADMIN: true, COORDINATOR: false, COMMUNICATIONS: false, JUROR: false }],
    ["read:jury-results", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: false, JUROR: false }],
    ["evaluate:jury", { ADMIN: false, COORDINATOR: false, COMMUNICATIONS: false, JUROR: true }],
    ["read:contact", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: true, JUROR: false }],
    ["edit:contact", { ADMIN: true, COORDINATOR: false, COMMUNICATIONS: true, JUROR: false }],
    ["edit:bulletin", { ADMIN: true, COORDINATOR: false, COMMUNICATIONS: true, JUROR: false }],
    ["read:report", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: true, JUROR: false }],
    ["edit:report", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: false, JUROR: false }],
    ["manage:user", { ADMIN: true, COORDINATOR: false, COMMUNICATIONS: false, JUROR: false }],
    // Decision 025: social accounts, microsite and media log (a CNCS contributor's months are checked in the module).
    ["edit:communications", { ADMIN: true, COORDINATOR: true, COMMUNICATIONS: true, JUROR: false, CONTRIBUTOR: false }],
  ];
  for (const [permission, roles] of table) {
    it(permission, () => {
      for (const [role, expected] of Object.entries(roles)) {
        expect(can(role as "ADMIN", permission as "read:partner"), `${role} ${permission}`).toBe(expected);
      }
    });
  }

  it("gives a contributor one permission and nothing else, and nobody else that one", () => {
    expect(can("CONTRIBUTOR", "contribute:report")).toBe(true);
    for (const role of ["ADMIN", "COORDINATOR", "COMMUNICATIONS", "JUROR"] as const) expect(can(role, "contribute:report"), role).toBe(false);
    for (const permission of ["read:home", "read:report", "edit:report", "read:partner", "read:event", "manage:user", "evaluate:jury"] as const) {
      expect(can("CONTRIBUTOR", permission), permission).toBe(false);
    }
  });

  it("shows a contributor only «Mis secciones»", () => {
    expect(navFor("CONTRIBUTOR").map((a) => a.to)).toEqual(["/contribute"]);
    expect(navFor("COORDINATOR").map((a) => a.to)).not.toContain("/contribute");
  });

  it("shows a juror only the jury area", () => {
    expect(navFor("JUROR").map((a) => a.to)).toEqual(["/jury"]);
  });

  it("shows communications staff no materials, contest or administration", () => {
    const areas = navFor("COMMUNICATIONS").map((a) => a.to);
    expect(areas).toEqual(["/", "/partners", "/meetings", "/follow-ups", "/events", "/contacts", "/bulletins", "/reports", "/enquiries", "/communications"]);
  });
});
