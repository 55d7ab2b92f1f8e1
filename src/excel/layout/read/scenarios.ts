import type { ScenarioChange, ScenarioInput } from "../../../engine";
import { cellText } from "../cell-values";
import { CHANGE_KINDS } from "../input-tables";
import { rowToChange, type ScenarioRow } from "../scenario-rows";
import { dict, optText, type ReadContext } from "./table-rows";

/** Reads the Scenarios table: rows grouped by scenario name in order of first appearance, one change per row. */
export function readScenarios(ctx: ReadContext): {
  scenarios: ScenarioInput[];
  scenarioRows: Record<string, number[]>;
  scenarioFirstRows: Record<string, number>;
} {
  const { parsed } = ctx;
  const invalid = ctx.invalid;
  const scenarioOrder: string[] = [];
  const scenarioMap = new Map<string, { description?: string; changes: ScenarioChange[] }>();
  const scenarioRows = dict<number[]>();
  const scenarioFirstRows = dict<number>();
  const sc = parsed.get("scenarios");
  for (const r of sc?.rows ?? []) {
    const name = cellText(r.get("scenario"));
    if (name === "") {
      invalid("scenarios", r, "scenario", r.get("scenario"), "the scenario's name");
      continue;
    }
    let entry = scenarioMap.get(name);
    if (entry === undefined) {
      entry = { changes: [] };
      scenarioMap.set(name, entry);
      scenarioOrder.push(name);
      scenarioFirstRows[name] = r.row;
    }
    const description = optText(r.get("description"));
    if (description !== undefined && entry.description === undefined) entry.description = description;
    const row: ScenarioRow = {
      scenario: r.get("scenario") ?? "",
      description: r.get("description") ?? "",
      change: r.get("change") ?? "",
      line: r.get("line") ?? "",
      partner: r.get("partner") ?? "",
      driver: r.get("driver") ?? "",
      year: r.get("year") ?? "",
      value: r.get("value") ?? "",
      basis: r.get("basis") ?? "",
      start: r.get("start") ?? "",
      end: r.get("end") ?? "",
      details: r.get("details") ?? "",
    };
    // A row with values but no change kind would be silently ignored: say so at its Change cell.
    const filled = (["line", "partner", "driver", "year", "value", "basis", "start", "end", "details"] as const).filter(
      (k) => cellText(row[k]) !== "",
    );
    if (cellText(row.change) === "" && filled.length > 0) {
      invalid(
        "scenarios",
        r,
        "change",
        row.change,
        `a change kind (one of ${CHANGE_KINDS.join(", ")}) for a row with ${filled.join(", ")} filled in`,
      );
      continue;
    }
    const change = rowToChange(row);
    if (!change.ok) {
      invalid("scenarios", r, change.problem.column, row[change.problem.column], change.problem.expected);
      continue;
    }
    if (change.change !== undefined) {
      entry.changes.push(change.change);
      (scenarioRows[name] ??= []).push(r.row);
    }
  }
  const scenarios: ScenarioInput[] = scenarioOrder.map((name) => {
    const e = scenarioMap.get(name);
    return { name, ...(e?.description === undefined ? {} : { description: e.description }), changes: e?.changes ?? [] };
  });
  return { scenarios, scenarioRows, scenarioFirstRows };
}
