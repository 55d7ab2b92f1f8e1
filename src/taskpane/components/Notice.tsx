import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, type MessageBarIntent } from "@fluentui/react-components";

/** Props for {@link Notice}. */
export interface NoticeProps {
  readonly intent: MessageBarIntent;
  readonly title?: string;
  readonly children?: React.ReactNode;
  /**
   * Move focus to the notice when it appears: for the outcome of something the user just did
   * (Calculate, Write, a confirmed dialog), so keyboard and screen-reader users land on the
   * result instead of <body> (the button they pressed is often disabled or gone by then).
   */
  readonly focusOnShow?: boolean;
}

/** A message bar that wraps long text (task panes are narrow). Errors are announced assertively by Fluent. */
export function Notice({ intent, title, children, focusOnShow = false }: NoticeProps): React.JSX.Element {
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focusOnShow) ref.current?.focus();
    // Once, when the notice appears: re-renders must not pull focus back.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately once, on mount
  }, []);
  return (
    <MessageBar ref={ref} intent={intent} layout="multiline" tabIndex={focusOnShow ? -1 : undefined}>
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
