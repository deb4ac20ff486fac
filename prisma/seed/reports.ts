/**
 * Demo data for the monthly report (called last by prisma/seed.ts): the November 2017 figures the
 * system does not hold (social media, microsite, media monitoring, citizen enquiries, from the
 * source document) and a draft with a couple of narratives whose contest part counts up to 15 Dec
 * 2017, as the source does («Hasta el 15 de diciembre»). Idempotent: it writes only what is
 * missing, and never touches a month someone has already edited.
 */
import { db } from "../../app/lib/db.server.ts";
import type { MonthlyInputData } from "../../app/modules/reports/schema.ts";

export const DEMO_REPORT_MONTH = "2017-11";

export const NOVEMBER_2017_INPUT: MonthlyInputData = {
  facebookPosts: 14,
  facebookImpressions: 52_384,
  facebookFollowers: 22_319,
  twitterPosts: 72,
  twitterRetweets: 586,
  twitterLikes: 498,
  twitterComments: 34,
  twitterFollowers: 9_350,
  micrositeVisits: 241_061,
  micrositeCountries: 125,
  mediaInternet: 43,
  mediaPrint: 23,
  mediaRadio: 21,
  mediaTv: 6,
  mediaPositive: 0,
  mediaNeutral: 93,
  mediaNegative: 0,
  enquiriesTotal: 648,
  enquiriesUsPercent: 85.65,
};

const NARRATIVES = {
  presentation:
    "Con el objeto de dar cabal cumplimiento a lo dispuesto en la normatividad electoral y de cara a las elecciones federal y locales de 2018, la Oficina de Vinculación Electoral de Mexicanos Residentes en el Extranjero presenta las actividades de promoción realizadas durante el mes.",
  digital:
    "Se generaron contenidos para las redes sociales del VMRE sobre credencialización, cargos a elegir en 2018, el Concurso para la Promoción del VMRE, la App Voto MX e inscripción a la LNERE. Los esfuerzos se concentraron en Estados Unidos, Canadá, España, Alemania, Francia y Reino Unido.",
};

export async function seedReports(): Promise<string> {
  const done: string[] = [];
  // skipDuplicates: a month someone already edited (or is editing right now) is left alone.
  const input = await db.monthlyInput.createMany({ data: [{ month: DEMO_REPORT_MONTH, data: NOVEMBER_2017_INPUT }], skipDuplicates: true });
  if (input.count) done.push("November 2017 figures entered");
  // The source counts the contest «Hasta el 15 de diciembre»: the draft cuts the funnel there.
  const report = await db.monthlyReport.createMany({
    data: [{ month: DEMO_REPORT_MONTH, version: 1, narratives: NARRATIVES, contestCutoffOn: new Date("2017-12-15T00:00:00.000Z") }],
    skipDuplicates: true,
  });
  if (report.count) done.push("November 2017 draft with 2 narratives");
  return `reports: ${done.length ? done.join("; ") : "already present"}`;
}
