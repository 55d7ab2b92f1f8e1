// A default import whose one property is read: webpack keeps only that field of package.json (its JSON
// tree shaking follows `pkg.version`), so the task pane's load budget does not pay for the whole file,
// and no build warns about a named export of a JSON module.
import pkg from "../../package.json";

/** The add-in's version (the package's), recorded in the Run log with every run. */
export const VERSION: string = pkg.version;
