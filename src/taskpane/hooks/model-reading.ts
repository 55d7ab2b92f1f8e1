/**
 * Opening and checking a model (reading its tables, running it through the engine for the Check screen), in a module
 * of its own: the task pane loads it, and with it the engine's budget, scenario, journal and support code, when it
 * first reads a model, not with its first paint. See `useWorkbookStore`.
 */
export { checkModel, ENGINE, openModel } from "../../app";
