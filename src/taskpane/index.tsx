import { renderApp } from "./render";

// Inside Office, wait for Office.js before rendering; outside Office (e.g. the page
// opened directly in a browser) render straight away.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => renderApp());
} else {
  renderApp();
}
