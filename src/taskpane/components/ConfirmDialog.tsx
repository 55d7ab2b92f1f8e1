import * as React from "react";
import { Body1, Button, Subtitle1, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  dialog: {
    boxSizing: "border-box",
    maxWidth: "min(420px, calc(100vw - 24px))",
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    fontFamily: tokens.fontFamilyBase,
    "::backdrop": { backgroundColor: "rgba(0, 0, 0, 0.4)" },
  },
  body: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

/** Props for {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  readonly open: boolean;
  readonly title: string;
  /** The question, in the workbook layer's or engine's words where they have them. */
  readonly message: string;
  readonly confirmText: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/**
 * A modal yes/no question (an alert dialog). Focus starts on Cancel, the safe
 * answer: the question is always about replacing something, so Enter must
 * never replace it by accident. Escape cancels.
 *
 * A native `<dialog>` shown with showModal(): the browser makes the rest of the
 * page inert and keeps focus inside, with no focus sentinels (Fluent's Dialog
 * adds `<i aria-hidden tabindex=0>` elements that screen-reader checks flag).
 * Where showModal() is missing (jsdom) it opens in place, non-modal.
 */
export function ConfirmDialog({ open, title, message, confirmText, onConfirm, onCancel }: ConfirmDialogProps): React.JSX.Element | null {
  const c = useStyles();
  const ids = React.useId();
  const dialog = React.useRef<HTMLDialogElement>(null);
  const cancel = React.useRef<HTMLButtonElement>(null);
  const isOpen = React.useRef(open);
  isOpen.current = open;
  // Mounted only while open: shown modally on mount; unmounting an open modal dialog closes it.
  React.useEffect(() => {
    const d = dialog.current;
    if (!open || !d || d.open) return;
    if (typeof d.showModal === "function") d.showModal();
    else d.setAttribute("open", "");
    cancel.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <dialog
      ref={dialog}
      className={c.dialog}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-message`}
      // Escape: the browser fires "cancel"; the parent decides (the dialog closes when `open` turns false).
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      // Closed by the browser itself (a repeated Escape): tell the parent, or its state would say open.
      onClose={() => {
        if (isOpen.current) onCancel();
      }}
    >
      <div className={c.body}>
        <Subtitle1 as="h2" id={`${ids}-title`}>
          {title}
        </Subtitle1>
        <Body1 id={`${ids}-message`}>{message}</Body1>
        <div className={c.actions}>
          <Button appearance="primary" onClick={onConfirm}>
            {confirmText}
          </Button>
          <Button ref={cancel} onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
    </dialog>
  );
}
