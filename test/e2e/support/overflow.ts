import type { Page } from "playwright-core";

/**
 * Everything in the task pane (`#task-pane`) that does not fit it sideways:
 * the pane scrolling sideways itself, an element reaching past the pane's
 * left or right edge, or an element cut off by an ancestor that hides
 * overflow. Content inside a sideways-scrolling box (overflow-x auto/scroll)
 * is allowed past the box's edge, since it can be scrolled to; such a box must
 * itself fit, and be focusable so the keyboard can scroll it. Modal dialogs are
 * left out: they sit over the viewport, not in the pane.
 */
export function paneOverflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const pane = document.getElementById("task-pane");
    if (!pane) return ["no #task-pane"];
    const edge = pane.getBoundingClientRect();
    const found: string[] = [];
    const describe = (el: Element): string => {
      const label = el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}> "${label}"`;
    };
    if (pane.scrollWidth > pane.clientWidth + 1)
      found.push(`the pane scrolls sideways (${pane.scrollWidth}px of content in ${pane.clientWidth}px)`);
    for (const el of pane.querySelectorAll("*")) {
      if (el.closest("dialog")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let scroller: Element | undefined;
      let clipper: Element | undefined;
      for (let a = el.parentElement; a && a !== pane; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === "auto" || ox === "scroll") {
          scroller = a;
          break;
        }
        if ((ox === "hidden" || ox === "clip") && clipper === undefined) clipper = a;
      }
      if (scroller === undefined && (r.right > edge.right + 0.5 || r.left < edge.left - 0.5)) {
        found.push(
          `${describe(el)} spans ${Math.round(r.left)}–${Math.round(r.right)}px, ` +
            `the pane ${Math.round(edge.left)}–${Math.round(edge.right)}px`,
        );
      } else if (clipper !== undefined && scroller === undefined) {
        const c = clipper.getBoundingClientRect();
        if (r.right > c.right + 0.5)
          found.push(`${describe(el)} is cut off by ${describe(clipper)} (${Math.round(r.right)} > ${Math.round(c.right)}px)`);
      }
      const ox = getComputedStyle(el).overflowX;
      if (
        (ox === "auto" || ox === "scroll") &&
        el.scrollWidth > el.clientWidth + 1 &&
        (el as HTMLElement).tabIndex < 0 &&
        el.querySelector("button, a[href], input, select, textarea, [tabindex='0']") === null
      ) {
        found.push(`${describe(el)} scrolls sideways but cannot be reached by keyboard`);
      }
    }
    return [...new Set(found)];
  });
}
