// Webpack build for the Shared Cost Apportionment add-in (shared runtime).
//
// Outputs (dist/):
//   taskpane.html  loads office.js from the Microsoft CDN, then functions.js and taskpane.js
//                  (one page = the shared runtime for the task pane and the custom functions)
//   preview.html   the same React app for a plain browser: no office.js, no custom functions
//   functions.js   custom functions (kept small: no React / Fluent UI)
//   functions.json custom functions metadata generated from src/functions/functions.ts
//   manifest.xml   copied; in production the dev origin is replaced by $ADDIN_URL if set
//   assets/*.png   icons
//   help.html      static help page (manifest SupportUrl and GetStarted LearnMoreUrl)
"use strict";

const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_ORIGIN = "https://localhost:3000/";
const DEFAULT_PORT = 3000;

function productionUrl() {
  const url = process.env.ADDIN_URL;
  if (!url) return DEV_ORIGIN;
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * Chooses how the dev server serves pages, never throwing:
 *   1. trusted localhost certificates from office-addin-dev-certs (what Office needs);
 *   2. webpack-dev-server's own self-signed certificate (`server: "https"`);
 *   3. plain http (only when asked with DEV_SERVER_PROTOCOL=http).
 * DEV_SERVER_PROTOCOL=office-certs|https|http forces a choice.
 * On Linux the office-addin-dev-certs install needs sudo, so it usually fails (and
 * always fails as root without sudo); we then fall back to the self-signed certificate.
 */
async function chooseServer() {
  const forced = (process.env.DEV_SERVER_PROTOCOL || "").toLowerCase();
  if (forced === "http") {
    return { server: "http", protocol: "http", description: "plain http (DEV_SERVER_PROTOCOL=http)" };
  }
  if (forced !== "https") {
    try {
      const devCerts = require("office-addin-dev-certs");
      const options = await devCerts.getHttpsServerOptions();
      return {
        server: { type: "https", options },
        protocol: "https",
        description: "https with trusted office-addin-dev-certs certificates",
      };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      console.warn(
        `[dev-server] office-addin-dev-certs unavailable (${reason}); ` +
          "falling back to webpack-dev-server's self-signed certificate.",
      );
    }
  }
  return {
    server: "https",
    protocol: "https",
    description: "https with webpack-dev-server's self-signed certificate (browser will warn)",
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "production";
  const isProduction = mode === "production";
  const isServe = Boolean(env.WEBPACK_SERVE);
  const port = Number(process.env.PORT || DEFAULT_PORT);

  /** @type {import("webpack").Configuration & { devServer?: import("webpack-dev-server").Configuration }} */
  const config = {
    mode,
    devtool: isProduction ? "source-map" : "eval-cheap-module-source-map",
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
      ],
    },
    // office.js is never bundled: taskpane.html loads it from the CDN.
    externals: {
      "@microsoft/office-js": "Office",
    },
    optimization: {
      splitChunks: {
        // functions.js is referenced directly by the manifest, so it must stay a single,
        // self-contained file with no React / Fluent UI in it.
        chunks: (chunk) => chunk.name !== "functions",
        cacheGroups: {
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendors",
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        title: "Shared Cost Apportionment",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        loadOfficeJs: true,
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/taskpane.html",
        title: "Shared Cost Apportionment (browser preview)",
        chunks: ["preview"],
        loadOfficeJs: false,
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
              const url = productionUrl();
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
    const chosen = await chooseServer();
    console.log(`[dev-server] Serving over ${chosen.description} on port ${port}.`);
    console.log(`[dev-server] Browser preview: ${chosen.protocol}://localhost:${port}/preview.html`);
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
module.exports.DEFAULT_PORT = DEFAULT_PORT;
