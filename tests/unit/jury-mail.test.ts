import { describe, expect, it } from "vitest";
import { renderTransactional } from "../../emails/render.server";
import { dueReminder } from "~/modules/jury/reminders.server";

const institution = { institutionName: "Instituto de prueba", postalAddress: "Calle 1, CDMX" };

describe("jury e-mails", () => {
  for (const locale of ["es", "en"] as const) {
    it(`renders the reopening and the reminder in ${locale} with every placeholder filled`, async () => {
      const reopened = await renderTransactional("juryReopened", locale, { name: "Julia", admin: "Ana", contest: "Concurso 2017", project: "P01 · Voto en Dallas", reason: "Revise <B>", deadline: "10 dic 2026 (America/Chicago)", url: "http://x/jury/c/p/s" }, institution);
      const reminder = await renderTransactional("juryReminder", locale, { name: "Julia", contest: "Concurso 2017", pending: "3", deadline: "10 dic 2026", url: "http://x/jury/c" }, institution);
      for (const r of [reopened, reminder]) {
        expect(r.html).not.toMatch(/\{\{|\{\w+\}/);
        expect(r.text).not.toMatch(/\{\{|\{\w+\}/);
        expect(r.subject).not.toMatch(/\{/);
      }
      expect(reopened.text).toContain("Revise <B>");
      expect(reopened.html).toContain("Revise &lt;B&gt;");
      expect(reopened.html).toContain("http://x/jury/c/p/s");
      expect(reminder.subject).toContain("3");
    });
  }
});

describe("reminder schedule", () => {
  const end = new Date("2026-12-10T23:59:00Z");
  const at = (hoursBefore: number) => new Date(end.getTime() - hoursBefore * 3_600_000);
  it("is due 3 days before, then 1 day before, never after the deadline", () => {
    expect(dueReminder(end, at(80))).toBeNull();
    expect(dueReminder(end, at(72))).toBe("d3");
    expect(dueReminder(end, at(25))).toBe("d3");
    expect(dueReminder(end, at(24))).toBe("d1");
    expect(dueReminder(end, at(1))).toBe("d1");
    expect(dueReminder(end, at(0))).toBeNull();
    expect(dueReminder(end, at(-5))).toBeNull();
  });
});
