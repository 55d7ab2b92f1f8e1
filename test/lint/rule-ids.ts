import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";

// The project's own ESLint config. The files linted need not exist: lintText only uses the path to pick rules.
const cwd = fileURLToPath(new URL("../..", import.meta.url));
const eslint = new ESLint({ cwd });

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
export async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error("ESLint returned no result");
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}
