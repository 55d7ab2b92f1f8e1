// Links the project's own `shared-apportion` command into node_modules/.bin (run by the
// "prepare" script, so after every `npm install` / `npm ci`).
//
// npm exec (npx) finds a project's own bin from package.json even without this, but then
// npm itself takes options such as --help meant for the command (`npx shared-apportion
// --help` would print npm's help). A link in node_modules/.bin makes npx run the command
// with every argument, like any installed tool.
"use strict";

const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const binDir = path.join(root, "node_modules", ".bin");
const name = "shared-apportion";
const target = path.join(root, "bin", `${name}.js`);

function link() {
  fs.mkdirSync(binDir, { recursive: true });
  if (process.platform === "win32") {
    fs.writeFileSync(path.join(binDir, `${name}.cmd`), `@node "%~dp0\\..\\..\\bin\\${name}.js" %*\r\n`);
    return;
  }
  const file = path.join(binDir, name);
  fs.rmSync(file, { force: true });
  fs.symlinkSync(path.relative(binDir, target), file);
  fs.chmodSync(target, 0o755);
}

try {
  link();
} catch (error) {
  // Never fail an install over this: `node bin/shared-apportion.js` always works.
  console.warn(`[prepare] could not link ${name} into node_modules/.bin: ${error instanceof Error ? error.message : String(error)}`);
}
