import * as React from "react";
import { Body1, Subtitle1 } from "@fluentui/react-components";

/** Props for {@link ScreenHeading}. */
export interface ScreenHeadingProps {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
}

/** A screen's heading (h2, focusable so navigation can move focus to it) and a one-line introduction. */
export function ScreenHeading({ id, title, intro }: ScreenHeadingProps): React.JSX.Element {
  return (
    <div>
      <Subtitle1 as="h2" id={id} tabIndex={-1}>
        {title}
      </Subtitle1>
      {intro !== undefined && (
        <div>
          <Body1>{intro}</Body1>
        </div>
      )}
    </div>
  );
}
