import type { Where } from "../engine";
import { OUTPUT_TABLES } from "./layout/names";
import { locateWhere } from "./layout/origins";
import { readRunLog } from "./layout/outputs/run-log";
import { readModelTables, type RawTable } from "./layout/read-model";
import type { ModelRead } from "./port";

/**
 * Reads a model from raw tables and binds `locate` to where it came from. A module of its own so the Office adapter can
 * load the readers (and the engine's validation they reach) when it first reads a model, not with the task pane's first
 * paint.
 */
export function modelRead(tables: ReadonlyMap<string, RawTable>): ModelRead {
  const read = readModelTables(tables);
  const log = [...tables.entries()].find(([name]) => name.toLowerCase() === OUTPUT_TABLES.runLog.toLowerCase())?.[1];
  return { ...read, runLog: readRunLog(log), locate: (where: Where) => locateWhere(read.origins, where) };
}
