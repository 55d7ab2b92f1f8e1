// Makes sure the command line's bundle (dist/cli/shared-apportion.js) exists and is not older than
// the sources it is built from, building it when it is missing or stale and the build tools are
// installed. Used by the "prepare" script (so `npm install` leaves a working `npx shared-apportion`)
// and by bin/shared-apportion.js (so a bundle left from older sources is never run by mistake).
//
// A production install (`npm ci --omit=dev`) has no webpack: it runs the bundle it was given.
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.join(__dirname, "..");
const bundle = path.join(root, "dist", "cli", "shared-apportion.js");

/** The newest modification time (ms) of the files the bundle is built from, or 0 when none are here. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    let st;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["src", "package.json", "webpack.cli.config.js"]) visit(path.join(root, p));
  return newest;
}

/** The webpack command line's script, when development packages are installed. */
function webpackCli() {
  try {
    return require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  } catch {
    return undefined;
  }
}

/**
 * Builds the bundle when it is missing or older than its sources and webpack is installed.
 * Returns a message when the command line cannot run, else undefined. `say` receives one line
 * before a build starts (builds take tens of seconds).
 */
function ensureBuilt(say) {
  const exists = fs.existsSync(bundle);
  const stale = exists && fs.statSync(bundle).mtimeMs < newestSource();
  if (exists && !stale) return undefined;
  const cli = webpackCli();
  if (cli === undefined) {
    return exists
      ? undefined
      : "the command line is not built and the build tools are not installed; run `npm install` in the project folder";
  }
  say(
    exists
      ? "the sources changed since the command line was built: rebuilding it (about 20 s) ..."
      : "building the command line (first use, about 20 s) ...",
  );
  const built = spawnSync(process.execPath, [cli, "--config", "webpack.cli.config.js", "--mode", "production"], {
    cwd: root,
    encoding: "utf8",
  });
  if (built.status !== 0) {
    return `building the command line failed:\n${(built.stdout || "") + (built.stderr || "")}`;
  }
  // webpack leaves an unchanged output file as it was (compareBeforeEmit), so mark it as current.
  const now = new Date();
  fs.utimesSync(bundle, now, now);
  return undefined;
}

module.exports = { ensureBuilt, bundle };

if (require.main === module) {
  // From "prepare": never fail an install over this; the bin tries again on first use.
  const problem = ensureBuilt((line) => console.log(`[prepare] ${line}`));
  if (problem !== undefined) console.warn(`[prepare] ${problem}`);
}
