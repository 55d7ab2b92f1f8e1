/** The task pane's screens, in the order a user meets them. */
export const SCREENS = ["start", "check", "run", "budget", "scenarios", "explain", "support"] as const;

/** One of {@link SCREENS}. */
export type ScreenId = (typeof SCREENS)[number];

/** The tab label of each screen. */
export const SCREEN_LABELS: Readonly<Record<ScreenId, string>> = {
  start: "Start",
  check: "Check",
  run: "Run",
  budget: "Budget",
  scenarios: "Scenarios",
  explain: "Explain",
  support: "Support",
};

/** True for a known screen id. */
export function isScreenId(value: unknown): value is ScreenId {
  return typeof value === "string" && (SCREENS as readonly string[]).includes(value);
}
