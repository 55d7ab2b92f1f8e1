import { describe, expect, it } from "vitest";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentTheme, themeFromOffice } from "../../src/taskpane/theme";

describe("themeFromOffice", () => {
  it("is light outside Office", () => {
    expect(themeFromOffice(undefined)).toBe("light");
  });
  it("follows isDarkTheme where Office reports it", () => {
    expect(themeFromOffice({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe("dark");
    expect(themeFromOffice({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe("light");
  });
  it("falls back to the body background's luminance", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "not a colour" })).toBe("light");
  });
  it("maps to Fluent's web themes", () => {
    expect(fluentTheme("dark")).toBe(webDarkTheme);
    expect(fluentTheme("light")).toBe(webLightTheme);
  });
});
