import { describe, expect, it } from "vitest";
import { csvOf } from "~/components/charts/charts";
import { csvLine, UTF8_BOM } from "~/modules/contacts/csv";

describe("the home charts' CSV download", () => {
  it("neutralises formula cells exactly as the server exports do", () => {
    const labels = ['=HYPERLINK("https://example.org","clic")', "+1", "-1", "@x", "\t=1", "\r=1", "Feria, Dallas"];
    const csv = csvOf("=Evento", labels, [{ name: "@Asistentes", values: [1, 2, 3, 4, 5, 6, 7] }]);

    const server = UTF8_BOM + csvLine(["=Evento", "@Asistentes"]) + labels.map((l, i) => csvLine([l, i + 1])).join("");
    expect(csv).toBe(server);
    expect(csv.split("\r\n").slice(0, 6)).toEqual([
      `${UTF8_BOM}'=Evento,'@Asistentes`,
      `"'=HYPERLINK(""https://example.org"",""clic"")",1`,
      "'+1,2",
      "'-1,3",
      "'@x,4",
      "'\t=1,5",
    ]);
    expect(csv).toContain(`"'\r=1",6\r\n"Feria, Dallas",7\r\n`);
  });
});
