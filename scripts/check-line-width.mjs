// `npm run lint` (with prettier --check): no line of source over the formatter's width.
// Prettier cannot break long strings, template literals or comments; this check makes sure nobody leaves one.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const WIDTH = JSON.parse(readFileSync(new URL("../.prettierrc.json", import.meta.url), "utf8")).printWidth;
const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "*.ts", "*.tsx", "*.mjs", "*.js"], {
  encoding: "utf8",
})
  .split("\n")
  .filter((f) => f !== "" && !f.startsWith("bin/") && !f.startsWith("assets/"));
const long = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    continue; // listed but deleted in the working tree
  }
  // Characters, not bytes: "£" is one column wide, as prettier counts it.
  text.split("\n").forEach((line, i) => {
    if ([...line].length > WIDTH) long.push(`${file}:${i + 1}: ${[...line].length} characters`);
  });
}
if (long.length > 0) {
  console.error(`${long.length} line(s) over ${WIDTH} characters (split the string or comment):\n${long.join("\n")}`);
  process.exit(1);
}
console.log(`check-line-width: every line of ${files.length} files is at most ${WIDTH} characters.`);
