/**
 * Communications records against the real database and web server (decision 025): the month's
 * figures per account and owner area, the microsite and the media log counted once each; the
 * report printing the source's sentences from records; the media log paged by key and its
 * two-step delete; and who may do what over HTTP (a juror and another area's contributor 403, the
 * CNCS contributor the CNCS accounts and the media log only while its section is open,
 * communications staff everything), with a network's CSV read and previewed before saving.
 * Each test uses months of its own (1994) and handles with a unique token.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import { communicationsFiguresForMonth } from "~/modules/communications/figures.server";
import { createMediaNote, deleteMediaNote, getMediaNote, listMediaNotes } from "~/modules/communications/media.server";
import { saveAccountMonth } from "~/modules/communications/accounts.server";
import { accountMonthSchema } from "~/modules/communications/schema";
import type { Block } from "~/modules/reports/blocks";
import { buildReport } from "~/modules/reports/document";
import { computeReportFigures, figuresJson } from "~/modules/reports/figures.server";
import { liveOutline, type OutlineNode } from "~/modules/reports/outline.server";
import { closeQueues } from "../../jobs/queues";
import { createUser, TEST_PASSWORD, uniqueEmail } from "../support/factories";
import { TestClient } from "../support/http";
import { markup } from "../support/markup";

afterAll(async () => {
  await closeQueues();
});

const token = () => randomUUID().slice(0, 8);
const actor = { userId: null, ip: "127.0.0.1" };

async function accountPair(area: "VMRE_OFFICE" | "CNCS") {
  const t = token();
  const facebook = await db.socialAccount.create({ data: { network: "FACEBOOK", ownerArea: area, handle: `fb-${t}` } });
  const twitter = await db.socialAccount.create({ data: { network: "TWITTER", ownerArea: area, handle: `@tw-${t}` } });
  return { facebook, twitter };
}

async function notes(month: string, counts: Record<"INTERNET" | "PRINT" | "RADIO" | "TV", number>) {
  const data = Object.entries(counts).flatMap(([medium, n]) =>
    Array.from({ length: n }, (_, i) => ({ publishedOn: new Date(`${month}-${String(1 + (i % 28)).padStart(2, "0")}T00:00:00Z`), outlet: `Medio ${i}`, medium: medium as "INTERNET", tone: "NEUTRAL" as const })),
  );
  await db.mediaNote.createMany({ data });
}

const text = (blocks: Block[]) => blocks.map((b) => (b.type === "bullets" ? b.items.join("\n") : b.type === "heading" ? `# ${b.id}` : b.type === "table" ? "" : b.text)).join("\n");
function section(blocks: Block[], key: string): string {
  const at = blocks.findIndex((b) => b.type === "heading" && b.id === key);
  const next = blocks.findIndex((b, i) => i > at && b.type === "heading");
  return text(blocks.slice(at + 1, next < 0 ? undefined : next));
}

/** The live outline with 2.5's «Redes sociales» computed row (asked of the lead as a migration), unless it is there already. */
async function outlineWithCncsSocial(): Promise<OutlineNode[]> {
  const outline = await liveOutline();
  if (outline.some((o) => o.computed === "cncs_social")) return outline;
  const at = outline.findIndex((o) => o.key === "cncs");
  const node: OutlineNode = { key: "cncs_social", parentKey: "cncs", title: "Redes sociales", numbered: false, kind: "COMPUTED", computed: "cncs_social", ownerArea: "CNCS", number: null, depth: outline[at]!.depth + 1, isAnnex: false };
  return [...outline.slice(0, at + 1), node, ...outline.slice(at + 1)];
}

describe("the month's communications figures, from records", () => {
  it("counts each account in its area, sums the area, reads the microsite and counts the media log once", async () => {
    const month = "1994-03";
    const vmre = await accountPair("VMRE_OFFICE");
    const cncs = await accountPair("CNCS");
    const idle = await db.socialAccount.create({ data: { network: "INSTAGRAM", ownerArea: "CNCS", handle: `ig-${token()}` } });
    const gone = await db.socialAccount.create({ data: { network: "YOUTUBE", ownerArea: "VMRE_OFFICE", handle: `yt-${token()}`, active: false } });
    await db.socialAccountMonth.createMany({
      data: [
        { accountId: vmre.facebook.id, month, posts: 14, impressions: 52_384, followers: 22_319 },
        { accountId: vmre.twitter.id, month, posts: 72, shares: 586, likes: 498, comments: 34, followers: 9_350 },
        { accountId: cncs.twitter.id, month, posts: 15, impressions: 73_385, likes: 174, shares: 149 },
        { accountId: cncs.facebook.id, month, posts: 15, reach: 28_403, impressions: 52_001, likes: 156, comments: 22, shares: 66, bestPostReach: 4_460 },
        // A deactivated account's month still counts; another month's figures do not.
        { accountId: gone.id, month, posts: 1 },
        { accountId: vmre.facebook.id, month: "1994-02", posts: 999 },
      ],
    });
    await db.micrositeMonth.create({ data: { month, visits: 241_061, countries: 125, topCountries: ["US", "BO", "MX", "FR", "ES", "AR", "CA", "CL", "DE", "NL"] } });
    await notes(month, { INTERNET: 43, PRINT: 23, RADIO: 21, TV: 6 });
    // The days around the month do not count.
    await db.mediaNote.createMany({ data: ["1994-02-28", "1994-04-01"].map((d) => ({ publishedOn: new Date(`${d}T00:00:00Z`), outlet: "Fuera", medium: "TV" as const, tone: "NEGATIVE" as const })) });

    const c = await communicationsFiguresForMonth(month);
    const mine = (ids: string[]) => (a: { accountId: string }) => ids.includes(a.accountId);
    const vmreAccounts = c.areas.VMRE_OFFICE.accounts.filter(mine([vmre.facebook.id, vmre.twitter.id, gone.id]));
    expect(vmreAccounts.map((a) => [a.network, a.posts])).toEqual([
      ["FACEBOOK", 14],
      ["TWITTER", 72],
      ["YOUTUBE", 1],
    ]);
    expect(c.areas.VMRE_OFFICE.totals).toMatchObject({ accounts: 3, posts: 87, impressions: 52_384, followers: 31_669, shares: 586, likes: 498, comments: 34 });
    expect(c.areas.CNCS.totals).toMatchObject({ accounts: 2, posts: 30, impressions: 125_386, reach: 28_403, likes: 330, shares: 215, comments: 22 });
    expect(c.areas.CNCS.missing.map((m) => m.accountId)).toContain(idle.id);
    expect(c.areas.VMRE_OFFICE.missing.map((m) => m.accountId)).not.toContain(gone.id);
    expect(c.microsite).toMatchObject({ visits: 241_061, countries: 125 });
    expect(c.media).toMatchObject({ notes: 93, byMedium: { INTERNET: 43, PRINT: 23, RADIO: 21, TV: 6 }, byTone: { NEUTRAL: 93, NEGATIVE: 0 }, shares: { byMedium: { INTERNET: 46, PRINT: 25, RADIO: 23, TV: 6 } }, source: "log" });

    // The report, its figures.json and every rendering read the same records.
    const figures = await computeReportFigures(month);
    const j = figuresJson(figures);
    expect(j.digital).toMatchObject({ facebook_posts: 14, facebook_impressions: 52_384, facebook_followers: 22_319, twitter_posts: 72, twitter_retweets: 586, twitter_likes: 498, twitter_comments: 34, twitter_followers: 9_350, microsite_visits: 241_061, microsite_countries: 125 });
    expect(j.media).toEqual({ notes: 93, internet: 43, print: 23, radio: 21, tv: 6, positive: 0, neutral: 93, negative: 0 });
    expect(j.cncs).toMatchObject({ accounts: 2, twitter_posts: 15, twitter_impressions: 73_385, twitter_likes: 174, twitter_retweets: 149, facebook_posts: 15, facebook_reach: 28_403, facebook_impressions: 52_001, facebook_likes: 156, facebook_comments: 22, facebook_shares: 66, best_post_reach: 4_460 });

    await db.socialAccountMonth.delete({ where: { accountId_month: { accountId: gone.id, month } } });
    const { doc } = buildReport({ month, version: 1, state: "DRAFT", approvedAt: null, approvedBy: null, narratives: {}, figures: await computeReportFigures(month), outline: await outlineWithCncsSocial(), approval: null });
    const digital = section(doc.blocks, "digital");
    expect(digital).toContain(
      "se realizaron un total de 14 publicaciones en Facebook, obteniendo un alcance de 52,384 impresiones lo que contribuyó a que la comunidad cerrara con 22,319 seguidores. En Twitter, se llevaron a cabo 72 publicaciones, mismas que recibieron 586 retweets, 498 me gusta y 34 comentarios. El periodo en esta red social, cerró con 9,350 seguidores.",
    );
    expect(digital).toContain("241,061 visitas desde 125 países, de los cuales Estados Unidos, Bolivia, México, Francia, España, Argentina, Canadá, Chile, Alemania y Holanda se ubican entre los diez primeros lugares.");
    // The bulletins sentence stays.
    expect(digital).toContain("No se enviaron boletines electrónicos durante el mes.");
    const social = section(doc.blocks, "cncs_social");
    expect(social).toContain("En total fueron 15 publicaciones a través de esta red social. Estos tuits alcanzaron 73,385 impresiones (número de veces que los usuarios vieron el tuit). Se consiguieron 174 “me gusta” y 149 retuits.");
    expect(social).toContain("De ese alcance se generaron 52,001 impresiones");
    expect(social).toContain("se consiguieron 156 “me gusta”, 22 comentarios y se compartieron 66 veces.");
    expect(social).toContain("El post más exitoso obtuvo un alcance de 4,460 personas.");
    const media = section(doc.blocks, "media");
    expect(media).toContain("En total fueron 93 notas, de las cuales 93 se consideraron como “neutras” (100 por ciento del total).");
    expect(media).toContain("Internet: fueron publicadas 43 notas por esta vía (las notas de los medios electrónicos representaron el 46 por ciento del total).");
  });

  it("an approved version keeps its frozen figures when the records change", async () => {
    const month = "1994-05";
    const { facebook } = await accountPair("VMRE_OFFICE");
    await saveAccountMonth(actor, facebook.id, month, accountMonthSchema.parse({ posts: "10", impressions: "1,000" }));
    const frozen = await computeReportFigures(month);
    await saveAccountMonth(actor, facebook.id, month, accountMonthSchema.parse({ posts: "11", impressions: "1,000" }));
    expect(figuresJson(frozen).digital.facebook_posts).toBe(10);
    expect(figuresJson(await computeReportFigures(month)).digital.facebook_posts).toBe(11);
    // Saving the same figures again changes nothing (and is not audited twice).
    expect(await saveAccountMonth(actor, facebook.id, month, accountMonthSchema.parse({ posts: "11", impressions: "1000" }))).toEqual({ changed: false });
  });
});

describe("the media log", () => {
  it("pages by key, newest first, filtered by month, medium and tone; deleting takes the version the person saw", async () => {
    const month = "1994-06";
    const ids: string[] = [];
    for (const [day, medium, tone] of [["03", "RADIO", "NEUTRAL"], ["03", "RADIO", "NEUTRAL"], ["10", "RADIO", "NEUTRAL"], ["20", "TV", "POSITIVE"]] as const) {
      ids.push((await createMediaNote(actor, { publishedOn: `${month}-${day}`, outlet: `Radio ${token()}`, medium, type: "NOTE", tone, title: null, link: null })).id);
    }
    const first = await listMediaNotes({ month, medium: "RADIO" }, null, 2);
    expect(first.rows.map((r) => r.publishedOn)).toEqual(["1994-06-10", "1994-06-03"]);
    const second = await listMediaNotes({ month, medium: "RADIO" }, first.nextCursor, 2);
    expect(second.rows.map((r) => r.publishedOn)).toEqual(["1994-06-03"]);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(3);
    expect((await listMediaNotes({ month, tone: "POSITIVE" })).rows.map((r) => r.id)).toEqual([ids[3]]);

    const note = (await getMediaNote(ids[3]!))!;
    expect(await deleteMediaNote(actor, note.id, "2000-01-01T00:00:00.000Z")).toEqual({ deleted: false });
    expect(await deleteMediaNote(actor, note.id, note.updatedAt)).toEqual({ deleted: true });
    expect((await communicationsFiguresForMonth(month)).media).toMatchObject({ notes: 3, byMedium: { RADIO: 3, TV: 0 } });
  });
});

// ── Over HTTP ───────────────────────────────────────────────────────────────────────────────────

async function contributor(area: "CNCS" | "DEOE") {
  const user = await db.user.create({ data: { email: uniqueEmail(`contrib-${area.toLowerCase()}`), name: `Colaborador ${area}`, role: "CONTRIBUTOR", ineArea: area, passwordHash: await hashPassword(TEST_PASSWORD) } });
  const http = new TestClient();
  expect((await http.login(user.email)).status).toBe(302);
  return http;
}

async function staff(role: "COMMUNICATIONS" | "JUROR" | "COORDINATOR") {
  const user = await createUser({ role });
  const http = new TestClient();
  expect((await http.login(user.email)).status).toBe(302);
  return http;
}

const origin = () => ({ origin: new URL(new TestClient().baseUrl).origin });
const figuresForm = (accountId: string, posts: string) => ({ intent: "account", accountId, posts, impressions: "1,200", likes: "" });

describe("/communications over HTTP", () => {
  it("refuses a juror and another area's contributor everywhere", async () => {
    const month = "1994-07";
    const { facebook } = await accountPair("CNCS");
    for (const http of [await staff("JUROR"), await contributor("DEOE")]) {
      for (const path of ["/communications", `/communications/months/${month}`, "/communications/accounts", "/communications/media", "/communications/media/new"]) {
        expect((await http.get(path)).status, path).toBe(403);
      }
      expect((await http.post(`/communications/months/${month}`, figuresForm(facebook.id, "5"), { headers: origin() })).status).toBe(403);
    }
    expect(await db.socialAccountMonth.count({ where: { accountId: facebook.id } })).toBe(0);
  });

  it("lets the CNCS contributor edit the CNCS accounts' months and the media log, only while the CNCS section is open", async () => {
    const month = "1994-08";
    const closed = "1994-09";
    const cncs = await accountPair("CNCS");
    const vmre = await accountPair("VMRE_OFFICE");
    await db.reportContribution.create({ data: { month: closed, sectionKey: "cncs", ownerArea: "CNCS", dueOn: new Date(`${closed}-25T00:00:00Z`), state: "SUBMITTED" } });
    // A contributor reaches a section only when the month's round gives it to their area.
    await db.reportContribution.create({ data: { month, sectionKey: "cncs", ownerArea: "CNCS", dueOn: new Date(`${month}-25T00:00:00Z`) } });
    const http = await contributor("CNCS");

    const page = await http.get(`/communications/months/${month}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(cncs.twitter.handle);
    expect(markup(html)).not.toContain(vmre.twitter.handle);
    expect(markup(html)).not.toContain("Micrositio del VMRE");
    expect((await http.get("/communications/accounts")).status).toBe(403);

    expect((await http.post(`/communications/months/${month}`, figuresForm(cncs.twitter.id, "15"), { headers: origin() })).status).toBe(302);
    expect(await db.socialAccountMonth.findUnique({ where: { accountId_month: { accountId: cncs.twitter.id, month } } })).toMatchObject({ posts: 15, impressions: 1200, likes: null, source: "TYPED" });
    expect((await http.post(`/communications/months/${month}`, figuresForm(vmre.twitter.id, "15"), { headers: origin() })).status).toBe(403);
    expect((await http.post(`/communications/months/${month}`, { intent: "microsite", visits: "1", countries: "1" }, { headers: origin() })).status).toBe(403);
    expect((await http.post(`/communications/months/${closed}`, figuresForm(cncs.twitter.id, "15"), { headers: origin() })).status).toBe(403);

    const note = { publishedOn: `${month}-14`, outlet: `Reforma ${token()}`, medium: "PRINT", type: "NOTE", tone: "NEUTRAL", title: "", link: "" };
    expect((await http.post("/communications/media/new", note, { headers: origin() })).status).toBe(302);
    expect(await db.mediaNote.count({ where: { outlet: note.outlet } })).toBe(1);
    const late = await http.post("/communications/media/new", { ...note, publishedOn: `${closed}-02` }, { headers: origin() });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain("ya fue entregada");
    expect(await db.socialAccountMonth.count({ where: { accountId: vmre.twitter.id } })).toBe(0);
  });

  it("lets communications staff type, import a network's CSV with a preview, and set the microsite; bad input is a 400 in words", async () => {
    const month = "1994-10";
    const { twitter } = await accountPair("VMRE_OFFICE");
    const http = await staff("COMMUNICATIONS");

    const bad = await http.post(`/communications/months/${month}`, { intent: "account", accountId: twitter.id, posts: "muchos" }, { headers: origin() });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Escribe un número entero");

    const body = new FormData();
    body.set("intent", "import");
    body.set("accountId", twitter.id);
    const file = "Tweet id,Tweet permalink,Tweet text,time,impressions,engagements,retweets,replies,likes\n1,https://t.co/1,Hola,1994-10-02 10:00 +0000,1000,30,10,2,20\n2,https://t.co/2,Adiós,1994-11-01 10:00 +0000,5,5,5,5,5\n";
    body.set("file", new Blob([file], { type: "text/csv" }), "tweets.csv");
    const preview = await http.request(`/communications/months/${month}`, { method: "POST", body, headers: origin() });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain("Lo que se leyó");
    expect(previewHtml).toContain("1 del mes y 1 de otros meses");
    // The preview saves nothing until the person confirms it.
    expect(await db.socialAccountMonth.count({ where: { accountId: twitter.id } })).toBe(0);
    const saved = await http.post(`/communications/months/${month}`, { intent: "account", accountId: twitter.id, source: "CSV", posts: "1", impressions: "1000", shares: "10", comments: "2", likes: "20" }, { headers: origin() });
    expect(saved.status).toBe(302);
    expect(await db.socialAccountMonth.findUnique({ where: { accountId_month: { accountId: twitter.id, month } } })).toMatchObject({ posts: 1, shares: 10, source: "CSV" });

    const site = await http.post(`/communications/months/${month}`, { intent: "microsite", visits: "241,061", countries: "125" }, { headers: origin() });
    expect(site.status).toBe(302);
    expect(await db.micrositeMonth.findUnique({ where: { month } })).toMatchObject({ visits: 241_061, countries: 125, topCountries: [] });

    const page = await (await http.get(`/communications/months/${month}`)).text();
    expect(page).toContain("241,061 visitas desde 125 países.");
    expect((await http.get("/communications/accounts")).status).toBe(200);
    const english = await http.request(`/communications/months/${month}`, { headers: { cookie: "" } });
    expect(english.status).toBe(200);
  });
});
