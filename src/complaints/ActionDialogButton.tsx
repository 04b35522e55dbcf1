import { useState, type ReactElement, type ReactNode } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  type ButtonProps as MuiButtonProps,
} from '@mui/material';
import { Button, useNotify, useRefresh, useTranslate } from 'react-admin';
import { errorKeyOf } from './rpcError';

export interface ActionDialogButtonProps {
  /** i18n key of the button and of the dialog's confirm button */
  label: string;
  icon?: ReactElement;
  color?: MuiButtonProps['color'];
  variant?: 'text' | 'outlined' | 'contained';
  /** i18n key (or text) of the dialog title / explanation */
  title: string;
  titleArgs?: Record<string, unknown>;
  description?: string;
  /** the form fields; the parent keeps their state */
  children?: ReactNode;
  /** false while required inputs are missing (e.g. the reason) */
  canSubmit?: boolean;
  /** calls the RPC; a rejection is shown translated and nothing else happens */
  onSubmit: () => Promise<unknown>;
  /** i18n key shown after success */
  success: string;
  /** reset the parent's field state when the dialog opens or closes */
  onReset?: () => void;
  /** runs after success (default: refresh the page's data) */
  onDone?: () => void;
  disabled?: boolean;
}

/**
 * A button that opens a confirmation dialog (with optional fields such as a required reason),
 * then calls one RPC. Used by every state change of the customer service screens.
 */
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
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const close = () => {
    if (busy) return;
    setOpen(false);
    onReset?.();
  };
  const submit = async () => {
    setBusy(true);
    try {
      await onSubmit();
      notify(success, { type: 'success' });
      setOpen(false);
      onReset?.();
      if (onDone) onDone();
      else refresh();
    } catch (e) {
      const { key, fallback } = errorKeyOf(e);
      notify(key, { type: 'error', messageArgs: { _: fallback } });
    } finally {
      setBusy(false);
    }
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
      <Dialog open={open} onClose={close} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm">
        <DialogTitle>{translate(title, titleArgs)}</DialogTitle>
        <DialogContent>
          {description ? <DialogContentText sx={{ mb: 1 }}>{translate(description)}</DialogContentText> : null}
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </MuiButton>
          <MuiButton variant="contained" color={color} disabled={busy || !canSubmit} onClick={submit}>
            {translate(label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
