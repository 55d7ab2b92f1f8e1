import * as React from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SCREEN_LABELS, type ScreenId } from "../screens/screen-ids";

const useStyles = makeStyles({
  guide: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  name: { fontWeight: tokens.fontWeightSemibold },
  // Subtitle2's type ramp on a plain h3 (Fluent's text presets take no ref to focus).
  title: {
    margin: 0,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** What each screen is for, in the order a user meets them (the guide's steps). */
export const GUIDE_STEPS: readonly {
  readonly screen: ScreenId;
  readonly text: string;
}[] = [
  {
    screen: "start",
    text: "open the model in this workbook, or create one from a sample.",
  },
  {
    screen: "check",
    text: "every problem in the input tables; select one to go to its cell.",
  },
  {
    screen: "run",
    text: "calculate each partner's charges, preview them, then write the result sheets.",
  },
  {
    screen: "budget",
    text: "each partner's recharge against its budget, with the charges behind any line.",
  },
  {
    screen: "scenarios",
    text: "what-if versions of the model, compared with the base (do no harm).",
  },
  {
    screen: "explain",
    text: "how any charge or total was worked out, in plain words and to the penny.",
  },
  {
    screen: "support",
    text: "support services that serve each other: their flows, and each partner's charge under each method.",
  },
];

/** The storage key that remembers the guide was hidden. */
export const GUIDE_HIDDEN_KEY = "shared-apportion:first-run-guide-hidden";

/** True once the user has hidden the guide (storage unavailable, e.g. blocked: shown again). */
function readHidden(): boolean {
  try {
    return window.localStorage.getItem(GUIDE_HIDDEN_KEY) === "yes";
  } catch {
    return false;
  }
}

function writeHidden(hidden: boolean): void {
  try {
    if (hidden) window.localStorage.setItem(GUIDE_HIDDEN_KEY, "yes");
    else window.localStorage.removeItem(GUIDE_HIDDEN_KEY);
  } catch {
    // Not remembered: the guide shows again next time, which is harmless.
  }
}

/**
 * A short first-run guide: the screens in order and what each is for. Shown
 * until hidden; hiding it is remembered (localStorage, per add-in origin), and
 * "Show the guide" brings it back.
 */
export function FirstRunGuide(): React.JSX.Element {
  const c = useStyles();
  const [hidden, setHidden] = React.useState(readHidden);
  const show = React.useRef<HTMLButtonElement>(null);
  const heading = React.useRef<HTMLHeadingElement>(null);
  const moved = React.useRef(false);
  // After Hide or Show, keep focus on what replaced the button the user pressed.
  React.useEffect(() => {
    if (!moved.current) return;
    if (hidden) show.current?.focus();
    else heading.current?.focus();
  }, [hidden]);
  const set = (next: boolean): void => {
    moved.current = true;
    writeHidden(next);
    setHidden(next);
  };
  if (hidden) {
    return (
      <div>
        <Button ref={show} size="small" appearance="subtle" onClick={() => set(false)}>
          Show the guide
        </Button>
      </div>
    );
  }
  return (
    <section className={c.guide} aria-labelledby="guide-title">
      <h3 id="guide-title" ref={heading} tabIndex={-1} className={c.title}>
        How it works
      </h3>
      <ol className={c.steps}>
        {GUIDE_STEPS.map((step) => (
          <li key={step.screen}>
            <Text>
              <span className={c.name}>{SCREEN_LABELS[step.screen]}</span>: {step.text}
            </Text>
          </li>
        ))}
      </ol>
      <Text size={200}>The tabs above go to each screen, in this order.</Text>
      <div>
        <Button size="small" onClick={() => set(true)}>
          Hide the guide
        </Button>
      </div>
    </section>
  );
}
