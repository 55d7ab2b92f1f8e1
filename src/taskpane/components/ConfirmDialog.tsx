import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";

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
 * A modal yes/no question (an alert dialog: focus is trapped and Escape
 * cancels). Focus starts on Cancel, the safe answer: the question is always
 * about replacing something, so Enter must never replace it by accident.
 */
export function ConfirmDialog({ open, title, message, confirmText, onConfirm, onCancel }: ConfirmDialogProps): React.JSX.Element {
  const cancel = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => {
    if (open) cancel.current?.focus();
  }, [open]);
  return (
    <Dialog modalType="alert" open={open} onOpenChange={(_, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface aria-describedby="confirm-dialog-message">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id="confirm-dialog-message">{message}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {confirmText}
            </Button>
            <Button ref={cancel} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
