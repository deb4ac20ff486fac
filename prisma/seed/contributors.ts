/**
 * Demo contributors and November 2017's contribution round (decision 025), called by
 * prisma/seed.ts after the report. One contributor per INE area that writes part of the source
 * report (DERFE 2.1.2 and Anexo 1, Atención Ciudadana 2.1.3 and Anexo 2, DEOE, DECEYEC, UNICOM,
 * CNCS), with the demo password. The round was opened on 1 December 2017 with one due date for
 * every section, 8 December 2017; the source prints every area's part, so all are reviewed
 * (11 December, ours) except UNICOM's Anexo 6, still pending, so the demo shows one.
 * Idempotent: existing users and rows are left as they are.
 */
import type { IneArea } from "../../app/generated/prisma/client.ts";
import { db } from "../../app/lib/db.server.ts";
import { hashPassword } from "../../app/modules/auth/password.server.ts";
import { contributableSections } from "../../app/modules/reports/access.server.ts";
import { liveOutline } from "../../app/modules/reports/outline.server.ts";

export const DEMO_CONTRIBUTORS: Array<{ email: string; name: string; ineArea: IneArea }> = [
  { email: "derfe@alcance.test", name: "Daniela Estrada (DERFE)", ineArea: "DERFE" },
  { email: "dac@alcance.test", name: "Diego Aranda (Atención Ciudadana)", ineArea: "DAC" },
  { email: "deoe@alcance.test", name: "Elena Ortega (DEOE)", ineArea: "DEOE" },
  { email: "deceyec@alcance.test", name: "Ernesto Cervantes (DECEYEC)", ineArea: "DECEYEC" },
  { email: "unicom@alcance.test", name: "Úrsula Contreras (UNICOM)", ineArea: "UNICOM" },
  { email: "cncs@alcance.test", name: "Carmen Navarro (CNCS)", ineArea: "CNCS" },
];

export const DEMO_ROUND_MONTH = "2017-11";
export const DEMO_ROUND_DUE = "2017-12-08";
/** The one section of the demo round still pending. */
export const DEMO_PENDING_SECTION = "annex_unicom";

const OPENED_AT = new Date("2017-12-01T16:00:00Z");
const REVIEWED_AT = new Date("2017-12-11T18:00:00Z");

export async function seedContributors(password: string): Promise<string> {
  let created = 0;
  for (const c of DEMO_CONTRIBUTORS) {
    if (await db.user.findUnique({ where: { email: c.email }, select: { id: true } })) continue;
    await db.user.create({ data: { ...c, role: "CONTRIBUTOR", passwordHash: await hashPassword(password), locale: "es" } });
    created++;
  }
  const coordinator = await db.user.findUnique({ where: { email: "coordinacion@alcance.test" }, select: { id: true } });
  const sections = contributableSections(await liveOutline()).filter((n) => n.ownerArea);
  const rows = await db.reportContribution.createMany({
    data: sections.map((n) => {
      const pending = n.key === DEMO_PENDING_SECTION;
      return {
        month: DEMO_ROUND_MONTH,
        sectionKey: n.key,
        ownerArea: n.ownerArea as IneArea,
        dueOn: new Date(`${DEMO_ROUND_DUE}T00:00:00Z`),
        state: pending ? ("PENDING" as const) : ("REVIEWED" as const),
        stateChangedAt: pending ? OPENED_AT : REVIEWED_AT,
        stateChangedById: coordinator?.id ?? null,
        createdById: coordinator?.id ?? null,
        createdAt: OPENED_AT,
      };
    }),
    skipDuplicates: true,
  });
  return `contributors: ${created} created, ${DEMO_CONTRIBUTORS.length - created} already present; November 2017 round: ${rows.count} of ${sections.length} sections written`;
}
