import { describe, expect, it } from "vitest";
import { columnType, formatCellEs, formatRowsEs, parseDate, parseNumber, parsePercent, TABLE_LIMITS, TableError, tableFromText, typeTable } from "~/modules/reports/tables";
import { keyFiguresJson, keyFromLabel, parseFigureValue } from "~/modules/reports/key-figures.server";
import { tableFromFile } from "~/modules/reports/tables.server";

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof TableError ? error.code : `not a TableError: ${String(error)}`;
  }
  return "no error";
};

describe("cells", () => {
  it("reads integers with es-MX and English thousands separators, and decimals", () => {
    expect(parseNumber("38,096")).toEqual({ value: 38096, integer: true });
    expect(parseNumber("38 096")).toEqual({ value: 38096, integer: true });
    expect(parseNumber("38\u00a0096")).toEqual({ value: 38096, integer: true });
    expect(parseNumber("1,234,567")).toEqual({ value: 1234567, integer: true });
    expect(parseNumber("1,234.5")).toEqual({ value: 1234.5, integer: false });
    expect(parseNumber("85,65")).toEqual({ value: 85.65, integer: false });
    expect(parseNumber("-12")).toEqual({ value: -12, integer: true });
    expect(parseNumber("38,09")).toEqual({ value: 38.09, integer: false });
    for (const bad of ["1234,567", "1,234,5", "007", "12a", "", "1.2.3", "1 2"]) expect(parseNumber(bad), bad).toBeNull();
  });

  it("reads percents and dates", () => {
    expect(parsePercent("85.65 %")).toBe(85.65);
    expect(parsePercent("85,65%")).toBe(85.65);
    expect(parsePercent("14.4%")).toBe(14.4);
    expect(parsePercent("85.65")).toBeNull();
    expect(parseDate("30/11/2017")).toBe("2017-11-30");
    expect(parseDate("1/9/2017")).toBe("2017-09-01");
    expect(parseDate("2017-11-30")).toBe("2017-11-30");
    expect(parseDate("31/11/2017")).toBeNull();
    expect(parseDate("29/02/2017")).toBeNull();
    expect(parseDate("11/30/2017")).toBeNull();
  });

  it("types a column by all its non-empty cells", () => {
    expect(columnType(["2,587", "2,250", "33,259", "-"])).toBe("integer");
    expect(columnType(["2,587", "1.5"])).toBe("decimal");
    expect(columnType(["28%", "13 %", ""])).toBe("percent");
    expect(columnType(["30/11/2017", "2017-12-01"])).toBe("date");
    expect(columnType(["2017", "2018"])).toBe("text");
    expect(columnType(["12", "Ciudad de México"])).toBe("text");
    expect(columnType([null, ""])).toBe("text");
    expect(columnType([38096, 1.5])).toBe("decimal");
  });

  it("prints in es-MX", () => {
    expect(formatCellEs(38096, "integer")).toBe("38,096");
    expect(formatCellEs(85.65, "percent")).toBe("85.65%");
    expect(formatCellEs(1234.5, "decimal")).toBe("1,234.5");
    expect(formatCellEs("2017-11-30", "date")).toBe("30/11/2017");
    expect(formatCellEs(null, "integer")).toBe("");
  });
});

describe("tables from a paste or a CSV", () => {
  it("reads a paste from Excel (tabs) with its header and types", () => {
    const t = tableFromText("Sistema\tSolicitudes\tPorcentaje\nSIILNERE\t2,587\t6.79 %\nSIVE\t2,250\t5.91 %\nSIASPE\t33,259\t87.30 %\n");
    expect(t.delimiter).toBe("\t");
    expect(t.header).toBe(true);
    expect(t.columns).toEqual([
      { name: "Sistema", type: "text" },
      { name: "Solicitudes", type: "integer" },
      { name: "Porcentaje", type: "percent" },
    ]);
    expect(t.rows).toEqual([
      ["SIILNERE", 2587, 6.79],
      ["SIVE", 2250, 5.91],
      ["SIASPE", 33259, 87.3],
    ]);
    expect(formatRowsEs(t)[2]).toEqual(["SIASPE", "33,259", "87.3%"]);
  });

  it("reads a semicolon CSV with decimal commas and quoted cells, header by detection; without one, names the columns", () => {
    const t = tableFromText('Entidad;Solicitudes;Participación\r\n"Ciudad de México";708;57,89 %\r\nChiapas;35;2,86 %\r\n');
    expect(t.delimiter).toBe(";");
    expect(t.rows[0]).toEqual(["Ciudad de México", 708, 57.89]);
    const bare = tableFromText("SIILNERE,2587\nSIVE,2250\n");
    expect(bare.header).toBe(false);
    expect(bare.columns.map((c) => c.name)).toEqual(["Columna 1", "Columna 2"]);
    expect(tableFromText("SIILNERE,2587\nSIVE,2250\n", "yes").columns.map((c) => c.name)).toEqual(["SIILNERE", "2587"]);
  });

  it("drops blank rows and stray trailing separators, and keeps a «-» in a text column", () => {
    const t = tableFromText("A,B,,\n\nx,1,,\n-,2,,\n");
    expect(t.columns.length).toBe(2);
    expect(t.rows).toEqual([
      ["x", 1],
      ["-", 2],
    ]);
  });

  it("decodes a CSV file in Windows-1252 and in UTF-16 (by its BOM)", () => {
    const latin = Uint8Array.from([...Buffer.from("Pa"), 0xed, ...Buffer.from("s,Solicitudes\nAlemania,13\nM"), 0xe9, ...Buffer.from("xico,5\n")]);
    const t = tableFromFile(latin, "paises.csv");
    expect(t.source).toBe("CSV");
    expect(t.columns[0]!.name).toBe("País");
    expect(t.rows[1]).toEqual(["México", 5]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Género\tSolicitudes\nMujeres\t1,348\n", "utf16le")]);
    expect(tableFromFile(new Uint8Array(utf16), "g.txt").rows).toEqual([["Mujeres", 1348]]);
  });

  it("refuses what is not a table, and tables past the limits, with a reason", () => {
    expect(code(() => tableFromText(" \n\n"))).toBe("empty");
    expect(code(() => tableFromText("A,B\n", "yes"))).toBe("empty");
    expect(code(() => tableFromFile(new TextEncoder().encode("%PDF-1.4 x"), "a.pdf"))).toBe("fileType");
    expect(code(() => tableFromFile(Uint8Array.from([1, 0, 2, 0, 3]), "a.bin"))).toBe("fileType");
    expect(code(() => tableFromFile(Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]), "a.xlsx"))).toBe("notXlsx");
    expect(code(() => tableFromText(`A\n${"1\n".repeat(TABLE_LIMITS.rows + 1)}`))).toBe("tooManyRows");
    expect(code(() => tableFromText(Array.from({ length: TABLE_LIMITS.columns + 1 }, (_, i) => `c${i}`).join(",") + "\n" + "1,".repeat(TABLE_LIMITS.columns) + "1\n"))).toBe("tooManyColumns");
    expect(code(() => tableFromText(`${Array.from({ length: 50 }, (_, i) => `c${i}`).join(",")}\n${`${"1,".repeat(49)}1\n`.repeat(2_100)}`))).toBe("tooManyCells");
    expect(code(() => tableFromText(`A,B\nx,${"y".repeat(TABLE_LIMITS.cellChars + 1)}\n`))).toBe("cellTooLong");
    expect(code(() => typeTable([["A"], ["1"]]))).toBe("no error");
  });
});

describe("key figures", () => {
  it("reads values as typed and makes keys from labels", () => {
    expect(parseFigureValue("38,096")).toBe(38096);
    expect(parseFigureValue("85.65 %")).toBe(85.65);
    expect(parseFigureValue("mucho")).toBeNull();
    expect(keyFromLabel("Solicitudes recibidas (total)")).toBe("solicitudes_recibidas_total");
    expect(keyFromLabel("¿38?")).toBe("cifra");
  });

  it("puts them under the section key with the previous month's value, never over a computed part", () => {
    const json = keyFiguresJson(
      {
        keyFigures: [
          { sectionKey: "registration", key: "solicitudes", label: "Solicitudes", value: 38096, unit: "solicitudes" },
          { sectionKey: "registration", key: "siilnere", label: "SIILNERE", value: 2587, unit: null },
          { sectionKey: "media", key: "notas", label: "Notas", value: 1, unit: null },
        ],
        previousKeyFigures: [{ sectionKey: "registration", key: "solicitudes", label: "Solicitudes", value: 20000, unit: null }],
      },
      new Set(["media", "month"]),
    );
    expect(json).toEqual({ registration: { solicitudes: 38096, solicitudes_previous: 20000, siilnere: 2587 } });
  });
});
