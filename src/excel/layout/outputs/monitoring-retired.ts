import type { SheetSpec } from "../cells";
import { outputSheet } from "./common";

// Apart from the Monitoring sheet's layout (monitoring.ts), which loads on demand: the list of retired sheets is read
// by every write, so this one small sheet is all it brings with it.

/**
 * The Monitoring sheet of a run without monitoring, written in place of one
 * an earlier run left, so its figures cannot be taken for this run's.
 */
export function monitoringRetiredSheet(): SheetSpec {
  return outputSheet("monitoring", {
    blocks: [
      { row: 0, col: 0, values: [["Monitoring: none in the latest run"]], style: "title" },
      {
        row: 1,
        col: 0,
        values: [
          [
            "The model has no actuals, forecasts or profile, so there is nothing to monitor. This sheet held an earlier run's " +
              "figures; they were removed so they cannot be taken for the latest run's (see the Run log).",
          ],
        ],
        style: "note",
      },
    ],
    freezeRows: 0,
    columnWidths: [400],
  });
}
