import type { Page } from "playwright-core";

/** The text of every cell of a preview grid (rows × columns, row numbers left out). */
export function readGrid(page: Page, sheet: string): Promise<string[][]> {
  return page.evaluate((name) => {
    const table = document.querySelector(`table[data-sheet="${CSS.escape(name)}"]`);
    if (!table) return [];
    return [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""));
  }, sheet);
}
