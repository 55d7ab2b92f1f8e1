import { XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { chartXml, writeCharts } from "../../src/cli/xlsx/chart-parts";
import type { ChartSpec } from "../../src/excel/layout/cells";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const spec: ChartSpec = {
  name: "SA_Chart_1",
  kind: "stacked",
  title: "Partners & years <all>",
  data: { row: 3, col: 0, rows: 3, cols: 3 },
  from: { row: 2, col: 4 },
  to: { row: 16, col: 11 },
};
const data = [
  ["Year", "Capital (£)", "Revenue (£)"],
  ["2024/25", 10.5, 20],
  ["2025/26", "", 30.25],
];

/** A package with one sheet that already has a drawing holding a picture, as exceljs writes one. */
function packageWithPicture(): JSZip {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheetData/>` +
      '<drawing r:id="rId1"/></worksheet>',
  );
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" ` +
      'Target="../drawings/drawing1.xml"/></Relationships>',
  );
  zip.file(
    "xl/drawings/drawing1.xml",
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:pic><xdr:nvPicPr>' +
      '<xdr:cNvPr id="2" name="Logo"/></xdr:nvPicPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
  );
  return zip;
}

describe("DrawingML chart parts", () => {
  it("escape the title and the sheet's name, and cache numbers only for number cells", () => {
    const xml = chartXml("Bob's charts", { spec, data });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain("<a:t>Partners &amp; years &lt;all&gt;</a:t>");
    expect(xml).toContain("<c:f>'Bob''s charts'!$A$5:$A$6</c:f>");
    expect(xml).toContain("<c:f>'Bob''s charts'!$C$4</c:f>");
    expect(xml).toContain('<c:grouping val="stacked"/>');
    // B6 is empty: a gap (two points counted, one cached), as Excel caches it.
    expect(xml).toContain(
      '<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>10.5</c:v></c:pt></c:numCache>',
    );
  });

  it("join a drawing the sheet already has (a picture), rather than adding a second <drawing>", async () => {
    const zip = packageWithPicture();
    await writeCharts(zip, [{ path: "xl/worksheets/sheet1.xml", sheet: "Sheet1", charts: [{ spec, data }] }]);
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    expect(sheet.match(/<drawing /g)).toHaveLength(1);
    const drawing = (await zip.file("xl/drawings/drawing1.xml")?.async("string")) ?? "";
    expect(XMLValidator.validate(drawing)).toBe(true);
    expect(drawing).toContain('name="Logo"');
    expect(drawing).toMatch(/<xdr:cNvPr id="3" name="SA_Chart_1"/);
    const rels = (await zip.file("xl/drawings/_rels/drawing1.xml.rels")?.async("string")) ?? "";
    expect(rels).toContain(`Type="${REL}/chart" Target="../charts/chart1.xml"`);
    expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    expect(types.match(/drawing1\.xml/g)).toHaveLength(1);
    expect(types).toContain('PartName="/xl/charts/chart1.xml"');
  });
});
