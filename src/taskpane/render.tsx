import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

/** Mounts the task pane app into `#container`. */
export function renderApp(): void {
  const container = document.getElementById("container");
  if (!container) {
    throw new Error("Missing #container element");
  }
  createRoot(container).render(
    <React.StrictMode>
      <App />
    </React.StrictMode>,
  );
}
