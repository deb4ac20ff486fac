/**
 * Dates over HTTP against the real server (decision 022): a contest deadline typed as a day is the
 * end of that day in the contest's zone, stored as that instant and shown as that day with the zone
 * said once; the home page's «Mis pendientes», /follow-ups and a report annex print a calendar date
 * the same way; the annex CSV keeps it as YYYY-MM-DD.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { formatDate, zoneLabel } from "~/lib/format";
import { createContest, type Actor } from "~/modules/contest/contest.server";
import { endOfZonedDay } from "~/lib/time";
import { addActivity, addFollowUp, createPartner } from "~/modules/partners/partner.server";
import { activityFormSchema, partnerFormSchema } from "~/modules/partners/schema";
import { getSettings } from "~/modules/settings/settings.server";
import { createUser } from "../support/factories";
import { TestClient } from "../support/http";

const token = () => randomUUID().slice(0, 8);

async function coordinator(timeZone: string) {
  const user = await createUser({ role: "COORDINATOR", name: `Coordinación ${token()}` });
  return db.user.update({ where: { id: user.id }, data: { timeZone } });
}

async function loggedIn(email: string) {
  const client = new TestClient();
  expect((await client.login(email)).status).toBe(302);
  return { client, origin: new URL(client.baseUrl).origin };
}

describe("a contest deadline typed as a date", () => {
  it("is stored as the end of that day in the contest's zone, shown as that day, the zone said once", async () => {
    // The person types from Los Angeles; the contest's zone is the office's, whoever types.
    const user = await coordinator("America/Los_Angeles");
    const actor: Actor = { userId: user.id, ip: "127.0.0.1", role: "COORDINATOR" };
    const contest = await createContest(actor, {
      name: `Concurso de fechas ${token()}`,
      description: null,
      submissionsOpenAt: new Date("2026-12-01T15:00:00Z"),
      submissionsCloseAt: new Date("2026-12-10T15:00:00Z"),
      reviewEndsAt: new Date("2026-12-20T15:00:00Z"),
      evaluationStartsAt: new Date("2027-01-02T16:00:00Z"),
      evaluationEndsAt: new Date("2027-01-10T16:00:00Z"),
      resultsAt: new Date("2027-01-25T16:00:00Z"),
      correctionDays: 5,
    });
    const zone = (await getSettings()).timeZone;
    const { client, origin } = await loggedIn(user.email);
    const saved = await client.post(
      `/contest/${contest.id}/edit`,
      {
        intent: "contest",
        name: contest.name,
        description: "",
        correctionDays: "5",
        submissionsOpenAt: "2026-12-01T09:00",
        submissionsCloseAt: "2026-12-10",
        reviewEndsAt: "2026-12-20",
        evaluationStartsAt: "2027-01-02T10:00",
        evaluationEndsAt: "2027-01-17",
        resultsAt: "2027-01-25T10:00",
      },
      { headers: { origin } },
    );
    expect(saved.status).toBe(302);
    const stored = await db.contest.findUniqueOrThrow({ where: { id: contest.id } });
    expect(stored.evaluationEndsAt.toISOString()).toBe(endOfZonedDay("2027-01-17", zone).toISOString());
    expect(stored.submissionsCloseAt.toISOString()).toBe(endOfZonedDay("2026-12-10", zone).toISOString());

    const page = await (await client.get(`/contest/${contest.id}`)).text();
    expect(page).toContain("<dd>17 ene 2027</dd>");
    expect(page).not.toMatch(/17 ene 2027, \d/);
    const label = zoneLabel(zone, "es", contest.submissionsOpenAt);
    expect(page.split(label).length - 1).toBe(1);

    // Back in the form it is the same day, in a date field.
    const form = await (await client.get(`/contest/${contest.id}/edit`)).text();
    expect(form).toMatch(/name="evaluationEndsAt" type="date" value="2027-01-17"|type="date"[^>]*name="evaluationEndsAt"[^>]*value="2027-01-17"|name="evaluationEndsAt"[^>]*type="date"[^>]*value="2027-01-17"/);
  });
});

describe("one date format on every page", () => {
  it("prints a follow-up's due date and an annex's date the same way on the home page, /follow-ups and the report", async () => {
    const user = await coordinator("America/Mexico_City");
    const actor = { userId: user.id, ip: "127.0.0.1" };
    const name = `Institución de fechas ${token()}`;
    const partner = await createPartner(actor, partnerFormSchema.parse({ kind: "FEDERAL_AGENCY", name }));
    const title = `Llamar ${token()}`;
    await addFollowUp(actor, partner.id, { title, dueOn: "2017-12-08", ownerId: user.id, notes: null, activityId: null });
    // A month of its own far ahead, so no other test's activities share the annex.
    const year = 2101 + Math.floor(Math.random() * 99);
    const day = `${year}-12-08`;
    await addActivity(actor, partner.id, activityFormSchema.parse({ occurredOn: day, kind: "OTHER", summary: `Reunión ${token()}` }));

    const { client } = await loggedIn(user.email);
    const expected = formatDate("2017-12-08", "es");
    expect(expected).toBe("8 dic 2017");

    const home = await (await client.get("/")).text();
    expect(home).toContain(title);
    const homeItem = /<time datetime="2017-12-08">([^<]+)<\/time>/i.exec(home);
    expect(homeItem?.[1]).toBe(expected);
    expect(home).not.toContain("2017-12-08<");

    const followUps = await (await client.get("/follow-ups")).text();
    expect(followUps).toContain(title);
    expect(followUps).toContain(expected);

    const report = await (await client.get(`/reports/${year}-12`)).text();
    // The report names the activity's day in words, as the source does; never the ISO form.
    expect(report).toContain(`${name}. El 8 de diciembre: Reunión`);
    expect(report).not.toContain(day);

    // The CSV keeps the machine form: a date is YYYY-MM-DD.
    const csv = await (await client.get(`/reports/${year}-12/annex/activities.csv`)).text();
    expect(csv).toContain(`${day},${name},`);
  });
});
