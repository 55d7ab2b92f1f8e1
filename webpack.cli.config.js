// Webpack build for the command-line tool (`npx shared-apportion`), separate from the
// add-in's build (webpack.config.js) so neither can break the other.
//
// Output: dist/cli/shared-apportion.js, one CommonJS file for Node, run by
// bin/shared-apportion.js. exceljs and jszip stay external (required from node_modules at
// run time): they are large and load their own files. `npm run build` runs this after the
// add-in's build, whose output.clean empties dist/ first.
"use strict";

const path = require("path");
const webpack = require("webpack");

module.exports = (env, argv = {}) => {
  void env;
  const mode = argv.mode || "production";
  /** @type {import("webpack").Configuration} */
  return {
    mode,
    target: "node20",
    devtool: "source-map",
    entry: { "shared-apportion": "./src/cli/bin.ts" },
    output: {
      path: path.resolve(__dirname, "dist", "cli"),
      filename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "ESNext" } } },
        },
      ],
    },
    externals: { exceljs: "commonjs exceljs", jszip: "commonjs jszip" },
    externalsPresets: { node: true },
    // Readable stack-free messages matter more than size here.
    optimization: { minimize: false },
    performance: { hints: false },
    // One file: the add-in's Office.js adapter loads its sheet writing on first use (a chunk of its own in the task pane);
    // the command line never runs that adapter, and its build stays one file.
    plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
  };
};
