#!/usr/bin/env node
// The `shared-apportion` command (package.json "bin"): runs the bundled command line.
"use strict";

const fs = require("fs");
const path = require("path");

const bundle = path.join(__dirname, "..", "dist", "cli", "shared-apportion.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write("shared-apportion: the command line is not built yet; run `npm run build:cli` first.\n");
  process.exit(3);
}
require(bundle);
