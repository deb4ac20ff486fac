/**
 * Demo communications records for November 2017 (decision 025), from the source report:
 * - the programme's Facebook and Twitter accounts (the ids and handles the migration gives them) with
 *   2.1.4's figures: Facebook 14 posts, 52,384 impressions, 22,319 followers; Twitter 72 posts,
 *   586 retweets, 498 likes, 34 comments, 9,350 followers;
 * - the CNCS's Twitter and Facebook as a second pair of accounts with 2.5's figures: Twitter 15
 *   posts, 73,385 impressions, 174 likes, 149 retweets (790 interactions, kept once the column
 *   exists); Facebook 15 posts, reach 28,403, 52,001 impressions, 156 likes, 22 comments, 66
 *   shares, best post reach 4,460;
 * - the microsite: 241,061 visits from 125 countries, its top ten in the source's order;
 * - the media-monitoring log: 93 notes, 43 internet, 23 print, 21 radio, 6 television, all
 *   neutral, as the source counts them.
 * Ours, not the source's: the CNCS accounts' handles, and every note's outlet, title and day (the
 * source gives only the counts). Idempotent: fixed ids, existing rows are left as they are (a
 * microsite month without its top ten gets it).
 */
import { db } from "../../app/lib/db.server.ts";
import { Prisma } from "../../app/generated/prisma/client.ts";

export const COMMUNICATIONS_MONTH = "2017-11";
const ENGAGEMENTS_STORED = "engagements" in Prisma.SocialAccountMonthScalarFieldEnum;

const ACCOUNTS = [
  { id: "social_vmre_facebook", network: "FACEBOOK", ownerArea: "VMRE_OFFICE", handle: "VotoExtranjeroMX", name: "Voto de los Mexicanos Residentes en el Extranjero" },
  { id: "social_vmre_twitter", network: "TWITTER", ownerArea: "VMRE_OFFICE", handle: "@VotoExtranjeroMX", name: "Voto de los Mexicanos Residentes en el Extranjero" },
  { id: "social_cncs_twitter", network: "TWITTER", ownerArea: "CNCS", handle: "@INEMexico", name: "Instituto Nacional Electoral" },
  { id: "social_cncs_facebook", network: "FACEBOOK", ownerArea: "CNCS", handle: "INEMexico", name: "Instituto Nacional Electoral" },
] as const;

const MONTHS: Array<{ accountId: string; posts: number; impressions?: number; reach?: number; followers?: number; shares?: number; likes?: number; comments?: number; engagements?: number; bestPostReach?: number }> = [
  { accountId: "social_vmre_facebook", posts: 14, impressions: 52_384, followers: 22_319 },
  { accountId: "social_vmre_twitter", posts: 72, shares: 586, likes: 498, comments: 34, followers: 9_350 },
  { accountId: "social_cncs_twitter", posts: 15, impressions: 73_385, likes: 174, shares: 149, engagements: 790 },
  { accountId: "social_cncs_facebook", posts: 15, reach: 28_403, impressions: 52_001, likes: 156, comments: 22, shares: 66, bestPostReach: 4_460 },
];

export const MICROSITE_TOP_TEN = ["US", "BO", "MX", "FR", "ES", "AR", "CA", "CL", "DE", "NL"];

/** 43 internet, 23 print, 21 radio, 6 television: outlets and days are ours. */
const OUTLETS: Record<"INTERNET" | "PRINT" | "RADIO" | "TV", { count: number; outlets: string[] }> = {
  INTERNET: { count: 43, outlets: ["El Universal en línea", "Milenio.com", "Excélsior en línea", "La Jornada en línea", "Animal Político", "El Financiero en línea", "Univision.com", "La Opinión (Los Ángeles) en línea"] },
  PRINT: { count: 23, outlets: ["El Universal", "Reforma", "La Jornada", "Excélsior", "Milenio Diario", "La Opinión (Los Ángeles)"] },
  RADIO: { count: 21, outlets: ["Radio Fórmula", "W Radio", "Imagen Radio", "Radio Educación", "Radio Bilingüe"] },
  TV: { count: 6, outlets: ["Noticieros Televisa", "TV Azteca Noticias", "Univision Noticias"] },
};
const TITLES = [
  "El INE invita a mexicanos en el extranjero a tramitar su credencial",
  "Abre el registro para votar desde el extranjero en 2018",
  "Consejero del INE visita a la comunidad mexicana en Nueva York",
  "Cómo votar desde el exterior: lo que hay que saber",
  "Mexicanos en Estados Unidos podrán elegir Presidente en 2018",
];

function mediaNotes() {
  const notes: Prisma.MediaNoteCreateManyInput[] = [];
  let k = 0;
  for (const [medium, { count, outlets }] of Object.entries(OUTLETS) as Array<[keyof typeof OUTLETS, { count: number; outlets: string[] }]>) {
    for (let i = 0; i < count; i++) {
      k += 1;
      const day = 1 + ((k * 7) % 30);
      notes.push({
        id: `seed_media_2017_11_${String(k).padStart(2, "0")}`,
        publishedOn: new Date(`2017-11-${String(day).padStart(2, "0")}T00:00:00Z`),
        outlet: outlets[i % outlets.length]!,
        medium,
        type: "NOTE",
        tone: "NEUTRAL",
        title: TITLES[k % TITLES.length]!,
      });
    }
  }
  return notes;
}

export async function seedCommunications(): Promise<string> {
  const done: string[] = [];
  const accounts = await db.socialAccount.createMany({ data: ACCOUNTS.map((a) => ({ ...a })), skipDuplicates: true });
  if (accounts.count) done.push(`${accounts.count} accounts`);
  const months = await db.socialAccountMonth.createMany({
    data: MONTHS.map(({ engagements, ...m }) => ({ ...m, month: COMMUNICATIONS_MONTH, ...(ENGAGEMENTS_STORED && engagements !== undefined ? { engagements } : {}) })),
    skipDuplicates: true,
  });
  if (months.count) done.push(`${months.count} account months`);
  const site = await db.micrositeMonth.findUnique({ where: { month: COMMUNICATIONS_MONTH } });
  if (!site) {
    await db.micrositeMonth.create({ data: { month: COMMUNICATIONS_MONTH, visits: 241_061, countries: 125, topCountries: MICROSITE_TOP_TEN } });
    done.push("microsite month");
  } else if (!site.topCountries.length) {
    await db.micrositeMonth.update({ where: { month: COMMUNICATIONS_MONTH }, data: { topCountries: MICROSITE_TOP_TEN } });
    done.push("microsite top ten");
  }
  const notes = await db.mediaNote.createMany({ data: mediaNotes(), skipDuplicates: true });
  if (notes.count) done.push(`${notes.count} media notes`);
  return `communications: ${done.length ? done.join("; ") : "already present"}`;
}
