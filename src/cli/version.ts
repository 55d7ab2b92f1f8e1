import pkg from "../../package.json";

/** The tool's version: the package's. */
export const VERSION: string = pkg.version;
