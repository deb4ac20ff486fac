/**
 * THE one definition of a month's citizen-enquiry figures (decisions 018, 025): counted from the
 * records of the month's import when the month has one, else from the totals typed for it, else
 * nothing (`source: null`). The enquiries page, the report (2.1.3 and Anexo 2), the DOCX/PDF and
 * figures.json all call enquiryFiguresForMonth.
 */
import type { EnquiryChannel } from "~/generated/prisma/enums";
import { db } from "~/lib/db.server";
import { emptyEnquiryFigures, enquiryFiguresFromGroups, enquiryFiguresFromTotals, type EnquiryFigures } from "./figures";

export type { EnquiryFigures, EnquirySource } from "./figures";

/** The month's figures ("2017-11"): records of its import, else its typed totals, else empty. */
export async function enquiryFiguresForMonth(month: string): Promise<EnquiryFigures> {
  const imported = await db.enquiryImport.findFirst({ where: { month }, select: { id: true } });
  if (imported) {
    const groups = await db.$queryRaw<Array<{ channel: EnquiryChannel; country: string | null; state: string | null; topic: string; n: number }>>`
      SELECT e."channel"::text AS channel, e."country", e."state", e."topic", count(*)::int AS n
      FROM "CitizenEnquiry" e
      WHERE e."importId" IN (SELECT i.id FROM "EnquiryImport" i WHERE i."month" = ${month})
      GROUP BY 1, 2, 3, 4`;
    return enquiryFiguresFromGroups(month, groups);
  }
  const typed = await db.enquiryMonthTotal.findUnique({ where: { month } });
  if (typed) return enquiryFiguresFromTotals(month, typed);
  return emptyEnquiryFigures(month);
}
