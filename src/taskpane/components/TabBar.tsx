import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: {
    display: "flex",
    // Seven tabs need about 430 px: in a narrower pane they wrap onto a second line, every tab in view.
    flexWrap: "wrap",
    columnGap: "0",
    maxWidth: "100%",
  },
  tab: {
    // Never shrunk (a clipped "Explai" reads as a typo): the list wraps instead.
    flex: "0 0 auto",
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    border: "none",
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: "nowrap",
    cursor: "pointer",
    ":hover": {
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorSubtleBackgroundHover,
    },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `-${tokens.strokeWidthThick}`,
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
});

/** One tab of a {@link TabBar}. */
export interface TabItem {
  readonly id: string;
  readonly label: string;
}

/** Props for {@link TabBar}. */
export interface TabBarProps {
  /** The tab list's accessible name. */
  readonly label: string;
  readonly items: readonly TabItem[];
  readonly selected: string | undefined;
  readonly onSelect: (id: string) => void;
  /** When set, tab ids are `${idPrefix}tab-${id}` and each tab controls `${idPrefix}panel-${id}`. */
  readonly idPrefix?: string;
  readonly className?: string;
}

/**
 * A WAI-ARIA tab list (manual activation): Tab reaches the selected tab, the
 * arrow keys, Home and End move focus between tabs, Enter or Space opens one.
 * Written here rather than Fluent's TabList because that one adds focus
 * sentinels (`<i aria-hidden tabindex=0>`) that screen-reader checks rightly
 * flag. In a pane too narrow for every tab it wraps onto a second line, so no
 * tab is ever out of sight.
 */
export function TabBar({ label, items, selected, onSelect, idPrefix, className }: TabBarProps): React.JSX.Element {
  const c = useStyles();
  const refs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const focusable = items.some((t) => t.id === selected) ? selected : items[0]?.id;
  const onKeyDown = (e: React.KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const last = items.length - 1;
    const next =
      e.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : e.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? last
              : undefined;
    if (next === undefined) return;
    e.preventDefault();
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={mergeClasses(c.list, className)}>
      {items.map((t, i) => {
        const isSelected = t.id === selected;
        return (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={idPrefix !== undefined ? `${idPrefix}tab-${t.id}` : undefined}
            aria-controls={idPrefix !== undefined && isSelected ? `${idPrefix}panel-${t.id}` : undefined}
            aria-selected={isSelected}
            tabIndex={t.id === focusable ? 0 : -1}
            className={mergeClasses(c.tab, isSelected && c.selected)}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
