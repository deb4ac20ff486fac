import { describe, expect, it } from "vitest";
import {
  arcoDueDate,
  businessDaysAfter,
  businessDaysBetween,
  calendarDateIn,
  deadlineStatus,
  isBusinessDay,
  mexicanFederalHolidays,
} from "~/modules/contacts/business-days";

const noHolidays = () => new Set<string>();

describe("Mexican federal holidays", () => {
  it("lists the fixed days and the Mondays of the Ley Federal del Trabajo", () => {
    expect([...mexicanFederalHolidays(2025)].sort()).toEqual([
      "2025-01-01",
      "2025-02-03", // first Monday of February
      "2025-03-17", // third Monday of March
      "2025-05-01",
      "2025-09-16",
      "2025-11-17", // third Monday of November
      "2025-12-25",
    ]);
    const y2024 = mexicanFederalHolidays(2024);
    expect(y2024.has("2024-02-05")).toBe(true);
    expect(y2024.has("2024-03-18")).toBe(true);
    expect(y2024.has("2024-11-18")).toBe(true);
    // 1 October only when the federal executive takes office (every six years).
    expect(y2024.has("2024-10-01")).toBe(true);
    expect(mexicanFederalHolidays(2025).has("2025-10-01")).toBe(false);
    expect(mexicanFederalHolidays(2030).has("2030-10-01")).toBe(true);
  });

  it("knows weekends and holidays are not business days", () => {
    expect(isBusinessDay("2025-06-06")).toBe(true); // Friday
    expect(isBusinessDay("2025-06-07")).toBe(false); // Saturday
    expect(isBusinessDay("2025-06-08")).toBe(false); // Sunday
    expect(isBusinessDay("2025-09-16")).toBe(false); // Tuesday, Independence Day
    expect(isBusinessDay("2025-09-16", noHolidays)).toBe(true);
  });
});

describe("businessDaysAfter", () => {
  it("skips Saturdays and Sundays, not counting the start day", () => {
    expect(businessDaysAfter("2025-06-06", 1)).toBe("2025-06-09"); // Friday → Monday
    expect(businessDaysAfter("2025-06-02", 5)).toBe("2025-06-09");
    expect(businessDaysAfter("2025-06-02", 0)).toBe("2025-06-02");
    // Received on a Saturday: Monday is day one.
    expect(businessDaysAfter("2025-06-07", 1)).toBe("2025-06-09");
    expect(businessDaysAfter("2025-06-07", 20)).toBe("2025-07-04");
  });

  it("gives the 20-business-day ARCO deadline", () => {
    expect(arcoDueDate("2025-06-02")).toBe("2025-06-30");
  });

  it("skips federal holidays", () => {
    // 17 March 2025 is a holiday: one day later than without holidays.
    expect(arcoDueDate("2025-03-10")).toBe("2025-04-08");
    expect(businessDaysAfter("2025-03-10", 20, noHolidays)).toBe("2025-04-07");
    // Christmas and New Year's Day across the year boundary.
    expect(arcoDueDate("2025-12-22")).toBe("2026-01-21");
    expect(businessDaysAfter("2025-12-24", 1)).toBe("2025-12-26");
    expect(businessDaysAfter("2025-12-31", 1)).toBe("2026-01-02");
  });

  it("refuses nonsense", () => {
    expect(() => businessDaysAfter("2025-02-30", 1)).toThrow(RangeError);
    expect(() => businessDaysAfter("30/01/2025", 1)).toThrow(RangeError);
    expect(() => businessDaysAfter("2025-01-30", -1)).toThrow(RangeError);
    expect(() => businessDaysAfter("2025-01-30", 1.5)).toThrow(RangeError);
  });
});

describe("businessDaysBetween", () => {
  it("is the inverse of businessDaysAfter", () => {
    for (const start of ["2025-03-10", "2025-06-07", "2025-12-22", "2024-09-27"]) {
      for (const n of [0, 1, 5, 20]) expect(businessDaysBetween(start, businessDaysAfter(start, n)), `${start} + ${n}`).toBe(n);
    }
  });

  it("counts backwards as negative", () => {
    expect(businessDaysBetween("2025-06-09", "2025-06-06")).toBe(-1);
    expect(businessDaysBetween("2025-07-02", "2025-06-30")).toBe(-2);
  });
});

describe("deadlineStatus", () => {
  const due = "2025-06-30"; // a Monday

  it("is on time while more than 5 business days remain", () => {
    expect(deadlineStatus("2025-06-02", due)).toEqual({ state: "onTime", businessDaysLeft: 20 });
    expect(deadlineStatus("2025-06-20", due)).toEqual({ state: "onTime", businessDaysLeft: 6 });
  });

  it("is 'por vencer' with 5 business days or fewer, the due day included", () => {
    expect(deadlineStatus("2025-06-23", due)).toEqual({ state: "dueSoon", businessDaysLeft: 5 });
    // A weekend in between does not count.
    expect(deadlineStatus("2025-06-28", due)).toEqual({ state: "dueSoon", businessDaysLeft: 1 });
    expect(deadlineStatus(due, due)).toEqual({ state: "dueSoon", businessDaysLeft: 0 });
  });

  it("is 'vencida' once the due date has passed", () => {
    expect(deadlineStatus("2025-07-01", due).state).toBe("overdue");
    expect(deadlineStatus("2025-07-01", due).businessDaysLeft).toBe(-1);
  });
});

describe("calendarDateIn", () => {
  it("gives the office's date, not UTC's", () => {
    const instant = new Date("2025-06-03T03:00:00Z"); // still 2 June in Mexico City
    expect(calendarDateIn(instant, "America/Mexico_City")).toBe("2025-06-02");
    expect(calendarDateIn(instant, "UTC")).toBe("2025-06-03");
  });
});
