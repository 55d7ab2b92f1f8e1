import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { MARK_NAME, readSheetMarks, writeSheetMarks } from "../../src/cli/xlsx/sheet-marks";

function pkg(definedNames = ""): JSZip {
  const zip = new JSZip();
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheets><sheet name="Inputs" ` +
      `sheetId="1" r:id="rId1"/><sheet name="Summary" sheetId="2" r:id="rId2"/><sheet name="Notes" sheetId="3" ` +
      `r:id="rId3"/></sheets>${definedNames}<calcPr/></workbook>`,
  );
  return zip;
}

describe("the second ownership mark (a sheet-scoped name)", () => {
  it("is written scoped to each marked sheet by its position, hidden, and read back to the same text", async () => {
    const zip = pkg();
    const marks = new Map([
      ["Summary", '{"v":1,"role":"output","kind":"summary","fp":"12:ab"}'],
      ["Inputs", '{"v":1,"role":"input","kind":"costs"}'],
    ]);
    await writeSheetMarks(zip, marks);
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(xml).toContain(`<definedName name="${MARK_NAME}" localSheetId="1" hidden="1">`);
    expect(xml.indexOf("<definedNames>")).toBeGreaterThan(xml.indexOf("</sheets>"));
    expect(xml.indexOf("<definedNames>")).toBeLessThan(xml.indexOf("<calcPr/>"));
    expect(await readSheetMarks(zip)).toEqual(marks);
  });

  it("keeps the user's own names, and replaces (never duplicates) earlier marks", async () => {
    const zip = pkg(
      `<definedNames><definedName name="Budget">Inputs!$A$1:$B$9</definedName><definedName name="${MARK_NAME}" ` +
        `localSheetId="2">"old"</definedName></definedNames>`,
    );
    await writeSheetMarks(zip, new Map([["Summary", "new"]]));
    const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    expect(xml).toContain('<definedName name="Budget">Inputs!$A$1:$B$9</definedName>');
    expect(xml.split(MARK_NAME)).toHaveLength(2);
    expect(await readSheetMarks(zip)).toEqual(new Map([["Summary", "new"]]));
  });

  it("leaves no empty definedNames element when the last mark goes", async () => {
    const zip = pkg(`<definedNames><definedName name="${MARK_NAME}" localSheetId="0">"x"</definedName></definedNames>`);
    await writeSheetMarks(zip, new Map());
    expect((await zip.file("xl/workbook.xml")?.async("string")) ?? "").not.toContain("definedNames");
  });

  it(
    "reads a mark as LibreOffice writes it back (un-hidden, extra attributes), and ignores names that are not one text " + "constant",
    async () => {
      const zip = pkg(
        `<definedNames><definedName function="false" hidden="false" localSheetId="1" name="${MARK_NAME}" ` +
          `vbProcedure="false">&quot;{&quot;&quot;v&quot;&quot;:1}&quot;</definedName><definedName localSheetId="2" ` +
          `name="${MARK_NAME}">Notes!$A$1</definedName></definedNames>`,
      );
      expect(await readSheetMarks(zip)).toEqual(new Map([["Summary", '{"v":1}']]));
    },
  );

  it("does not write a mark longer than Excel allows in a formula (255 characters)", async () => {
    const zip = pkg();
    await writeSheetMarks(zip, new Map([["Summary", "x".repeat(300)]]));
    expect(await readSheetMarks(zip)).toEqual(new Map());
  });
});
