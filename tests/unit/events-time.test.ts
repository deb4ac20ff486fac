/**
 * Event times: typed as wall-clock times in the event's own IANA zone, stored as UTC instants,
 * shown in the event's zone and the viewer's — across daylight-saving changes.
 */
import { describe, expect, it } from "vitest";
import { per1000, withRatios, addCounts, ZERO_COUNTS } from "~/modules/events/figures";
import { eventFormSchema, filterFromSearchParams, parseOutcomesForm } from "~/modules/events/schema";
import { formatEventTime } from "~/modules/events/time";
import { isLocalDateTime, isValidTimeZone, monthBounds, shiftMonth, utcToZoned, zonedDate, zonedToUtc, zoneOffsetMinutes } from "~/lib/time";

describe("wall-clock time in a zone <-> UTC", () => {
  it("converts the report's events at their real places", () => {
    // Día del Músico, Fort Worth: 10:00 CST (UTC-6) in November 2017.
    expect(zonedToUtc("2017-11-19T10:00", "America/Chicago").toISOString()).toBe("2017-11-19T16:00:00.000Z");
    // Entrega de Pavos, Lynwood: 09:00 PST (UTC-8).
    expect(zonedToUtc("2017-11-21T09:00", "America/Los_Angeles").toISOString()).toBe("2017-11-21T17:00:00.000Z");
    expect(utcToZoned(new Date("2017-11-19T16:00:00Z"), "America/Chicago")).toBe("2017-11-19T10:00");
  });

  it("keeps the local hour across a DST change: the same 10:00 is a different UTC hour before and after", () => {
    // US clocks fell back on 5 Nov 2017: 10:00 in Chicago is 15:00Z before, 16:00Z after.
    const before = zonedToUtc("2017-11-04T10:00", "America/Chicago");
    const after = zonedToUtc("2017-11-06T10:00", "America/Chicago");
    expect(before.toISOString()).toBe("2017-11-04T15:00:00.000Z");
    expect(after.toISOString()).toBe("2017-11-06T16:00:00.000Z");
    expect(zoneOffsetMinutes(before, "America/Chicago")).toBe(-300);
    expect(zoneOffsetMinutes(after, "America/Chicago")).toBe(-360);
    expect(utcToZoned(before, "America/Chicago")).toBe("2017-11-04T10:00");
    expect(utcToZoned(after, "America/Chicago")).toBe("2017-11-06T10:00");
  });

  it("takes the first of a repeated time and moves a skipped time forward", () => {
    // 01:30 happened twice in Chicago on 5 Nov 2017 (CDT, then CST): the first one.
    expect(zonedToUtc("2017-11-05T01:30", "America/Chicago").toISOString()).toBe("2017-11-05T06:30:00.000Z");
    // 02:30 never happened on 11 Mar 2018 (clocks jumped 02:00 → 03:00): 03:30 CDT.
    const skipped = zonedToUtc("2018-03-11T02:30", "America/Chicago");
    expect(skipped.toISOString()).toBe("2018-03-11T08:30:00.000Z");
    expect(utcToZoned(skipped, "America/Chicago")).toBe("2018-03-11T03:30");
  });

  it("shows an event in its zone and in the viewer's, and the gap between them changes across the DST change", () => {
    // Mexico City kept DST until 29 Oct 2017; the US until 5 Nov: for that week the two were 2 h apart, then 0.
    const oct31 = zonedToUtc("2017-10-31T10:00", "America/Los_Angeles");
    const nov7 = zonedToUtc("2017-11-07T10:00", "America/Los_Angeles");
    const a = formatEventTime(oct31, "America/Los_Angeles", "America/Mexico_City", "en");
    const b = formatEventTime(nov7, "America/Los_Angeles", "America/Mexico_City", "en");
    expect(a.local).toContain("10:00");
    expect(a.local).toMatch(/GMT-7/);
    expect(a.viewer).toContain("11:00");
    expect(b.local).toMatch(/GMT-8/);
    expect(b.viewer).toContain("12:00");
    // The same zone: shown once.
    expect(formatEventTime(nov7, "America/Chicago", "America/Chicago", "es").viewer).toBeNull();
  });

  it("puts an event on its local date, not the UTC one", () => {
    const late = zonedToUtc("2017-11-30T20:00", "America/Los_Angeles");
    expect(late.toISOString().slice(0, 10)).toBe("2017-12-01");
    expect(zonedDate(late, "America/Los_Angeles")).toBe("2017-11-30");
  });

  it("validates zones, local times and months", () => {
    expect(isValidTimeZone("America/Chicago")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isLocalDateTime("2017-02-29T10:00")).toBe(false);
    expect(isLocalDateTime("2017-11-19T24:00")).toBe(false);
    expect(isLocalDateTime("2017-11-19T10:00")).toBe(true);
    expect(monthBounds("2017-12")).toEqual({ first: "2017-12-01", next: "2018-01-01" });
    expect(shiftMonth("2017-01", -1)).toBe("2016-12");
  });
});

describe("outcome figures", () => {
  it("computes the report's Día del Músico ratios per 1,000 items handed out", () => {
    const f = withRatios({ ...ZERO_COUNTS, events: 1, attendance: 23000, appointments: 65, registrationRequests: 12, signups: 3, handedOut: 3000 });
    expect(f.appointmentsPer1000).toBe(21.7);
    expect(f.registrationRequestsPer1000).toBe(4);
    expect(f.signupsPer1000).toBe(1);
  });

  it("has no ratio (not zero) when nothing was handed out, and adds counts", () => {
    expect(per1000(10, 0)).toBeNull();
    const sum = addCounts({ ...ZERO_COUNTS, events: 1, appointments: 65, handedOut: 3000 }, { ...ZERO_COUNTS, events: 1, appointments: 30, handedOut: 3000 });
    expect(withRatios(sum)).toMatchObject({ events: 2, appointments: 95, handedOut: 6000, appointmentsPer1000: 15.8 });
  });
});

describe("forms", () => {
  const base = {
    name: "Día del Músico",
    kind: "COMMUNITY_FESTIVAL",
    status: "PLANNED",
    timeZone: "America/Chicago",
    startsLocal: "2017-11-19T10:00",
    endsLocal: "2017-11-19T20:00",
    country: "us",
    expectedAttendance: "23,000",
  };

  it("stores the typed local times as UTC instants in the event's zone", () => {
    const parsed = eventFormSchema.parse(base);
    expect(parsed.startsAt.toISOString()).toBe("2017-11-19T16:00:00.000Z");
    expect(parsed.country).toBe("US");
    expect(parsed.expectedAttendance).toBe(23000);
    expect(parsed.kiosk).toBeNull();
  });

  it("refuses an end before the start, a bad zone and a kiosk without its window", () => {
    const bad = eventFormSchema.safeParse({ ...base, endsLocal: "2017-11-19T09:00", kioskEnabled: "on" });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toContain("endsLocal:events.form.errors.endBeforeStart");
    expect(paths).toContain("signupOpensLocal:events.form.errors.signupOpensAt");
    const zone = eventFormSchema.safeParse({ ...base, timeZone: "Texas" });
    expect(zone.error!.issues[0]!.message).toBe("events.form.errors.timeZone");
  });

  it("parses hand-out rows (material, quantity), merges a repeated material and points at the bad row", () => {
    const form = new FormData();
    for (const [materialId, qty] of [["mat-leaflet", "2,000"], ["mat-button", "500"], ["mat-leaflet", "100"], ["mat-pencil", "0"], ["", ""]]) {
      form.append("handoutMaterial", materialId!);
      form.append("handoutQty", qty!);
    }
    form.set("credentialAppointments", "65");
    const ok = parseOutcomesForm(form);
    expect(ok.success && ok.data.handouts).toEqual([
      { materialId: "mat-leaflet", quantity: 2100 },
      { materialId: "mat-button", quantity: 500 },
      { materialId: "mat-pencil", quantity: 0 },
    ]);
    const badForm = new FormData();
    badForm.append("handoutMaterial", "mat-pencil");
    badForm.append("handoutQty", "muchos");
    badForm.append("handoutMaterial", "");
    badForm.append("handoutQty", "5");
    const bad = parseOutcomesForm(badForm);
    expect(bad.success).toBe(false);
    expect(!bad.success && bad.errors["handoutQty.0"]).toBe("events.outcomes.errors.quantity");
    expect(!bad.success && bad.errors["handoutMaterial.1"]).toBe("events.outcomes.errors.itemRequired");
  });

  it("reads a list filter from the URL and drops what is not valid", () => {
    const f = filterFromSearchParams(new URLSearchParams("kind=FORUM&status=NOPE&country=us&from=2017-11-01&to=bad"));
    expect(f).toMatchObject({ kind: "FORUM", country: "US", from: "2017-11-01" });
    expect(f.status).toBeUndefined();
    expect(f.to).toBeUndefined();
  });
});
