// ESLint 9 flat config.
//
// Layering rules enforced here (see docs/architecture.md, "The layers"; each rule is proven by a
// test in test/lint/):
//   src/engine/**    pure TypeScript: no React, no Fluent UI, no Office.js, no imports from
//                    ../excel, ../taskpane or ../functions, no Office/Excel/CustomFunctions globals.
//   src/taskpane/**  React UI: must not use the Excel global (Excel.run, Excel.Range, ...);
//                    only src/excel/** talks to the workbook through Office.js.
//   src/taskpane/**, src/cli/**  the clients: import values from src/app only (types from src/engine and
//                    src/excel too), and src/app, src/excel, src/engine and src/samples
//                    through their index only (one way in; see docs/architecture.md).
//   src/excel/**     the workbook layer: never imports the application layer or the clients.
//   src/app/**       the application layer: never imports the clients (task pane, command line, functions).
//   src/samples/**   sample models: reach the workbook layer through its index, never into excel/layout.
// Also: React and hooks rules on the task pane, no floating promises (type-aware, on the folders
// that await), and no module imported twice in one file.
//
// eslint-plugin-office-addins exports flat configs (`configs.recommended`/`configs.react`),
// but they bundle prettier formatting rules and their own (older) copy of the
// @typescript-eslint plugin, which clashes with typescript-eslint below. So its plugin
// object is wired in directly with the same rule set as its `recommended` config.
import js from "@eslint/js";
import { readdirSync } from "node:fs";
import { defineConfig } from "eslint/config";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const OFFICE_GLOBALS = ["Office", "Excel", "CustomFunctions", "OfficeExtension"];

/** The folders whose files are linted with type information (for no-floating-promises). */
const TYPED_FOLDERS = ["src/app", "src/cli", "src/taskpane", "src/excel/office"];
const TYPED_FILES = TYPED_FOLDERS.flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => `${dir}/${f.split("\\").join("/")}`),
);
/** Made-up files test/lint lints as text to prove the type-aware rules (they never exist on disk). */
const LINT_PROBES = ["src/app/lint-probe.ts", "src/cli/lint-probe.ts", "src/taskpane/lint-probe.tsx", "src/excel/office/lint-probe.ts"];

/** Rules from eslint-plugin-office-addins' recommended config (minus prettier). */
const officeAddinsRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "warn",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

export default defineConfig(
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "test-artifacts/**", "bench/results.json", ".cache/**"],
  },

  js.configs.recommended,
  tseslint.configs.recommended,

  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
    },
  },

  // React and the rules of hooks for the task pane (TypeScript checks the props, so no prop-types).
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "test/taskpane/**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks },
    settings: { react: { version: "18.3" } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat["jsx-runtime"].rules,
      "react/prop-types": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },

  // A promise nobody awaits loses its errors (a failed write would go unreported). Type-aware, so
  // scoped to the folders that await: the application layer, the clients and the Office.js adapter;
  // and to files that exist (the other lint tests lint made-up paths, which have no type
  // information), plus the probe paths test/lint uses to prove the rule.
  {
    files: [...TYPED_FILES, ...LINT_PROBES],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: LINT_PROBES }, tsconfigRootDir: import.meta.dirname },
    },
    rules: { "@typescript-eslint/no-floating-promises": "error" },
  },

  // Office.js correctness rules for all application code.
  {
    files: ["src/**/*.{ts,tsx}"],
    // The command line reads workbooks with exceljs, whose cells are not Office.js proxies.
    ignores: ["src/cli/**"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },

  // Node-side files: configs (CommonJS *.js) and scripts (ESM *.mjs).
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs", "scripts/**"],
    languageOptions: { sourceType: "module", globals: { ...globals.node } },
  },
  {
    files: ["test/**", "vitest.config.ts"],
    languageOptions: { globals: { ...globals.node } },
  },

  // The engine is pure: no UI, no Office.js, no edges.
  {
    files: ["src/engine/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^react(-dom)?(/.*)?$",
              message: "src/engine must stay pure: no React.",
            },
            {
              regex: "^@fluentui/",
              message: "src/engine must stay pure: no Fluent UI.",
            },
            {
              regex: "^(@microsoft/office-js|@types/office-js|office-)",
              message: "src/engine must stay pure: no Office.js or office-* packages.",
            },
            {
              regex: "^(\\.\\./)+(excel|taskpane|functions)(/.*)?$",
              message:
                "src/engine must not import from src/excel, src/taskpane or src/functions; they depend on the engine, not the " +
                "other way round.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...OFFICE_GLOBALS.map((name) => ({
          name,
          message: `src/engine must stay pure: no ${name} global. Office.js calls belong in src/excel.`,
        })),
      ],
    },
  },

  // The clients (task pane, command line) have one way in to each layer: its index.
  {
    files: ["src/taskpane/**", "src/cli/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(app|excel|engine|samples)/.+$",
              message:
                "The task pane and the command line import src/app, src/excel, src/engine and src/samples through their index " +
                'only (e.g. "../app", not "../app/run-model"). Export what you need from the index.',
            },
          ],
        },
      ],
    },
  },

  // The workbook layer never reaches up into the application layer or the clients.
  {
    files: ["src/excel/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(app|taskpane|cli|functions)(/.*)?$",
              message: "src/excel must not import src/app or the clients: they depend on the workbook layer, not the other way round.",
            },
          ],
        },
      ],
    },
  },

  // The application layer never imports its clients.
  {
    files: ["src/app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(taskpane|cli|functions)(/.*)?$",
              message:
                "src/app must not import the clients (task pane, command line, custom functions): they call it, not the other way round.",
            },
          ],
        },
      ],
    },
  },

  // The samples use the workbook layer's index, not its internal layout.
  {
    files: ["src/samples/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(excel|app)/.+$",
              message:
                'src/samples imports src/excel and src/app through their index only (e.g. "../excel", not "../excel/layout/template").',
            },
          ],
        },
      ],
    },
  },

  // A module is imported once per file in src (type-only imports may stand apart).
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-duplicate-imports": ["error", { allowSeparateTypeImports: true }] },
  },

  // The one door: the clients import values from src/app only; from the engine and the workbook
  // layer they may import types (a value is reached through an application use case or re-export).
  {
    files: ["src/taskpane/**", "src/cli/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+(engine|excel)$",
              allowTypeImports: true,
              message:
                "The task pane and the command line import values from src/app only (the one door); from src/engine and " +
                'src/excel, types only ("import type"). Re-export the value or add a use case in src/app.',
            },
          ],
        },
      ],
    },
  },

  // The task pane never calls the workbook directly: it goes through src/excel.
  {
    files: ["src/taskpane/**"],
    rules: {
      "no-restricted-globals": [
        "error",
        {
          name: "Excel",
          message: "Only src/excel may call Office.js (Excel.run etc.); import a function from src/excel instead.",
        },
        {
          name: "Office",
          message: "Only src/excel may call Office.js (Office.context, Office.onReady…); use src/excel/office/host instead.",
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "Excel",
          property: "run",
          message: "Only src/excel may call Excel.run; import a function from src/excel instead.",
        },
      ],
    },
  },
);
