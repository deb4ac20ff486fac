/**
 * The one date formatter (decision 022): calendar dates never shift, instants are shown in a zone
 * named the same way in both languages, deadlines typed as a day are the end of that day, CSV keeps
 * ISO forms, and no message ends in ".." after a time that ends in "p.m.". Also the words pass:
 * one spelling of «kiosco» across the Spanish messages and the report.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { translate, type Locale } from "~/i18n";
import { CATALOGS } from "~/i18n/catalog.server";
import { csvDate, csvDateTime, formatDate, formatDateTime, formatDeadline, formatInstant, formatTime, formatZone, isEndOfDay } from "~/lib/format";
import { csvCell } from "~/modules/contacts/csv";
import { formatEventTime } from "~/modules/events/time";
import { endOfZonedDay } from "~/lib/time";

const LA = "America/Los_Angeles";
const at = new Date("2017-11-09T23:18:00Z"); // 3:18 p.m. in Los Angeles (PST, UTC-8)

describe("dates and instants", () => {
  it("prints a calendar date as that day in both languages, whatever the zone west of Greenwich", () => {
    expect(formatDate("2017-12-08", "es")).toBe("8 dic 2017");
    expect(formatDate("2017-12-08", "en")).toBe("Dec 8, 2017");
    // A @db.Date arrives as midnight UTC (or its JSON string): still the 8th.
    expect(formatDate(new Date("2017-12-08T00:00:00.000Z"), "es")).toBe("8 dic 2017");
    expect(formatDate("2017-12-08T00:00:00.000Z", "es", "long")).toBe("8 de diciembre de 2017");
  });

  it("prints an instant in a zone, naming the zone the same way in Spanish and English", () => {
    expect(formatDateTime(at, "es", LA, { zoneName: true })).toBe("9 nov 2017, 3:18 p.m. GMT-8");
    expect(formatDateTime(at, "en", LA, { zoneName: true })).toBe("Nov 9, 2017, 3:18 PM GMT-8");
    expect(formatZone(at, LA, "es")).toBe(formatZone(at, LA, "en"));
    expect(formatTime(at, "es", LA)).toBe("3:18 p.m.");
    // Any other Intl shape asking for a zone name gets the offset style too (never "PST").
    expect(formatInstant(at, "en", LA, { weekday: "long", hour: "numeric", minute: "2-digit", timeZoneName: "short" })).toMatch(/GMT-8$/);
    const event = formatEventTime(at, LA, "America/Mexico_City", "en");
    expect(event.local).toContain("GMT-8");
    expect(event.viewer).toContain("GMT-6");
  });

  it("takes a deadline typed as a day to the end of that day in its zone, and shows it as that day", () => {
    const end = endOfZonedDay("2027-01-17", "America/Mexico_City");
    expect(end.toISOString()).toBe("2027-01-18T05:59:59.999Z");
    expect(isEndOfDay(end, "America/Mexico_City")).toBe(true);
    expect(isEndOfDay(new Date("2027-01-17T23:59:00Z"), "America/Mexico_City")).toBe(false);
    expect(formatDeadline(end, "es", "America/Mexico_City")).toBe("17 ene 2027");
    // Across a daylight-saving change the day still ends at local midnight (Los Angeles, 2017-11-05).
    expect(endOfZonedDay("2017-11-05", LA).toISOString()).toBe("2017-11-06T07:59:59.999Z");
    // A deadline with a time keeps it.
    expect(formatDeadline(new Date("2027-01-17T23:59:00Z"), "es", "America/Mexico_City")).toBe("17 ene 2027, 5:59 p.m.");
  });

  it("writes CSV dates as YYYY-MM-DD and instants as ISO 8601 UTC", () => {
    expect(csvDate(new Date("2017-12-08T00:00:00.000Z"))).toBe("2017-12-08");
    expect(csvDate("2017-12-08")).toBe("2017-12-08");
    expect(csvDate(null)).toBe("");
    expect(csvDateTime(new Date("2017-11-09T16:00:00Z"))).toBe("2017-11-09T16:00:00.000Z");
    expect(csvCell(new Date("2017-11-09T16:00:00Z"))).toBe("2017-11-09T16:00:00.000Z");
  });
});

describe("messages", () => {
  const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

  it("never print '..' when a placeholder's value already ends in a full stop (a time like 3:18 p.m.)", () => {
    const time = formatTime(at, "es", LA);
    expect(time.endsWith(".")).toBe(true);
    const bad: string[] = [];
    for (const locale of ["es", "en"] as Locale[]) {
      for (const messages of Object.values(CATALOGS[locale])) {
        for (const [key, template] of Object.entries(messages)) {
          const names = placeholders(template);
          if (!names.length) continue;
          const params = Object.fromEntries(names.filter((n) => n !== "count").map((n) => [n, time]));
          const text = translate(locale, key.replace(/_(one|other|few|many|zero|two)$/, ""), { ...params, ...(names.includes("count") ? { count: 2 } : {}) });
          if (/\.\.(?!\.)/.test(text.replace(/\.\.\./g, "…"))) bad.push(`${locale} ${key}: ${text}`);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(translate("es", "bulletins.schedule.for", { at: formatDateTime(at, "es", LA) })).toBe("Programado para el 9 nov 2017, 3:18 p.m.");
  });

  it("spell «kiosco» one way across the Spanish messages and the report", () => {
    const dir = join(__dirname, "../../app/i18n/es");
    const spanish = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f), "utf8"))
      .join("\n");
    const report = readFileSync(join(__dirname, "../../app/modules/reports/document.ts"), "utf8");
    const kiosk = readFileSync(join(__dirname, "../../app/modules/events/kiosk.server.ts"), "utf8");
    for (const text of [spanish, report, kiosk]) expect(text).not.toMatch(/quiosco/i);
    expect(spanish).toMatch(/kiosco/i);
    expect(report).toMatch(/kiosco/i);
  });
});
