/**
 * The communications home's chart of new contacts per month (issue 20: read with width_bucket in
 * one pass over the createdAt index): each contact in the month of the office's zone it was
 * created in, the first instant of a month in that month, nothing outside the twelve months.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import { homeDashboard } from "~/modules/reports/home.server";
import { monthRange } from "~/modules/reports/month";
import { getSettings } from "~/modules/settings/settings.server";
import { createUser } from "../support/factories";

describe("the communications home at scale", () => {
  it("counts new contacts per month of the office's zone, month starts included, the window's edges excluded", async () => {
    const user = await createUser({ role: "COMMUNICATIONS" });
    const { timeZone } = await getSettings();
    const march = monthRange("2187-03", timeZone).from;
    const at = [
      march, // the first instant of March: March
      new Date(march.getTime() - 1), // the last of February
      new Date("2187-07-15T12:00:00Z"),
      new Date("2187-07-16T12:00:00Z"),
      new Date(monthRange("2187-01", timeZone).from.getTime() - 1), // before the twelve months
      monthRange("2188-01", timeZone).from, // after them
    ];
    await db.contact.createMany({ data: at.map((createdAt) => ({ email: `grow-${randomUUID()}@home.test`, source: "MANUAL" as const, createdAt })) });

    const home = await homeDashboard({ id: user.id, role: "COMMUNICATIONS" }, "2187-12");
    const chart = home.communications!.charts.contactsGrowth;
    expect(chart.labels).toEqual(Array.from({ length: 12 }, (_, i) => `2187-${String(i + 1).padStart(2, "0")}`));
    expect(chart.series[0]!.values).toEqual([0, 1, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0]);
    expect(home.coordinator).toBeNull();
  });
});
