import type { Page } from "playwright-core";
import type { ModelInput } from "../../../src/engine";

/** A code of a model and the ways it may be shown: always with its name. */
export interface NamedCode {
  readonly code: string;
  /** Texts that contain the code with its name ("London Borough of Lewisham (LEW)"). */
  readonly named: readonly string[];
}

/**
 * The codes of a model a reader should never meet alone: partner ids (of the
 * model and those its scenarios add), cost-line refs (with those scenarios
 * add) and the ids of its named bases. Drivers' ids are English words
 * ("tickets") and are not looked for.
 */
export function modelCodes(model: ModelInput): NamedCode[] {
  const partners = new Map(model.partners.map((p) => [p.id, p.name ?? p.id]));
  const lines = new Map(model.costLines.map((l) => [l.ref, l.description ?? ""]));
  for (const s of model.scenarios ?? [])
    for (const c of s.changes) {
      if (c.kind === "addPartner") partners.set(c.partner.id, c.partner.name ?? c.partner.id);
      if (c.kind === "addLine") lines.set(c.line.ref, c.line.description ?? "");
    }
  return [
    // A ledger sheet's own name ("Ledger – LEW expenditure") holds the code because that is the sheet the user must find;
    // the pane shows it beside the journal's heading, which names the partner.
    ...[...partners].map(([id, name]) => ({ code: id, named: [`${name} (${id})`, `'Ledger \u2013 ${id} `] })),
    ...[...lines].map(([ref, description]) => ({ code: ref, named: [`${ref}: ${description}`, `${description} (${ref})`] })),
    ...(model.bases ?? []).map((b) => ({ code: b.id, named: [`${b.label ?? b.id} (${b.id})`] })),
  ];
}

/**
 * Every place the task pane shows one of `codes` without its name: its
 * visible text, each drop-down's chosen option and each accessible name
 * (aria-label), with every named form taken out first. What a user types
 * into a text box (a new partner's code) is theirs and is not looked at.
 */
export async function codesWithoutNames(page: Page, codes: readonly NamedCode[]): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const pane = document.getElementById("task-pane");
    if (!pane) return [];
    const out = [pane.innerText];
    for (const el of pane.querySelectorAll("select")) out.push(el.selectedOptions[0]?.textContent ?? "");
    for (const el of pane.querySelectorAll("[aria-label]")) out.push(el.getAttribute("aria-label") ?? "");
    return out;
  });
  const found: string[] = [];
  for (const text of texts) {
    for (const { code, named } of codes) {
      let rest = text;
      for (const n of named) rest = rest.split(n).join(" ");
      const m = new RegExp(`(^|[^\\w-])${code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`).exec(rest);
      if (m) found.push(`${code}: …${rest.slice(Math.max(0, m.index - 40), m.index + code.length + 40).replace(/\s+/g, " ")}…`);
    }
  }
  return [...new Set(found)];
}
