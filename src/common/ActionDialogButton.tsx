// A button that opens the action dialog with inputs of its own (a required reason, a choice),
// then calls one RPC: on success a message and a refresh, on refusal the reason, notified.
import { useState, type ReactElement, type ReactNode } from 'react';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog, type ActionDialogProps } from './ActionDialog';
import { useNotifyRefusal } from './refusal';

export interface ActionDialogButtonProps {
  /** i18n key of the button and of the dialog's confirm button */
  label: string;
  icon?: ReactElement;
  color?: ActionDialogProps['color'];
  variant?: 'text' | 'outlined' | 'contained';
  /** i18n key of the dialog title / explanation */
  title: string;
  titleArgs?: Record<string, unknown>;
  description?: string;
  /** the inputs; the parent keeps their state */
  children?: ReactNode;
  /** false while required inputs are missing (e.g. the reason) */
  canSubmit?: boolean;
  /** calls the RPC */
  onSubmit: () => Promise<unknown>;
  /** i18n key shown after success */
  success: string;
  /** reset the parent's input state when the dialog opens or closes */
  onReset?: () => void;
  /** runs after success (default: refresh the page's data) */
  onDone?: () => void;
  disabled?: boolean;
}

export const ActionDialogButton = ({
  label,
  icon,
  color = 'primary',
  variant = 'text',
  title,
  titleArgs,
  description,
  children,
  canSubmit = true,
  onSubmit,
  success,
  onReset,
  onDone,
  disabled,
}: ActionDialogButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const close = () => {
    setOpen(false);
    onReset?.();
  };

  return (
    <>
      <Button
        label={label}
        color={color}
        variant={variant}
        disabled={disabled}
        onClick={(e) => {
          e.stopPropagation();
          onReset?.();
          setOpen(true);
        }}
      >
        {icon}
      </Button>
      <ActionDialog
        open={open}
        title={translate(title, titleArgs)}
        content={description ? translate(description) : undefined}
        canConfirm={canSubmit}
        confirmLabel={translate(label)}
        color={color}
        onClose={close}
        onConfirm={async () => {
          try {
            await onSubmit();
          } catch (e) {
            notifyRefusal(e);
            return;
          }
          notify(success, { type: 'success' });
          close();
          if (onDone) onDone();
          else refresh();
        }}
      >
        {children}
      </ActionDialog>
    </>
  );
};
