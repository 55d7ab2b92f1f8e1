import * as React from "react";
import { Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import { problemLine, type Problem } from "../../app";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  warning: {
    borderLeftColor: tokens.colorPaletteYellowBorder2,
  },
  link: {
    textAlign: "start",
  },
});

/** Props for {@link ProblemList}. */
export interface ProblemListProps {
  readonly problems: readonly Problem[];
  /** Called with the problem's address when the user activates it. */
  readonly onSelect: (address: string) => void;
  readonly label: string;
}

/**
 * A list of problems; each one with a cell is a link-button that selects the
 * cell in the workbook (Enter or Space from the keyboard).
 */
export function ProblemList({ problems, onSelect, label }: ProblemListProps): React.JSX.Element {
  const c = useStyles();
  return (
    <ul className={c.list} aria-label={label}>
      {problems.map((p) => (
        <li key={p.key} className={p.severity === "warning" ? `${c.item} ${c.warning}` : c.item}>
          {p.address !== undefined ? (
            <Link as="button" className={c.link} onClick={() => onSelect(p.address as string)} title={`Select ${p.address}`}>
              {problemLine(p)}
            </Link>
          ) : (
            <Caption1>{problemLine(p)}</Caption1>
          )}
        </li>
      ))}
    </ul>
  );
}
