import { renderApp } from "./render";

// Browser preview: the same React app without Office.js (no CDN script is loaded).
renderApp();
