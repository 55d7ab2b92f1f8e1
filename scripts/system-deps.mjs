// The system packages the test suite needs, beside the npm packages: `npm test` runs this first
// (package.json "pretest") and .ci/run runs it too, so a fresh machine and CI install the same.
//
//   node scripts/system-deps.mjs            install what is missing (as root, or with sudo), or stop
//                                           with one message naming exactly what to install
//   node scripts/system-deps.mjs --check    only say what is missing (exit 1 if anything is)
//
// Each package is found by what the tests use from it, so a machine that already has the tools
// (however they were installed) installs nothing and prints nothing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** What the suite needs: the Debian package, what it is for, and how to tell it is here. */
const SYSTEM_PACKAGES = [
  { name: "chromium", why: "end-to-end tests of the task pane", present: () => existsSync("/usr/bin/chromium") },
  { name: "libreoffice-calc", why: "reading written workbooks independently, and --pdf", present: () => onPath("soffice") },
  { name: "poppler-utils", why: "reading the PDF pack (pdftotext, pdfinfo, pdftoppm)", present: () => onPath("pdftotext") },
  { name: "python3-openpyxl", why: "workbooks written by another tool", present: openpyxlPresent },
  { name: "libxml2-utils", why: "checking written files against the OOXML schemas (xmllint)", present: () => onPath("xmllint") },
];

function onPath(command) {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir !== "" && existsSync(join(dir, command)));
}

function openpyxlPresent() {
  // The tests run the system's python3 (/usr/bin/python3), where apt installs openpyxl.
  const python = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  return spawnSync(python, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0;
}

function run(command, args) {
  const result = spawnSync(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

/** How this process can run apt-get as root: directly, through sudo without a password, or not at all. */
function asRoot() {
  if (!onPath("apt-get")) return undefined;
  if (typeof process.getuid === "function" && process.getuid() === 0) return [];
  if (onPath("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0) return ["sudo", "-n"];
  return undefined;
}

function main() {
  const checkOnly = process.argv.includes("--check");
  const missing = SYSTEM_PACKAGES.filter((p) => !p.present());
  if (missing.length === 0) return 0;
  const names = missing.map((p) => p.name);
  const command = `apt-get install -y --no-install-recommends ${names.join(" ")}`;
  const list = missing.map((p) => `  ${p.name} (${p.why})`).join("\n");
  const prefix = checkOnly ? undefined : asRoot();
  if (prefix === undefined) {
    const how = checkOnly ? "" : onPath("apt-get") ? " (this needs root or password-less sudo)" : " (this machine has no apt-get)";
    console.error(
      `The tests need system packages that are not installed${how}:\n${list}\nInstall them with:\n  sudo apt-get update && sudo ${command}`,
    );
    return 1;
  }
  console.log(`[system-deps] installing ${names.join(", ")} with apt-get ...`);
  const [sudo, ...sudoArgs] = prefix;
  const apt = (args) => (sudo === undefined ? run("apt-get", args) : run(sudo, [...sudoArgs, "apt-get", ...args]));
  if (!apt(["update", "-qq"]) || !apt(["install", "-y", "-qq", "--no-install-recommends", ...names])) {
    console.error(`[system-deps] apt-get could not install them. Install them yourself:\n  sudo apt-get update && sudo ${command}`);
    return 1;
  }
  const still = SYSTEM_PACKAGES.filter((p) => !p.present()).map((p) => p.name);
  if (still.length > 0) {
    console.error(`[system-deps] installed, but still not found: ${still.join(", ")}`);
    return 1;
  }
  console.log("[system-deps] done.");
  return 0;
}

process.exitCode = main();
