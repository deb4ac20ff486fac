/**
 * The one time library (app/lib/time.ts, decision 022): the daylight-saving rule worked out by
 * hand for four zones, the same answer from events and bulletins, and whose zone a person reads in.
 *
 * Hand-worked offsets (tzdata):
 * - Los Angeles: PST UTC-8 / PDT UTC-7; 2026 spring forward Sun 8 Mar 02:00→03:00, fall back Sun 1 Nov 02:00→01:00.
 * - New York: EST UTC-5 / EDT UTC-4; same dates as Los Angeles.
 * - Mexico City: CST UTC-6 all year since 30 Oct 2022 (no DST); it used to change on the first Sunday
 *   of April and the last Sunday of October.
 * - Madrid: CET UTC+1 / CEST UTC+2; 2026 spring forward Sun 29 Mar 02:00→03:00, fall back Sun 25 Oct 03:00→02:00.
 */
import { describe, expect, it } from "vitest";
import { zonedLocalToUtc } from "~/modules/bulletins/time";
import { eventFormSchema } from "~/modules/events/schema";
import { effectiveTimeZone } from "~/modules/partners/dates";
import { endOfZonedDay, FALLBACK_ZONE, parseZoned, readingZone, startOfZonedDay, utcToZoned, zonedMonth, zonedMonthRange, zonedToUtc } from "~/lib/time";

const iso = (local: string, zone: string) => zonedToUtc(local, zone).toISOString();

describe("a repeated wall-clock time (fall back) is its first occurrence", () => {
  it("Los Angeles, 1 Nov 2026 01:30: 08:30Z (PDT), not 09:30Z (PST)", () => {
    expect(iso("2026-11-01T01:30", "America/Los_Angeles")).toBe("2026-11-01T08:30:00.000Z");
    // Both instants really read 01:30 there: the rule chose, the clock did not.
    expect(utcToZoned(new Date("2026-11-01T08:30:00Z"), "America/Los_Angeles")).toBe("2026-11-01T01:30");
    expect(utcToZoned(new Date("2026-11-01T09:30:00Z"), "America/Los_Angeles")).toBe("2026-11-01T01:30");
    // Either side of the repeated hour is unambiguous.
    expect(iso("2026-11-01T00:59", "America/Los_Angeles")).toBe("2026-11-01T07:59:00.000Z");
    expect(iso("2026-11-01T02:00", "America/Los_Angeles")).toBe("2026-11-01T10:00:00.000Z");
  });

  it("New York, 1 Nov 2026 01:30: 05:30Z (EDT)", () => {
    expect(iso("2026-11-01T01:30", "America/New_York")).toBe("2026-11-01T05:30:00.000Z");
  });

  it("Madrid, 25 Oct 2026 02:30 (east of Greenwich): 00:30Z (CEST), not 01:30Z (CET)", () => {
    expect(iso("2026-10-25T02:30", "Europe/Madrid")).toBe("2026-10-25T00:30:00.000Z");
    expect(utcToZoned(new Date("2026-10-25T01:30:00Z"), "Europe/Madrid")).toBe("2026-10-25T02:30");
  });
});

describe("a skipped wall-clock time (spring forward) moves forward by the gap", () => {
  it("Los Angeles, 8 Mar 2026 02:30 → 03:30 PDT = 10:30Z", () => {
    const at = zonedToUtc("2026-03-08T02:30", "America/Los_Angeles");
    expect(at.toISOString()).toBe("2026-03-08T10:30:00.000Z");
    expect(utcToZoned(at, "America/Los_Angeles")).toBe("2026-03-08T03:30");
  });

  it("New York, 8 Mar 2026 02:30 → 03:30 EDT = 07:30Z", () => {
    expect(iso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00.000Z");
    expect(iso("2026-03-08T02:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
    expect(iso("2026-03-08T03:00", "America/New_York")).toBe("2026-03-08T07:00:00.000Z");
  });

  it("Madrid, 29 Mar 2026 02:30 → 03:30 CEST = 01:30Z", () => {
    expect(iso("2026-03-29T02:30", "Europe/Madrid")).toBe("2026-03-29T01:30:00.000Z");
  });
});

describe("Mexico City has had no daylight saving since 2022", () => {
  it("reads its old change nights as ordinary UTC-6 times", () => {
    expect(iso("2026-04-05T02:30", "America/Mexico_City")).toBe("2026-04-05T08:30:00.000Z");
    expect(iso("2026-10-25T01:30", "America/Mexico_City")).toBe("2026-10-25T07:30:00.000Z");
    expect(iso("2026-07-01T10:00", "America/Mexico_City")).toBe("2026-07-01T16:00:00.000Z");
  });

  it("still applied it in 2017 (CDT UTC-5 in July)", () => {
    expect(iso("2017-07-01T10:00", "America/Mexico_City")).toBe("2017-07-01T15:00:00.000Z");
  });
});

describe("events and bulletins resolve the same wall-clock time to the same instant", () => {
  const cases: Array<[string, string]> = [
    ["2026-11-01T01:30", "America/Los_Angeles"],
    ["2026-03-08T02:30", "America/Los_Angeles"],
    ["2026-11-01T01:30", "America/New_York"],
    ["2026-10-25T02:30", "Europe/Madrid"],
    ["2026-03-29T02:30", "Europe/Madrid"],
    ["2026-04-05T02:30", "America/Mexico_City"],
  ];
  it.each(cases)("%s in %s", (local, zone) => {
    const event = eventFormSchema.parse({ name: "Feria", kind: "FORUM", status: "PLANNED", timeZone: zone, startsLocal: local, endsLocal: "2026-12-31T23:00", country: "US" });
    expect(zonedLocalToUtc(local, zone)?.toISOString()).toBe(event.startsAt.toISOString());
    expect(event.startsAt.toISOString()).toBe(iso(local, zone));
  });

  it("refuses what is not a wall-clock time", () => {
    expect(parseZoned("2026-02-30T10:00", "America/Mexico_City")).toBeNull();
    expect(parseZoned("2026-11-01T01:30", "Mars/Olympus")).toBeNull();
    expect(() => zonedToUtc("mañana", "UTC")).toThrow(RangeError);
  });
});

describe("days and months in a zone", () => {
  it("a day that loses or gains an hour is 23 or 25 hours long", () => {
    const start = startOfZonedDay("2026-03-08", "America/Los_Angeles");
    expect(start.toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(endOfZonedDay("2026-03-08", "America/Los_Angeles").getTime() + 1 - start.getTime()).toBe(23 * 3_600_000);
    expect(endOfZonedDay("2026-10-25", "Europe/Madrid").getTime() + 1 - startOfZonedDay("2026-10-25", "Europe/Madrid").getTime()).toBe(25 * 3_600_000);
  });

  it("a month runs from local midnight on the 1st, whatever the offset did in between", () => {
    const { from, to } = zonedMonthRange("2026-11", "America/New_York");
    expect(from.toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(to.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    expect(zonedMonth(new Date("2017-12-01T03:00:00Z"), "America/Mexico_City")).toBe("2017-11");
  });
});

describe("which zone a person reads in", () => {
  it("theirs, else the office's, else Mexico City — never an invalid zone", () => {
    expect(readingZone("Europe/Madrid", "America/Mexico_City")).toBe("Europe/Madrid");
    expect(readingZone(null, "America/Chicago")).toBe("America/Chicago");
    expect(readingZone("Texas", "America/Chicago")).toBe("America/Chicago");
    expect(readingZone(undefined, "Nowhere/Land")).toBe(FALLBACK_ZONE);
    expect(FALLBACK_ZONE).toBe("America/Mexico_City");
  });

  it("is the rule partners use for a deadline's today", () => {
    expect(effectiveTimeZone("Texas", "America/Chicago")).toBe("America/Chicago");
    expect(effectiveTimeZone("Europe/Madrid", "America/Chicago")).toBe("Europe/Madrid");
  });
});
