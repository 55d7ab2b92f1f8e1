import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe("the command line's runtime dependencies are production dependencies", () => {
  it("every package the CLI bundle leaves external (required at run time) is in dependencies, not devDependencies", () => {
    const config = (
      createRequire(__filename)(join(ROOT, "webpack.cli.config.js")) as (
        env: unknown,
        argv: unknown,
      ) => { externals: Record<string, string> }
    )({}, { mode: "production" });
    const externals = Object.keys(config.externals);
    expect(externals.length).toBeGreaterThan(0);
    for (const name of externals) {
      expect(pkg.dependencies[name], `${name} is required by dist/cli at run time: \`npm ci --omit=dev\` must install it`).toBeDefined();
      expect(pkg.devDependencies[name]).toBeUndefined();
    }
  });
});
