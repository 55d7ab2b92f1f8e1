// Webpack build for the Shared Cost Apportionment add-in (shared runtime).
//
// Outputs (dist/):
//   taskpane.html  loads office.js from the Microsoft CDN, then functions.js and taskpane.js
//                  (one page = the shared runtime for the task pane and the custom functions)
//   preview.html   the same React app for a plain browser: no office.js, no custom functions
//   functions.js   custom functions (kept small: no React / Fluent UI)
//   functions.json custom functions metadata generated from src/functions/functions.ts
//   manifest.xml   copied; in production the dev origin is replaced by $ADDIN_URL, which a
//                  production build requires (see addinUrl) unless told --env devUrl
//   assets/*.png   icons
//   help.html      static help page (manifest SupportUrl and GetStarted LearnMoreUrl)
"use strict";

const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { NormalModule } = require("webpack");

const DEV_ORIGIN = "https://localhost:3000/";
const DEFAULT_PORT = 3000;
/**
 * Microsoft's CDN for office.js
 * (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

/**
 * Every host Office.js itself is documented to load from or talk to, with the directive each
 * needs and where Microsoft says so. Microsoft publishes no complete list (office-js #1005,
 * "Document required CSP values", is an open documentation request), so this is the union of
 * its documentation and the maintainers' answers and confirmed reports in its issue trackers.
 * A host missing here blocks Office.js: the pane never starts and every =SHARED formula shows
 * #NAME?, in Excel only, where no test of ours runs. Add a host here (and its source in
 * docs/excel-fake.md) when Microsoft names one.
 */
const OFFICE_JS_HOSTS = [
  {
    host: OFFICE_CDN,
    directives: ["script-src", "connect-src"],
    why: "office.js and the host-specific scripts it loads (excel-web-16.00.js…) from the same CDN",
    source: "https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn",
  },
  {
    host: "https://officeapis.public.onecdn.static.microsoft",
    directives: ["script-src", "connect-src"],
    why: "the office.js CDN's new host on the unified cloud.microsoft domain",
    source: "https://github.com/OfficeDev/office-js-docs-pr/pull/5882",
  },
  {
    host: "https://ajax.aspnetcdn.com",
    directives: ["script-src"],
    why: "MicrosoftAjax.js, which office.js loads",
    source: "https://github.com/OfficeDev/office-js/issues/1005",
  },
  {
    host: "https://browser.pipe.aria.microsoft.com",
    directives: ["script-src", "connect-src"],
    why: "office.js telemetry",
    source: "https://github.com/OfficeDev/office-js/issues/1005",
  },
  {
    host: "https://telemetryservice.firstpartyapps.oaspapps.com",
    directives: ["frame-src"],
    why: "office.js telemetry proxy page (telemetryproxy.html), loaded in a frame",
    source: "https://github.com/OfficeDev/office-js/issues/696",
  },
];

/**
 * Where a production build's manifest says the add-in is served from: $ADDIN_URL (https).
 * Without it a production build fails, so a release can never ship a manifest pointing at
 * https://localhost:3000; builds for tests and CI say so explicitly with `--env devUrl`
 * (`npm run build:test`), which keeps the dev origin.
 */
function addinUrl(env = {}) {
  const url = process.env.ADDIN_URL;
  if (!url) {
    if (env.devUrl) return DEV_ORIGIN;
    throw new Error(
      "ADDIN_URL is not set. A production build writes it into manifest.xml in place of " +
        `${DEV_ORIGIN}; set ADDIN_URL=https://your-host/path/ for a release, or use ` +
        "`npm run build:test` (--env devUrl) for a build that is not for release.",
    );
  }
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL "${url}" is not a URL.`);
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_URL "${url}" must use https (Office loads add-ins over https only).`);
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The Content-Security-Policy of the add-in's pages: scripts only from the add-in's own
 * origin and, on the task pane (the page Office.js runs in), from every host Office.js is
 * documented to need (OFFICE_JS_HOSTS); no inline or eval'd script, no plugins, no framing of
 * other sites. Styles allow 'unsafe-inline' because Fluent UI (Griffel) injects <style>
 * elements at run time, and so does Excel on the web's own script (office-js #1687). Set as a
 * <meta http-equiv> so it holds wherever the files are hosted.
 */
function contentSecurityPolicy({ officeJs }) {
  const hosts = (directive) => (officeJs ? OFFICE_JS_HOSTS.filter((h) => h.directives.includes(directive)).map((h) => h.host) : []);
  const frames = hosts("frame-src");
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...hosts("script-src")].join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...hosts("connect-src")].join(" ")}`,
    ...(frames.length > 0 ? [`frame-src ${["'self'", ...frames].join(" ")}`] : []),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Registers each custom function once. custom-functions-metadata-plugin also adds a loader
 * that appends `CustomFunctions.associate(id, fn)` for every function to functions.ts
 * (node_modules/custom-functions-metadata-plugin/lib/loader.js); functions.ts already
 * associates each one itself (so it works in tests and any bundler), and associating an id
 * twice makes Excel log DuplicatedName for it. This plugin, listed after the metadata plugin,
 * removes that loader, keeping the metadata (functions.json) it generates.
 */
class RegisterCustomFunctionsOnce {
  apply(compiler) {
    compiler.hooks.compilation.tap("RegisterCustomFunctionsOnce", (compilation) => {
      NormalModule.getCompilationHooks(compilation).beforeLoaders.tap("RegisterCustomFunctionsOnce", (loaders) => {
        for (let i = loaders.length - 1; i >= 0; i--) {
          if (/custom-functions-metadata-plugin[\\/]lib[\\/]loader\.js$/.test(loaders[i].loader)) loaders.splice(i, 1);
        }
      });
    });
  }
}

/**
 * Whether office-addin-dev-certs can give us trusted certificates without failing noisily: on Linux it
 * installs its certificate authority with `sudo`, so where there is no sudo and the authority is not
 * already installed it can only fail (after printing its own lines). Elsewhere it is always tried.
 */
function devCertsCanWork() {
  if (process.platform !== "linux") return true;
  if (fs.existsSync("/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt")) return true;
  const dirs = (process.env.PATH || "").split(path.delimiter).filter(Boolean);
  return dirs.some((dir) => fs.existsSync(path.join(dir, "sudo")));
}

/**
 * Chooses how the dev server serves pages, never throwing:
 *   1. trusted localhost certificates from office-addin-dev-certs (what Office needs);
 *   2. webpack-dev-server's own self-signed certificate (`server: "https"`);
 *   3. plain http (only when asked with DEV_SERVER_PROTOCOL=http).
 * DEV_SERVER_PROTOCOL=office-certs|https|http forces a choice.
 * On Linux the office-addin-dev-certs install needs sudo; without it we go straight to the
 * self-signed certificate and say so in one line (`note`), instead of letting it fail.
 */
async function chooseServer() {
  const forced = (process.env.DEV_SERVER_PROTOCOL || "").toLowerCase();
  if (forced === "http") {
    return { server: "http", protocol: "http", description: "plain http (DEV_SERVER_PROTOCOL=http)" };
  }
  let reason = "installing a trusted localhost certificate needs sudo, which this machine does not have";
  if (forced !== "https" && (forced === "office-certs" || devCertsCanWork())) {
    try {
      const devCerts = require("office-addin-dev-certs");
      const options = await devCerts.getHttpsServerOptions();
      return {
        server: { type: "https", options },
        protocol: "https",
        description: "https with trusted office-addin-dev-certs certificates",
      };
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      reason = `a trusted localhost certificate could not be installed (${detail})`;
    }
  } else if (forced === "https") {
    reason = "DEV_SERVER_PROTOCOL=https";
  }
  return {
    server: "https",
    protocol: "https",
    description: "https with webpack-dev-server's self-signed certificate (browser will warn)",
    note: `Using a self-signed certificate: ${reason}. Your browser will ask once to trust https://localhost.`,
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const isProduction = mode === "production";
  // Checked first, so a production build without ADDIN_URL fails before any work.
  const url = isProduction ? addinUrl(env) : DEV_ORIGIN;
  const isServe = Boolean(env.WEBPACK_SERVE);
  const port = Number(process.env.PORT || DEFAULT_PORT);

  /** @type {import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }} */
  const config = {
    mode,
    // No eval-based source maps: the pages' Content-Security-Policy allows no eval.
    devtool: isProduction ? "source-map" : "cheap-module-source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      preview: "./src/taskpane/preview.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // dist/cli is built by webpack.cli.config.js; keep it when the add-in rebuilds.
      clean: { keep: /^cli[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".jsx", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is done separately by `npm run typecheck`.
            options: { transpileOnly: true },
          },
        },
        {
          // The application layer, the engine, the workbook layer and the samples are pure modules (no
          // import is made for its side effects), so the bundler may leave out what a chunk does not use:
          // verify, sign-off, the many-run comparison and the output sheets' layouts load with the screens
          // and actions that use them, not with the task pane's first paint.
          test: /[\\/]src[\\/](app|engine|excel|samples)[\\/].*\.ts$/,
          sideEffects: false,
        },
      ],
    },
    // office.js is never bundled: taskpane.html loads it from the CDN.
    externals: {
      "@microsoft/office-js": "Office",
    },
    optimization: {
      // One webpack runtime for the whole page: taskpane.html runs functions.js and taskpane.js
      // together (the shared runtime), so the engine chunk they share is instantiated once and
      // Decimal is one class for both.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // The engine and decimal.js as the custom functions use them, in one chunk that the task
          // pane loads too: before, functions.js carried its own copy of both and the pane paid for
          // them twice. Only modules both entries use, so the pane's first load gains nothing the
          // custom functions do not need, and the functions gain nothing of the pane's.
          engine: {
            name: "engine",
            chunks: (chunk) => chunk.name === "functions" || chunk.name === "taskpane",
            minChunks: 2,
            priority: 10,
            enforce: true,
          },
          // React, Fluent UI and the rest of node_modules, never in the custom functions' start-up.
          vendors: {
            // csv-parse reads ledger and ticket exports for in-year monitoring, a screen section loaded on demand: it stays
            // in that section's chunk rather than joining the first load (docs/monitoring.md).
            test: /[\\/]node_modules[\\/](?!csv-parse[\\/])/,
            name: "vendors",
            chunks: (chunk) => chunk.name !== "functions",
            priority: -10,
            reuseExistingChunk: true,
          },
        },
      },
    },
    performance: {
      // React + Fluent UI is large; the task pane is loaded once per session.
      hints: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new RegisterCustomFunctionsOnce(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        title: "Shared Cost Apportionment",
        // Each entry brings its own chunks (runtime.js, engine.js, vendors.js…): the webpack runtime
        // first, then the chunk the functions and the pane share, then each entry's own.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        loadOfficeJs: true,
        csp: contentSecurityPolicy({ officeJs: true }),
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/taskpane.html",
        title: "Shared Cost Apportionment (browser preview)",
        chunks: ["preview"],
        loadOfficeJs: false,
        csp: contentSecurityPolicy({ officeJs: false }),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              if (!isProduction) return content;
              return content
                .toString()
                .split(DEV_ORIGIN)
                .join(url)
                .split(DEV_ORIGIN.slice(0, -1)) // bare origin, e.g. in <AppDomain>
                .join(new URL(url).origin);
            },
          },
        ],
      }),
    ],
  };

  if (isServe) {
    // `npm start` (scripts/start.mjs) chooses the server itself and passes it with `quiet`: it prints
    // the address once, when the first build is ready; `npm run dev-server` gets these lines up front.
    const chosen = env.chosenServer || (await chooseServer());
    if (!env.quiet) {
      if (chosen.note) console.log(`[dev-server] ${chosen.note}`);
      console.log(`[dev-server] Serving over ${chosen.description} on port ${port}.`);
      console.log(`[dev-server] Browser preview: ${chosen.protocol}://localhost:${port}/preview.html`);
    }
    config.devServer = {
      port,
      server: chosen.server,
      headers: { "Access-Control-Allow-Origin": "*" },
      // Everything (including assets/ and manifest.xml) is emitted by the build itself.
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
      devMiddleware: { writeToDisk: false },
    };
  }

  return config;
};

module.exports.chooseServer = chooseServer;
module.exports.addinUrl = addinUrl;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_JS_HOSTS = OFFICE_JS_HOSTS;
module.exports.DEFAULT_PORT = DEFAULT_PORT;
