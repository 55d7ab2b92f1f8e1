import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

/**
 * webpack.config.js without running webpack: a production build refuses to
 * ship the dev origin, and each page gets a Content-Security-Policy that
 * allows only the add-in's own scripts and office.js from Microsoft's CDN.
 */

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Plugin {
  readonly constructor: { readonly name: string };
  readonly userOptions?: { readonly filename?: string; readonly csp?: string; readonly loadOfficeJs?: boolean };
  readonly patterns?: readonly { readonly from: string; readonly transform?: (content: Buffer) => string | Buffer }[];
}
interface Config {
  readonly plugins: readonly Plugin[];
  readonly devtool: string;
}
type ConfigFn = ((env: Record<string, unknown>, argv: Record<string, unknown>) => Promise<Config>) & {
  contentSecurityPolicy(o: { officeJs: boolean }): string;
  OFFICE_JS_HOSTS: readonly { readonly host: string; readonly directives: readonly string[]; readonly source: string }[];
};

const config = require(`${ROOT}webpack.config.js`) as ConfigFn;

/** The task pane's script sources: its own origin and every host Office.js loads scripts from. */
const TASKPANE_SCRIPTS = ["'self'", ...config.OFFICE_JS_HOSTS.filter((h) => h.directives.includes("script-src")).map((h) => h.host)];

/**
 * The hosts Microsoft's documentation and issue trackers name for Office.js, written out
 * here independently of webpack.config.js: what each is for decides the directive.
 */
const DOCUMENTED_OFFICE_JS_HOSTS = [
  // https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
  { host: "https://appsforoffice.microsoft.com", directive: "script-src" },
  // office.js CDN moved to the unified domain: https://github.com/OfficeDev/office-js-docs-pr/pull/5882
  { host: "https://officeapis.public.onecdn.static.microsoft", directive: "script-src" },
  // MicrosoftAjax.js and telemetry: https://github.com/OfficeDev/office-js/issues/1005 (and #4131, #686 for MicrosoftAjax.js)
  { host: "https://ajax.aspnetcdn.com", directive: "script-src" },
  { host: "https://browser.pipe.aria.microsoft.com", directive: "script-src" },
  { host: "https://browser.pipe.aria.microsoft.com", directive: "connect-src" },
  // telemetryproxy.html in a frame: https://github.com/OfficeDev/office-js/issues/696
  { host: "https://telemetryservice.firstpartyapps.oaspapps.com", directive: "frame-src" },
] as const;

/** True when a policy lets a page use `host` for `directive` (falling back to default-src as browsers do). */
function allows(policy: string, directive: string, host: string): boolean {
  const csp = directives(policy);
  const sources = csp.get(directive) ?? (directive === "frame-src" ? csp.get("child-src") : undefined) ?? csp.get("default-src") ?? [];
  return sources.includes(host) || sources.includes("https:") || sources.includes("*");
}

function manifestAfterBuild(c: Config): string {
  const copy = c.plugins.find((p) => p.patterns !== undefined);
  const pattern = copy?.patterns?.find((p) => p.from === "manifest.xml");
  if (pattern?.transform === undefined) throw new Error("no manifest transform");
  return String(pattern.transform(readFileSync(`${ROOT}manifest.xml`)));
}

/** The directives of a policy: name → sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== "")
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

describe("webpack.config.js: production builds and ADDIN_URL", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.ADDIN_URL;
    delete process.env.ADDIN_URL;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  it("fails a production build without ADDIN_URL, saying what to do", async () => {
    await expect(config({}, { mode: "production" })).rejects.toThrow(/ADDIN_URL is not set.*build:test/s);
  });

  it("refuses an ADDIN_URL that is not https", async () => {
    process.env.ADDIN_URL = "http://addins.example.gov.uk/sa/";
    await expect(config({}, { mode: "production" })).rejects.toThrow(/must use https/);
  });

  it("writes ADDIN_URL into every URL of the manifest, leaving no localhost", async () => {
    process.env.ADDIN_URL = "https://addins.example.gov.uk/shared-apportion";
    const manifest = manifestAfterBuild(await config({}, { mode: "production" }));
    expect(manifest.replace(/<!--[\s\S]*?-->/g, "")).not.toContain("localhost");
    expect(manifest).toContain('<SourceLocation DefaultValue="https://addins.example.gov.uk/shared-apportion/taskpane.html"/>');
    expect(manifest).toContain("<AppDomain>https://addins.example.gov.uk</AppDomain>");
  });

  it("keeps the dev origin only when a build says it is not for release (--env devUrl)", async () => {
    const manifest = manifestAfterBuild(await config({ devUrl: true }, { mode: "production" }));
    expect(manifest).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  });

  it("is what package.json's scripts use: build fails without ADDIN_URL, build:test and npm test opt in", () => {
    const scripts = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.build).not.toContain("devUrl");
    expect(scripts["build:test"]).toContain("--env devUrl");
    expect(scripts.test).toContain("npm run build:test");
  });
});

describe("webpack.config.js: Content-Security-Policy", () => {
  it("allows scripts only from the add-in's origin and, on the task pane, Microsoft's office.js CDN: no inline or eval", async () => {
    const c = await config({ devUrl: true }, { mode: "production" });
    const pages = c.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin");
    expect(pages.map((p) => p.userOptions?.filename).sort()).toEqual(["preview.html", "taskpane.html"]);
    for (const page of pages) {
      const csp = directives(page.userOptions?.csp ?? "");
      const expected = page.userOptions?.loadOfficeJs === true ? TASKPANE_SCRIPTS : ["'self'"];
      expect(csp.get("script-src"), page.userOptions?.filename).toEqual(expected);
      expect(csp.get("default-src")).toEqual(["'self'"]);
      expect(csp.get("object-src")).toEqual(["'none'"]);
      expect(page.userOptions?.csp).not.toMatch(/unsafe-eval|'unsafe-inline'[^;]*;?\s*$|script-src[^;]*unsafe-inline/);
    }
  });

  it("lets Office.js reach every host Microsoft names for it, on the task pane, and none of them on the preview", async () => {
    const c = await config({ devUrl: true }, { mode: "production" });
    const pane = c.plugins.find((p) => p.userOptions?.filename === "taskpane.html")?.userOptions?.csp ?? "";
    const preview = c.plugins.find((p) => p.userOptions?.filename === "preview.html")?.userOptions?.csp ?? "";
    for (const { host, directive } of DOCUMENTED_OFFICE_JS_HOSTS) {
      expect(allows(pane, directive, host), `task pane ${directive} ${host}`).toBe(true);
      expect(allows(preview, directive, host), `preview ${directive} ${host}`).toBe(false);
    }
    // Every host in the policy says where Microsoft names it.
    for (const h of config.OFFICE_JS_HOSTS) expect(h.source, h.host).toMatch(/^https:\/\/(learn\.microsoft\.com|github\.com\/OfficeDev)\//);
  });

  it("uses no eval-based source maps in development (the policy forbids eval)", async () => {
    const c = await config({}, { mode: "development" });
    expect(c.devtool).not.toMatch(/eval/);
  });

  it("puts the policy in the page template and in the help page, and neither has inline script", () => {
    for (const file of ["src/taskpane/taskpane.html", "src/taskpane/help.html"]) {
      const html = readFileSync(`${ROOT}${file}`, "utf8");
      expect(html, file).toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]+"/);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        expect(m[1], file).toMatch(/\bsrc="/);
        expect((m[2] ?? "").trim(), file).toBe("");
      }
    }
    const help =
      /content="([^"]+)"/.exec(readFileSync(`${ROOT}src/taskpane/help.html`, "utf8").split("Content-Security-Policy")[1] ?? "")?.[1] ?? "";
    expect(directives(help).get("default-src")).toEqual(["'none'"]);
    expect(directives(help).has("script-src")).toBe(false);
  });
});

describe("dist/ pages (built by `npm run build:test`)", () => {
  const page = (name: string): string => readFileSync(`${ROOT}dist/${name}`, "utf8");

  it("serve every page with its policy and only external scripts from the add-in or the office.js CDN", () => {
    for (const name of ["taskpane.html", "preview.html", "help.html"]) {
      const html = page(name);
      // The built pages are minified: attribute quotes may be gone.
      const policy = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1];
      expect(policy, name).toBeDefined();
      const csp = directives(policy ?? "");
      expect(csp.get("script-src") ?? csp.get("default-src"), name).toEqual(
        name === "taskpane.html" ? TASKPANE_SCRIPTS : name === "help.html" ? ["'none'"] : ["'self'"],
      );
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const src = /\bsrc="?([^"\s>]+)"?/.exec(m[1] ?? "")?.[1];
        expect(src, `${name}: inline script`).toBeDefined();
        expect((m[2] ?? "").trim(), name).toBe("");
        expect(src!.startsWith("https://appsforoffice.microsoft.com/") || !/^[a-z]+:|^\/\//i.test(src!), `${name}: ${src}`).toBe(true);
      }
    }
    expect(page("taskpane.html")).toMatch(/src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(page("preview.html")).not.toContain("appsforoffice");
  });
});
