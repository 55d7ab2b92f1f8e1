import * as React from "react";
import { Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { SCREENS, SCREEN_LABELS, isScreenId, type ScreenId } from "./screens/screen-ids";
import { StartScreen } from "./screens/StartScreen";
import { CheckScreen } from "./screens/CheckScreen";
import { NavigateContext } from "./navigation";
import { TabBar } from "./components/TabBar";

// Secondary screens load on first use, keeping the task pane's first paint small.
const RunScreen = React.lazy(() => import("./screens/RunScreen").then((m) => ({ default: m.RunScreen })));
const BudgetScreen = React.lazy(() => import("./screens/BudgetScreen").then((m) => ({ default: m.BudgetScreen })));
const SupportScreen = React.lazy(() => import("./screens/SupportScreen").then((m) => ({ default: m.SupportScreen })));
const ScenariosScreen = React.lazy(() => import("./screens/ScenariosScreen").then((m) => ({ default: m.ScenariosScreen })));
const ExplainScreen = React.lazy(() => import("./screens/ExplainScreen").then((m) => ({ default: m.ExplainScreen })));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100%",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`,
  },
  tabs: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const TAB_ITEMS = SCREENS.map((id) => ({ id, label: SCREEN_LABELS[id] }));

/** Props for {@link Shell}. */
export interface ShellProps {
  readonly initialScreen?: ScreenId;
}

/** The screen switcher: a title, a tab per screen, and the selected screen as the tab panel. */
export function Shell({ initialScreen = "start" }: ShellProps): React.JSX.Element {
  const c = useStyles();
  const [screen, setScreen] = React.useState<ScreenId>(initialScreen);
  const onTabSelect = React.useCallback((id: string) => {
    if (isScreenId(id)) setScreen(id);
  }, []);
  // Screens that send the user on (Check → Run) also move focus to the new screen's heading.
  const navigate = React.useCallback((next: ScreenId) => {
    setScreen(next);
    focusHeading.current = next;
  }, []);
  const focusHeading = React.useRef<ScreenId | undefined>(undefined);
  React.useEffect(() => {
    if (focusHeading.current !== screen) return;
    const timer = setInterval(() => {
      const heading = document.getElementById(`${screen}-title`);
      if (heading) {
        heading.focus();
        focusHeading.current = undefined;
        clearInterval(timer);
      }
    }, 50);
    return () => clearInterval(timer);
  }, [screen]);
  return (
    <div className={c.root}>
      <header className={c.header}>
        <Title3 as="h1">Shared cost apportionment</Title3>
      </header>
      <nav aria-label="Screens">
        <TabBar label="Screens" className={c.tabs} items={TAB_ITEMS} selected={screen} onSelect={onTabSelect} idPrefix="" />
      </nav>
      <main>
        <div role="tabpanel" id={`panel-${screen}`} aria-labelledby={`tab-${screen}`}>
          <NavigateContext.Provider value={navigate}>
            <React.Suspense fallback={<Spinner size="small" label="Loading…" />}>{renderScreen(screen)}</React.Suspense>
          </NavigateContext.Provider>
        </div>
      </main>
    </div>
  );
}

function renderScreen(screen: ScreenId): React.JSX.Element {
  switch (screen) {
    case "start":
      return <StartScreen />;
    case "check":
      return <CheckScreen />;
    case "run":
      return <RunScreen />;
    case "budget":
      return <BudgetScreen />;
    case "support":
      return <SupportScreen />;
    case "scenarios":
      return <ScenariosScreen />;
    case "explain":
      return <ExplainScreen />;
  }
}
