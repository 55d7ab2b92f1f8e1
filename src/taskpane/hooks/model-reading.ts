/**
 * Opening and checking a model (reading its tables, running it through the engine for the Check screen), in a module
 * of its own: the task pane loads it, and with it the engine's budget, scenario, journal and support code, when it
 * first reads a model, not with its first paint. See `useWorkbookStore`. The Check screen's list comes from
 * `checkModelWithMonitoring`, so the monitoring inputs' problems are listed with the rest, and the monitoring code is
 * in this module's chunk, not the first load.
 */
export { checkModelWithMonitoring, ENGINE, openModel } from "../../app";
