#!/usr/bin/env node
// The `shared-apportion` command (package.json "bin"): runs the bundled command line, building it
// first when it is missing or older than the sources (see ensure-built.js).
"use strict";

const { ensureBuilt, bundle } = require("./ensure-built");

const problem = ensureBuilt((line) => process.stderr.write(`shared-apportion: ${line}\n`));
if (problem !== undefined) {
  process.stderr.write(`shared-apportion: ${problem}\n`);
  process.exit(3);
}
require(bundle);
