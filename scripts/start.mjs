// `npm start`: run the add-in for development.
//
//   Windows / macOS with Excel: `office-addin-debugging start manifest.xml` sideloads the add-in
//     into Excel and starts the dev server (`npm stop` unloads it).
//   Otherwise (Linux, CI, no Excel, PREVIEW_ONLY=1, or sideloading failed): start
//     webpack-dev-server in development mode and print the browser preview URL.
//
// Never fails just because localhost certificates cannot be installed: webpack.config.js
// falls back to a self-signed certificate, and this script falls back to plain http if
// https cannot start.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(ROOT);

const truthy = (value) => value !== undefined && !["", "0", "false", "no"].includes(value.toLowerCase());
const PREVIEW_ONLY = truthy(process.env.PREVIEW_ONLY);
const CI = truthy(process.env.CI);
const PORT = Number(process.env.PORT || 3000);

function log(message) {
  console.log(`[start] ${message}`);
}

function banner(url) {
  const line = "=".repeat(Math.max(60, url.length + 24));
  console.log(`\n${line}\n  Browser preview:  ${url}\n  (stop with Ctrl+C)\n${line}\n`);
}

function excelLikelyInstalled() {
  if (process.platform === "darwin") {
    return existsSync("/Applications/Microsoft Excel.app");
  }
  if (process.platform === "win32") {
    // Excel may live in several places (Click-to-Run, MSI, Store); let office-addin-debugging decide.
    return true;
  }
  return false;
}

function isPortInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Sideloads into desktop Excel. Returns true on success. */
function sideloadIntoExcel() {
  log("Sideloading into Excel with office-addin-debugging ...");
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const result = spawnSync(
    npx,
    [
      "office-addin-debugging",
      "start",
      "manifest.xml",
      "desktop",
      "--app",
      "excel",
      "--dev-server",
      "npm run dev-server",
      "--dev-server-port",
      String(PORT),
    ],
    { stdio: "inherit", shell: process.platform === "win32" },
  );
  if (result.error) {
    log(`office-addin-debugging could not run: ${result.error.message}`);
    return false;
  }
  if (result.status !== 0) {
    log(`office-addin-debugging exited with status ${result.status}.`);
    return false;
  }
  return true;
}

/**
 * Starts webpack-dev-server quietly and resolves once the first build is done, so the address is
 * printed once, when the page will answer. Its own start-up lines and the build's stats are
 * kept back; errors and warnings are still shown.
 */
async function startDevServer(serverOverride) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const makeConfig = require(join(ROOT, "webpack.config.js"));

  if (serverOverride === "http") process.env.DEV_SERVER_PROTOCOL = "http";
  const chosenServer = await makeConfig.chooseServer();
  const config = await makeConfig({ WEBPACK_SERVE: true, quiet: true, chosenServer }, { mode: "development" });
  const devServerOptions = {
    ...config.devServer,
    port: PORT,
    devMiddleware: { ...config.devServer.devMiddleware, stats: "errors-warnings" },
  };
  delete config.devServer;
  config.infrastructureLogging = { level: "warn" };

  const compiler = webpack(config);
  const firstBuild = new Promise((resolve) => compiler.hooks.done.tap("start", (stats) => resolve(stats)));
  const server = new WebpackDevServer(devServerOptions, compiler);
  if (chosenServer.note) log(chosenServer.note);
  log("Building the add-in (the first build takes about half a minute) ...");
  await server.start();
  const stats = await firstBuild;
  const protocol = chosenServer.protocol;
  return { server, url: `${protocol}://localhost:${PORT}/preview.html`, ok: !stats.hasErrors() };
}

async function preview() {
  if (await isPortInUse(PORT)) {
    log(`Port ${PORT} is already in use: is the dev server already running?`);
    log(`If it is, open https://localhost:${PORT}/preview.html (or http://...).`);
    log(`Otherwise stop whatever uses the port, or run with PORT=<another port>.`);
    process.exitCode = 1;
    return;
  }

  let started;
  try {
    started = await startDevServer();
  } catch (error) {
    log(`Could not start the https dev server (${error instanceof Error ? error.message : error}).`);
    log("Retrying over plain http ...");
    started = await startDevServer("http");
  }
  if (!started.ok) log("The first build has errors (above); the preview will show them until they are fixed.");
  banner(started.url);
  if (CI) log("CI detected: serving until the process is stopped.");

  const stop = async () => {
    await started.server.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

async function main() {
  if (PREVIEW_ONLY) {
    log("PREVIEW_ONLY is set: starting the browser preview only.");
  } else if (CI) {
    log("CI detected: starting the browser preview only.");
  } else if (excelLikelyInstalled()) {
    if (sideloadIntoExcel()) {
      log("Excel started with the add-in sideloaded. Run `npm stop` to unload it and stop the server.");
      log(`Browser preview (same dev server): https://localhost:${PORT}/preview.html`);
      return;
    }
    log("Sideloading failed; falling back to the browser preview.");
  } else {
    log(`No desktop Excel on ${process.platform}: starting the browser preview.`);
    log("To use Excel on the web, upload manifest.xml (see README, 'Sideloading into Excel').");
  }
  await preview();
}

main().catch((error) => {
  console.error("[start] Failed to start:", error);
  process.exit(1);
});
