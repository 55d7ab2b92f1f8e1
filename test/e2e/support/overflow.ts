import type { Page } from "playwright-core";

/**
 * Everything in the task pane (`#task-pane`) that does not fit it sideways:
 * the pane scrolling sideways itself, any element whose right (or left) edge
 * passes the pane's, or an element cut off by an ancestor that hides
 * overflow. Nothing may scroll sideways to be seen: every figure fits at
 * 320 px. An open modal dialog must fit the window the same way. Elements
 * hidden for screen readers only (1 px, clipped) are left out.
 */
export function paneOverflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.getElementById("task-pane");
    if (!pane) return ["no #task-pane"];
    const found: string[] = [];
    const describe = (el: Element): string => {
      const label = el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}> "${label}"`;
    };
    if (pane.scrollWidth > pane.clientWidth + 1)
      found.push(`the pane scrolls sideways (${pane.scrollWidth}px of content in ${pane.clientWidth}px)`);
    const check = (box: Element, edge: DOMRect, where: string, skipDialogs: boolean): void => {
      for (const el of box.querySelectorAll("*")) {
        if (skipDialogs && el.closest("dialog")) continue;
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;
        if (r.right > edge.right + 0.5 || r.left < edge.left - 0.5) {
          found.push(
            `${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)}px, ` +
              `${where} ${Math.round(edge.left)}–${Math.round(edge.right)}px`,
          );
          continue;
        }
        for (let a = el.parentElement; a && a !== box; a = a.parentElement) {
          const ox = getComputedStyle(a).overflowX;
          if (ox === "visible") continue;
          const c = a.getBoundingClientRect();
          if (r.right > c.right + 0.5)
            found.push(`${describe(el)} is cut off by ${describe(a)} (${Math.round(r.right)} > ${Math.round(c.right)}px)`);
          break;
        }
      }
    };
    check(pane, pane.getBoundingClientRect(), "the pane", true);
    for (const d of document.querySelectorAll("dialog[open]")) {
      const r = d.getBoundingClientRect();
      if (r.right > window.innerWidth || r.left < 0) found.push(`${describe(d)} is wider than the window`);
      check(d, r, "its dialog", false);
    }
    return [...new Set(found)];
  });
}

/**
 * Pairs of interactive elements (buttons, inputs, drop-downs, links, tabs) in
 * the task pane or an open dialog whose boxes overlap by more than a pixel
 * each way: one drawn over another, as the scenario editor's inputs were.
 * An element inside another (an input in its field) is not an overlap.
 */
export function interactiveOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const roots = [document.getElementById("task-pane"), ...document.querySelectorAll("dialog[open]")].filter(
      (x): x is HTMLElement => x !== null,
    );
    const name = (el: Element): string => {
      const text = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "";
      return `<${el.tagName.toLowerCase()}> "${text.trim().slice(0, 30)}"`;
    };
    const found: string[] = [];
    for (const root of roots) {
      const inDialog = root.tagName === "DIALOG";
      const els = [...root.querySelectorAll("button, input, select, textarea, a[href], [role='tab']")].filter((el) => {
        if (!inDialog && el.closest("dialog")) return false;
        const r = el.getBoundingClientRect();
        return r.width > 1 && r.height > 1;
      });
      for (let i = 0; i < els.length; i++) {
        for (let j = i + 1; j < els.length; j++) {
          const a = els[i] as Element;
          const b = els[j] as Element;
          if (a.contains(b) || b.contains(a)) continue;
          const p = a.getBoundingClientRect();
          const q = b.getBoundingClientRect();
          const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
          const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
          if (w > 1 && h > 1) found.push(`${name(a)} overlaps ${name(b)} (${Math.round(w)}×${Math.round(h)}px)`);
        }
      }
    }
    return found;
  });
}
