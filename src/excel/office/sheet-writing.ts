/**
 * What the Office.js adapter needs to write sheets (the input template, the output sheets' and statements' layouts,
 * the staging and swap, the rows of the Scenarios and Settings tables), in a module of its own: the task pane loads it
 * (a chunk of its own) the first time it writes to the workbook, not with its first paint. See `sheetWriting` in
 * office-port.ts.
 */
export { buildInputSheets } from "../layout/template";
export { buildOutputSheets } from "../layout/outputs";
export { buildStatementSheets } from "../layout/outputs/statement";
export { runLogSheet } from "../layout/outputs/run-log";
export { writeSheets } from "./write-sheets";
export { actualsBody, runSettingWrites, scenarioBody, settingsColumns } from "../layout/table-updates";
