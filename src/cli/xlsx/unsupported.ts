import type JSZip from "jszip";
import { packageSheets } from "./custom-properties";
import { parseRels, relsPath } from "./ooxml";

/** Something in a workbook that exceljs drops when it rewrites the file. */
export interface LostFeature {
  /** What it is, in words ("charts", "pivot tables", "macros"…). */
  readonly what: string;
  /** The sheet it is on, or undefined for the workbook as a whole. */
  readonly sheet: string | undefined;
}

/** Relationship types (by their last segment) from a sheet or its drawing that exceljs cannot carry. */
const SHEET_PARTS: Readonly<Record<string, string>> = {
  chart: "charts",
  chartsheet: "charts",
  pivotTable: "pivot tables",
  slicer: "slicers",
  timeline: "timelines",
  threadedComment: "threaded comments",
  ctrlProp: "form controls",
  oleObject: "embedded objects",
  package: "embedded objects",
  diagramData: "SmartArt",
};

/** Workbook-level parts exceljs drops. */
const WORKBOOK_PARTS: readonly [RegExp, string][] = [
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/externalLinks\//, "links to other workbooks"],
  [/^xl\/connections\.xml$/, "data connections"],
  [/^xl\/pivotCache\//, "pivot tables"],
  [/^xl\/slicerCaches\//, "slicers"],
  [/^xl\/model\//, "a data model"],
  [/^xl\/chartsheets\//, "chart sheets"],
];

/**
 * What exceljs would lose if this package were rewritten, on the sheets in
 * `keep` (sheets the add-in does not own; losing things on the add-in's own
 * sheets is fine, as they are rewritten whole) and in the workbook itself.
 */
export async function lostFeatures(zip: JSZip, keep: (sheet: string) => boolean): Promise<LostFeature[]> {
  const out: LostFeature[] = [];
  const add = (what: string, sheet: string | undefined): void => {
    if (!out.some((f) => f.what === what && f.sheet === sheet)) out.push({ what, sheet });
  };
  for (const s of await packageSheets(zip)) {
    if (!keep(s.name)) continue;
    const rels = parseRels(s.path, await zip.file(relsPath(s.path))?.async("string"));
    for (const r of rels) {
      const kind = SHEET_PARTS[r.type.split("/").pop() ?? ""];
      if (kind !== undefined) add(kind, s.name);
      if (r.type.endsWith("/drawing") && !r.external) {
        for (const d of parseRels(r.target, await zip.file(relsPath(r.target))?.async("string"))) {
          const inner = SHEET_PARTS[d.type.split("/").pop() ?? ""];
          if (inner !== undefined) add(inner, s.name);
        }
      }
    }
    const xml = (await zip.file(s.path)?.async("string")) ?? "";
    if (/<(?:\w+:)?sparklineGroups\b/.test(xml)) add("sparklines", s.name);
  }
  for (const name of Object.keys(zip.files)) {
    for (const [re, what] of WORKBOOK_PARTS) if (re.test(name)) add(what, undefined);
  }
  return out;
}

/** The lost features in words: `charts (on "Dashboard"), macros`. */
export function lostFeaturesText(features: readonly LostFeature[]): string {
  return features.map((f) => (f.sheet === undefined ? f.what : `${f.what} (on "${f.sheet}")`)).join(", ");
}
