import pkg from "../../package.json";

/** The add-in's version (the package's), recorded in the Run log with every run. */
export const VERSION: string = pkg.version;
