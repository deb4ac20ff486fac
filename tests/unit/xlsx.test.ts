import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { columnIndex, isDateFormat, isXlsx, readXlsx, serialToDate, XlsxError } from "~/modules/files/xlsx";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/** A tiny workbook: two sheets (the first one named «Datos», stored as sheet2.xml to test the relationships), shared strings and a date style. */
function workbook(opts: { sheetXml?: string; date1904?: boolean } = {}) {
  const sheet =
    opts.sheetXml ??
    `<worksheet><sheetData>
      <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Fecha</t></is></c><c r="D1" t="s"><v>2</v></c></row>
      <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>38096</v></c><c r="C2" s="1"><v>43069</v></c><c r="D2" t="b"><v>1</v></c></row>
      <row r="4"><c r="A4" t="str"><f>A2</f><v>Total &amp; más</v></c><c r="C4" s="2"><v>0.8565</v></c><c r="E4" t="e"><v>#DIV/0!</v></c></row>
    </sheetData></worksheet>`;
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "xl/workbook.xml": strToU8(`<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${opts.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets><sheet name="Datos" sheetId="2" r:id="rId7"/><sheet name="Otra" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="worksheets/sheet2.xml"/></Relationships>`),
    "xl/sharedStrings.xml": strToU8(`<sst><si><t>Sistema</t></si><si><r><t>Solici</t></r><r><rPr><b/></rPr><t xml:space="preserve">tudes</t></r><rPh><t>x</t></rPh></si><si><t>Vigente</t></si><si><t>SIILNERE_x000D_</t></si></sst>`),
    "xl/styles.xml": strToU8(`<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`),
    "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>otra hoja</t></is></c></row></sheetData></worksheet>`),
    "xl/worksheets/sheet2.xml": strToU8(sheet),
  });
}

describe("XLSX reader", () => {
  it("reads the first sheet's strings, numbers, booleans, dates and cached formula values", () => {
    const { rows } = readXlsx(workbook());
    expect(rows).toEqual([
      ["Sistema", "Solicitudes", "Fecha", "Vigente"],
      ["SIILNERE\r", 38096, "2017-11-30", true],
      [],
      ["Total & más", null, "85.65%"],
    ]);
  });

  it("counts dates in the 1904 system when the workbook says so", () => {
    expect(readXlsx(workbook({ date1904: true })).rows[1]![2]).toBe("2021-12-01");
    expect(serialToDate(43069)).toBe("2017-11-30");
    expect(serialToDate(1)).toBe("1900-01-01");
    expect(serialToDate(61)).toBe("1900-03-01");
  });

  it("knows date formats from the rest", () => {
    expect(isDateFormat("dd/mm/yyyy")).toBe(true);
    expect(isDateFormat('[$-80A]d" de "mmmm" de "yyyy')).toBe(true);
    expect(isDateFormat("0.00%")).toBe(false);
    expect(isDateFormat("#,##0")).toBe(false);
    expect(isDateFormat("General")).toBe(false);
    expect(columnIndex("A1")).toBe(0);
    expect(columnIndex("AB12")).toBe(27);
  });

  it("refuses what is not a workbook, a sheet past the limits, and a missing sheet", () => {
    expect(isXlsx(workbook())).toBe(true);
    expect(isXlsx(strToU8("Sistema,Solicitudes\n"))).toBe(false);
    expect(isXlsx(zipSync({ "word/document.xml": strToU8("<w/>") }))).toBe(false);
    expect(() => readXlsx(strToU8("%PDF-1.4"))).toThrow(XlsxError);
    const far = `<worksheet><sheetData><row r="900000"><c r="A900000"><v>1</v></c></row></sheetData></worksheet>`;
    expect(() => readXlsx(workbook({ sheetXml: far }), { maxRows: 5050, maxColumns: 150 })).toThrow(/tooLarge/);
    const wide = `<worksheet><sheetData><row r="1"><c r="XFD1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(() => readXlsx(workbook({ sheetXml: wide }), { maxRows: 5050, maxColumns: 150 })).toThrow(/tooLarge/);
    const noSheet = zipSync({ "xl/workbook.xml": strToU8(`<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>`) });
    expect(() => readXlsx(noSheet)).toThrow(/noSheet/);
  });
});
