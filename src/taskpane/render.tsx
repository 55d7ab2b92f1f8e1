import * as React from "react";
import { createRoot } from "react-dom/client";

/** Mounts a React element into `#container` (the task pane page's root). */
export function renderInto(element: React.ReactElement): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("Missing #container element");
  }
  createRoot(container).render(<React.StrictMode>{element}</React.StrictMode>);
}
