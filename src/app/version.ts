// A named import, so the bundler keeps only this field of package.json (the task pane's load budget counts).
import { version } from "../../package.json";

/** The add-in's version (the package's), recorded in the Run log with every run. */
export const VERSION: string = version;
