import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The two themes the task pane can show. */
export type ThemeName = "light" | "dark";

/** The part of `Office.context.officeTheme` the task pane reads (kept structural so tests need no Office.js). */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  /** Present in newer Office builds. */
  readonly isDarkTheme?: boolean;
}

/** Relative luminance (0 black … 1 white) of a `#rrggbb` colour, or undefined if it is not one. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "0", 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Chooses light or dark from the Office theme: `isDarkTheme` where Office
 * reports it, otherwise a dark body background. No Office theme (the browser
 * preview, tests) means light.
 */
export function themeFromOffice(officeTheme: OfficeThemeColours | undefined): ThemeName {
  if (!officeTheme) return "light";
  if (typeof officeTheme.isDarkTheme === "boolean") return officeTheme.isDarkTheme ? "dark" : "light";
  const l = officeTheme.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : undefined;
  return l !== undefined && l < 0.5 ? "dark" : "light";
}

/** The Fluent theme object for a theme name. */
export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}
