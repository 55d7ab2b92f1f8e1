import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, type MessageBarIntent } from "@fluentui/react-components";

/** Props for {@link Notice}. */
export interface NoticeProps {
  readonly intent: MessageBarIntent;
  readonly title?: string;
  readonly children?: React.ReactNode;
}

/** A message bar that wraps long text (task panes are narrow). Errors are announced assertively by Fluent. */
export function Notice({ intent, title, children }: NoticeProps): React.JSX.Element {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
