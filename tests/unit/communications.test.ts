/**
 * Communications figures (decision 025), worked by hand: area totals, media counts and shares,
 * reading the networks' CSV exports (es/en columns, per post and per day, dates of other months
 * left out, Facebook's description row), and the report's sentences as the source words them.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "~/modules/reports/blocks";
import { parseCount, parseCsvDate, readNetworkCsv } from "~/modules/communications/import.server";
import { cncsSocialBlocks, digitalBlocks, mediaBlocks, micrositeBlocks } from "~/modules/communications/report";
import { accountMonthSchema, mediaNoteSchema, micrositeSchema } from "~/modules/communications/schema";
import { areaTotals, communicationsFromInput, mediaFromCounts, mediaFromNotes, type AccountMonth, type CommunicationsFigures, type MediaMedium } from "~/modules/communications/shapes";
import { countryName } from "~/modules/geo/regions";
import { fieldErrors } from "~/lib/forms";

const csv = (text: string) => new TextEncoder().encode(text);
const es = (code: string) => countryName(code, "es-MX");
const text = (blocks: Block[]) => blocks.map((b) => (b.type === "bullets" ? b.items.join("\n") : b.type === "paragraph" || b.type === "pending" ? b.text : "")).join("\n");

function account(over: Partial<AccountMonth> & Pick<AccountMonth, "accountId" | "network" | "ownerArea" | "posts">): AccountMonth {
  return { handle: over.accountId, name: null, impressions: null, reach: null, followers: null, shares: null, likes: null, comments: null, engagements: null, bestPost: null, bestPostReach: null, source: "TYPED", ...over };
}

const vmre = [
  account({ accountId: "fb", network: "FACEBOOK", ownerArea: "VMRE_OFFICE", posts: 14, impressions: 52_384, followers: 22_319 }),
  account({ accountId: "tw", network: "TWITTER", ownerArea: "VMRE_OFFICE", posts: 72, shares: 586, likes: 498, comments: 34, followers: 9_350 }),
];
const cncs = [
  account({ accountId: "cfb", network: "FACEBOOK", ownerArea: "CNCS", posts: 15, reach: 28_403, impressions: 52_001, likes: 156, comments: 22, shares: 66, bestPostReach: 4_460 }),
  account({ accountId: "ctw", network: "TWITTER", ownerArea: "CNCS", posts: 15, impressions: 73_385, likes: 174, shares: 149, engagements: 790 }),
];
const november = (): MediaMedium[] => [...Array<MediaMedium>(43).fill("INTERNET"), ...Array<MediaMedium>(23).fill("PRINT"), ...Array<MediaMedium>(21).fill("RADIO"), ...Array<MediaMedium>(6).fill("TV")];

const figures: CommunicationsFigures = {
  month: "2017-11",
  areas: { VMRE_OFFICE: { accounts: vmre, missing: [], totals: areaTotals(vmre) }, CNCS: { accounts: cncs, missing: [], totals: areaTotals(cncs) } },
  microsite: { visits: 241_061, countries: 125, topCountries: ["US", "BO", "MX", "FR", "ES", "AR", "CA", "CL", "DE", "NL"], source: "TYPED" },
  media: mediaFromNotes(november().map((medium) => ({ medium, type: "NOTE", tone: "NEUTRAL" }))),
};

describe("figures per owner area", () => {
  it("adds each figure over the area's accounts; a figure not given adds nothing", () => {
    expect(areaTotals(vmre)).toEqual({ accounts: 2, posts: 86, impressions: 52_384, reach: 0, followers: 31_669, shares: 586, likes: 498, comments: 34, engagements: 0 });
    expect(areaTotals(cncs)).toEqual({ accounts: 2, posts: 30, impressions: 125_386, reach: 28_403, followers: 0, shares: 215, likes: 330, comments: 22, engagements: 790 });
    expect(areaTotals([])).toMatchObject({ accounts: 0, posts: 0 });
  });
});

describe("media counts", () => {
  it("counts each note once by medium, type and tone, with whole-number shares of the total", () => {
    const m = figures.media;
    expect(m.notes).toBe(93);
    expect(m.byMedium).toEqual({ INTERNET: 43, PRINT: 23, RADIO: 21, TV: 6 });
    // 43/93 = 46.2 %, 23/93 = 24.7 %, 21/93 = 22.6 %, 6/93 = 6.5 %: the source's 46, 25, 23 and 6.
    expect(m.shares.byMedium).toEqual({ INTERNET: 46, PRINT: 25, RADIO: 23, TV: 6 });
    expect(m.byTone).toEqual({ POSITIVE: 0, NEUTRAL: 93, NEGATIVE: 0 });
    expect(m.shares.byTone).toEqual({ POSITIVE: 0, NEUTRAL: 100, NEGATIVE: 0 });
    expect(m.byType).toEqual({ NOTE: 93, PRESS_RELEASE: 0, INTERVIEW: 0, PAID_INSERTION: 0 });
  });

  it("gives the same figures from grouped counts, and none from an empty month", () => {
    const grouped = mediaFromCounts([
      { medium: "INTERNET", type: "NOTE", tone: "NEUTRAL", n: 2 },
      { medium: "RADIO", type: "INTERVIEW", tone: "POSITIVE", n: 1 },
    ]);
    expect(grouped).toMatchObject({ notes: 3, byMedium: { INTERNET: 2, RADIO: 1 }, byType: { NOTE: 2, INTERVIEW: 1 }, byTone: { NEUTRAL: 2, POSITIVE: 1 }, shares: { byTone: { NEUTRAL: 67, POSITIVE: 33 } } });
    expect(mediaFromNotes([])).toMatchObject({ notes: 0, shares: { byMedium: { INTERNET: 0 } } });
  });
});

describe("the report's communications text, as the source words it", () => {
  it("2.1.4: the programme's Facebook, then Twitter, then the microsite and its top ten", () => {
    const t = text(digitalBlocks(figures, es));
    expect(t).toContain(
      "En el marco de las acciones de promoción del VMRE en plataformas digitales, en el mes de reporte, para redes sociales, se realizaron un total de 14 publicaciones en Facebook, obteniendo un alcance de 52,384 impresiones lo que contribuyó a que la comunidad cerrara con 22,319 seguidores. En Twitter, se llevaron a cabo 72 publicaciones, mismas que recibieron 586 retweets, 498 me gusta y 34 comentarios. El periodo en esta red social, cerró con 9,350 seguidores.",
    );
    expect(t).toContain(
      "En cuanto al micrositio del VMRE, en el periodo de reporte se obtuvieron 241,061 visitas desde 125 países, de los cuales Estados Unidos, Bolivia, México, Francia, España, Argentina, Canadá, Chile, Alemania y Holanda se ubican entre los diez primeros lugares.",
    );
  });

  it("says what is pending, and never prints a figure that was not given as 0", () => {
    const none: CommunicationsFigures = { ...figures, areas: { VMRE_OFFICE: { accounts: [], missing: [], totals: areaTotals([]) }, CNCS: { accounts: [], missing: [], totals: areaTotals([]) } }, microsite: null };
    expect(text(digitalBlocks(none, es))).toBe("Cifras de redes sociales y del micrositio: pendientes de captura para este mes.");
    expect(text(cncsSocialBlocks(none))).toBe("Redes sociales de la CNCS: cifras pendientes de captura para este mes.");
    const onlyPosts = text(digitalBlocks({ ...none, areas: { ...none.areas, VMRE_OFFICE: { accounts: [account({ accountId: "ig", network: "INSTAGRAM", ownerArea: "VMRE_OFFICE", posts: 1 })], missing: [], totals: areaTotals([]) } } }, es));
    expect(onlyPosts).toContain("se realizaron un total de 1 publicación en Instagram.");
    expect(onlyPosts).toContain("Cifras del micrositio: pendientes de captura para este mes.");
    expect(text(micrositeBlocks({ visits: 10, countries: 3, topCountries: ["US", "CA"], source: "TYPED" }, es))).toContain("desde 3 países, de los cuales Estados Unidos y Canadá se ubican entre los dos primeros lugares.");
  });

  it("2.5: the CNCS's Twitter first, then Facebook, and its best post", () => {
    const t = text(cncsSocialBlocks(figures));
    expect(t.indexOf("Twitter")).toBeLessThan(t.indexOf("Facebook"));
    expect(t).toContain("En total fueron 15 publicaciones a través de esta red social. Estos tuits alcanzaron 73,385 impresiones (número de veces que los usuarios vieron el tuit). Se consiguieron 174 “me gusta” y 149 retuits. En total se alcanzaron 790 interacciones.");
    expect(t).toContain("En esta red social se generaron 15 publicaciones, que tuvieron un alcance total de 28,403 (alcance se refiere a cuando un usuario es expuesto a una publicación, por eso es menor a las impresiones). De ese alcance se generaron 52,001 impresiones");
    expect(t).toContain("Además, del total de publicaciones se consiguieron 156 “me gusta”, 22 comentarios y se compartieron 66 veces.");
    expect(t).toContain("El post más exitoso obtuvo un alcance de 4,460 personas.");
  });

  it("2.5 «Monitoreo de medios»: the total, its tone and each medium's share", () => {
    const t = text(mediaBlocks(figures.media));
    expect(t).toContain("En total fueron 93 notas, de las cuales 93 se consideraron como “neutras” (100 por ciento del total).");
    expect(t).toContain("Internet: fueron publicadas 43 notas por esta vía (las notas de los medios electrónicos representaron el 46 por ciento del total).");
    expect(t).toContain("Medios impresos: fueron publicadas un total de 23 notas; las notas en medios impresos representaron el 25 por ciento del total.");
    expect(t).toContain("Radio: se contabilizaron 21 notas por este medio (las notas de radio representaron el 23 por ciento del total).");
    expect(t).toContain("Televisión: fueron transmitidas 6 notas (las notas televisivas representaron el 6 por ciento del total).");
    expect(t).not.toContain("Entrevistas");
    const mixed = text(mediaBlocks(mediaFromCounts([{ medium: "TV", type: "INTERVIEW", tone: "POSITIVE", n: 1 }, { medium: "PRINT", type: "NOTE", tone: "NEUTRAL", n: 3 }])));
    expect(mixed).toContain("En total fueron 4 notas, de las cuales 3 se consideraron como “neutras” (75 por ciento del total) y 1 como “positiva” (25 por ciento del total).");
    expect(mixed).toContain("Entrevistas: se registraron 1 entrevista durante el mes.");
    expect(text(mediaBlocks(mediaFromNotes([])))).toBe("No se registraron notas en el monitoreo de medios del mes.");
  });

  it("reads a version frozen before decision 025 from its typed input", () => {
    const legacy = communicationsFromInput("2017-11", { facebookPosts: 14, facebookImpressions: 52_384, facebookFollowers: 22_319, micrositeVisits: 5, micrositeCountries: 2, mediaInternet: 1, mediaPrint: 0, mediaRadio: 0, mediaTv: 1, mediaPositive: 2, mediaNeutral: 0, mediaNegative: 0 });
    expect(legacy.areas.VMRE_OFFICE.accounts.map((a) => [a.network, a.posts])).toEqual([["FACEBOOK", 14]]);
    expect(legacy.media).toMatchObject({ notes: 2, source: "input", byMedium: { INTERNET: 1, TV: 1 }, byTone: { POSITIVE: 2 } });
    expect(communicationsFromInput("2017-11", null)).toMatchObject({ microsite: null, media: { notes: 0 } });
  });
});

describe("reading the networks' CSV exports", () => {
  it("parses counts and dates as the exports write them", () => {
    expect([parseCount("52,384"), parseCount("52.384"), parseCount("1 234"), parseCount("12"), parseCount(""), parseCount("--"), parseCount("12.0")]).toEqual([52384, 52384, 1234, 12, null, null, 12]);
    expect(parseCount("4.5%")).toBeNaN();
    expect(parseCsvDate("2017-11-03 17:45 +0000", "mdy")).toBe("2017-11-03");
    expect(parseCsvDate("11/03/2017 09:15", "mdy")).toBe("2017-11-03");
    expect(parseCsvDate("03/11/2017", "dmy")).toBe("2017-11-03");
    expect(parseCsvDate("31/02/2017", "dmy")).toBeNull();
  });

  it("Twitter's tweet activity (en): one row per tweet, the month's rows summed, other months left out", () => {
    const file = [
      "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,engagement rate,retweets,replies,likes",
      '1,https://twitter.com/x/status/1,"Regístrate, vota",2017-11-02 15:00 +0000,1000,40,0.04,10,2,20',
      "2,https://twitter.com/x/status/2,Credencial,2017-11-20 18:30 +0000,3000,90,0.03,25,5,41",
      "3,https://twitter.com/x/status/3,Octubre,2017-10-31 23:00 +0000,999,9,0.01,9,9,9",
    ].join("\n");
    const r = readNetworkCsv(csv(file), "2017-11");
    expect(r.problem).toBeNull();
    expect(r.kind).toBe("posts");
    expect(r.columns.filter((c) => c.field).map((c) => [c.header, c.field])).toEqual([
      ["Tweet id", "postId"],
      ["Tweet permalink", "permalink"],
      ["Tweet text", "text"],
      ["time", "date"],
      ["impressions", "impressions"],
      ["engagements", "engagements"],
      ["retweets", "shares"],
      ["replies", "comments"],
      ["likes", "likes"],
    ]);
    expect(r.columns.find((c) => c.header === "engagement rate")?.field).toBeNull();
    expect([r.rows, r.inMonth, r.outsideMonth]).toEqual([3, 2, 1]);
    expect(r.figures).toEqual({ posts: 2, impressions: 4000, reach: null, followers: null, shares: 35, likes: 61, comments: 7, engagements: 130, bestPost: "https://twitter.com/x/status/2", bestPostReach: null });
  });

  it("Twitter in Spanish, semicolons and a BOM", () => {
    const file = "\uFEFFId. del Tweet;Enlace permanente del Tweet;Texto del Tweet;hora;impresiones;interacciones;Retweets;respuestas;Me gusta\n7;https://t.co/7;Hola;2017-11-05 10:00 +0000;1.500;30;4;1;12\n";
    const r = readNetworkCsv(csv(file), "2017-11");
    expect(r.delimiter).toBe(";");
    expect(r.figures).toMatchObject({ posts: 1, impressions: 1500, engagements: 30, shares: 4, comments: 1, likes: 12 });
  });

  it("Facebook's post insights (en): the description row under the header is skipped; reach picks the best post", () => {
    const file = [
      "Post ID,Permalink,Post Message,Type,Posted,Lifetime Post Total Reach,Lifetime Post Total Impressions,Lifetime Talking About This (Post) by action type - like,Lifetime Talking About This (Post) by action type - comment,Lifetime Talking About This (Post) by action type - share",
      ",,,,,Lifetime: The number of people who saw your Page post.,Lifetime: The number of impressions of your Page post.,,,",
      "10,https://fb.com/10,Uno,Photo,11/03/2017 09:15 AM,4460,8000,80,10,30",
      "11,https://fb.com/11,Dos,Link,11/15/2017 10:00 AM,1000,2000,20,2,6",
    ].join("\n");
    const r = readNetworkCsv(csv(file), "2017-11");
    expect(r.skipped).toBe(1);
    expect(r.dateOrder).toBe("mdy");
    expect(r.figures).toEqual({ posts: 2, impressions: 10000, reach: 5460, followers: null, shares: 36, likes: 100, comments: 12, engagements: null, bestPost: "https://fb.com/10", bestPostReach: 4460 });
  });

  it("Meta Business Suite in Spanish (d/m dates): reactions stand for likes when there is no likes column", () => {
    const file = "Identificador de la publicación,Título,Hora de publicación,Alcance,Impresiones,Reacciones,Comentarios,Veces que se compartió\n1,Uno,25/11/2017 10:00,100,150,7,1,2\n2,Dos,01/12/2017 10:00,999,999,9,9,9\n";
    const r = readNetworkCsv(csv(file), "2017-11");
    expect(r.dateOrder).toBe("dmy");
    expect(r.figures).toMatchObject({ posts: 1, reach: 100, impressions: 150, likes: 7, comments: 1, shares: 2 });
    expect(r.outsideMonth).toBe(1);
  });

  it("a per-day account overview (X): posts from its column, followers at the month's last day", () => {
    const file = "Date,Impressions,Likes,Engagements,Reposts,Replies,Create Post,Followers\nsomeday,10,1,1,0,0,1,9000\n2017-11-01,100,5,9,1,0,2,9300\n2017-11-30,200,6,12,2,1,3,9350\n2017-11-15,50,1,1,0,0,1,9320\n";
    const r = readNetworkCsv(csv(file), "2017-11");
    expect(r.kind).toBe("daily");
    expect(r.rejected).toEqual([{ line: 2, reason: "badDate", column: "Date" }]);
    expect(r.figures).toMatchObject({ posts: 6, impressions: 350, likes: 12, engagements: 22, shares: 3, comments: 1, followers: 9350 });
  });

  it("says what it could not read, and refuses a file with no figures column", () => {
    const r = readNetworkCsv(csv("time,impressions\n2017-11-02,mucho\n2017-11-03,10\n"), "2017-11");
    expect(r.rejected).toEqual([{ line: 2, reason: "badNumber", column: "impressions" }]);
    expect(r.figures).toMatchObject({ posts: 1, impressions: 10 });
    expect(readNetworkCsv(csv("nombre,correo\nAna,a@b.c\n"), "2017-11").problem).toBe("noColumns");
    expect(readNetworkCsv(csv(""), "2017-11").problem).toBe("empty");
  });
});

describe("forms", () => {
  it("takes counts with thousands separators and leaves an empty figure out", () => {
    expect(accountMonthSchema.parse({ posts: "14", impressions: "52,384", followers: "22 319", likes: "" })).toMatchObject({ posts: 14, impressions: 52384, followers: 22319, likes: null, source: "TYPED" });
    expect(fieldErrors(accountMonthSchema.safeParse({ posts: "", likes: "-3" }).error!)).toEqual({ posts: "communications.errors.required", likes: "communications.errors.wholeNumber" });
  });

  it("checks the microsite's top ten are known countries, each once, no more than the countries counted", () => {
    expect(micrositeSchema.parse({ visits: "241,061", countries: "125", topCountries: ["US", "", "BO"] })).toEqual({ visits: 241061, countries: 125, topCountries: ["US", "BO"] });
    const bad = micrositeSchema.safeParse({ visits: "1", countries: "1", topCountries: ["US", "US", "XX"] });
    expect(fieldErrors(bad.error!)).toMatchObject({ "topCountries.2": "communications.errors.country", topCountries: "communications.errors.countryTwice", countries: "communications.errors.fewerCountries" });
  });

  it("checks a media note's date, choices and link", () => {
    expect(mediaNoteSchema.parse({ publishedOn: "2017-11-03", outlet: " Reforma ", medium: "PRINT", type: "NOTE", tone: "NEUTRAL", title: "", link: "" })).toEqual({ publishedOn: "2017-11-03", outlet: "Reforma", medium: "PRINT", type: "NOTE", tone: "NEUTRAL", title: null, link: null });
    const bad = mediaNoteSchema.safeParse({ publishedOn: "2017-02-30", outlet: "", medium: "BLOG", type: "NOTE", tone: "NEUTRAL", link: "javascript:alert(1)" });
    expect(fieldErrors(bad.error!)).toMatchObject({ publishedOn: "communications.errors.date", outlet: "communications.errors.required", medium: "communications.errors.medium", link: "communications.errors.link" });
  });
});
