import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { runWorkbook, writeResults } from "../../src/app";
import { readSheetMarks } from "../../src/cli/xlsx/sheet-marks";
import { MARK_NAME, MARKER_KEY } from "../../src/excel";
import { BRENT_LEWISHAM_SOUTHWARK } from "../../src/samples";
import { officeHarness } from "../support/port-harness";

/** The workbook.xml Excel would save for the fake's sheets and their local names (a name's formula without its "="). */
function workbookXml(sheets: readonly { name: string; names: readonly { name: string; formula: string; visible: boolean }[] }[]): string {
  const esc = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const defined = sheets.flatMap((s, i) =>
    s.names.map(
      (n) =>
        `<definedName name="${esc(n.name)}" localSheetId="${i}"${n.visible ? "" : ' hidden="1"'}>${esc(n.formula.slice(1))}</definedName>`,
    ),
  );
  return (
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>` +
    sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"/>`).join("") +
    `</sheets>${defined.length === 0 ? "" : `<definedNames>${defined.join("")}</definedNames>`}</workbook>`
  );
}

describe("the second ownership mark, written through Office.js", () => {
  it("every sheet the add-in owns carries a hidden sheet-scoped name holding its marker, which the command line reads", async () => {
    const h = officeHarness();
    expect((await h.port.createModel(BRENT_LEWISHAM_SOUTHWARK.model, { notes: BRENT_LEWISHAM_SOUTHWARK.notes })).ok).toBe(true);
    // Twice: a re-run replaces each sheet, and with it its name (Excel would refuse a second name of the same scope).
    for (let i = 0; i < 2; i++) {
      const run = await runWorkbook(h.port);
      if (!run.ok) throw new Error(JSON.stringify(run));
      expect((await writeResults(h.port, run.outputs)).kind).toBe("written");
    }
    h.addUserSheet("My notes", { A1: "mine" });
    const doc = h.fake?.document;
    if (doc === undefined) throw new Error("no fake");
    const owned = doc.sheets.filter((s) => s.props.has(MARKER_KEY.toLowerCase()));
    expect(owned.length).toBeGreaterThan(8);
    for (const s of owned) {
      const marker = s.props.get(MARKER_KEY.toLowerCase())?.value ?? "";
      expect([...s.localNames.values()], s.name).toEqual([
        { name: MARK_NAME, formula: `="${marker.replace(/"/g, '""')}"`, visible: false },
      ]);
    }
    // A user's sheet gets nothing.
    expect(doc.sheet("My notes")?.localNames.size).toBe(0);
    // What Excel saves, read by the command line: the same marker for every owned sheet, as if the custom properties were lost.
    const zip = new JSZip();
    zip.file("xl/workbook.xml", workbookXml(doc.sheets.map((s) => ({ name: s.name, names: [...s.localNames.values()] }))));
    const marks = await readSheetMarks(zip);
    expect(Object.fromEntries(marks)).toEqual(Object.fromEntries(owned.map((s) => [s.name, s.props.get(MARKER_KEY.toLowerCase())?.value])));
  });
});
