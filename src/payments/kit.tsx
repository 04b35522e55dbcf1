// Small pieces every finance screen shares: the refusal → translated message rule, a
// confirmation dialog that asks for a reason (or a reference), a totals strip, Beijing-day
// date filters and coloured state chips.
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Paper,
  TextField,
  Typography,
  type ChipProps,
} from '@mui/material';
import { DateInput, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import { formatDate, shanghaiDayBound } from '../common/datetime';

const CODE = /^[a-z][a-z0-9_]*$/;

/**
 * The i18n key for a refusal: the database's stable code (message of an RPC error, or
 * `{ error: { code } }` of an edge function) under `errors.<code>`; else the message.
 */
export function refusalKey(error: unknown): string {
  const e = (error ?? {}) as { message?: unknown; body?: unknown };
  if (typeof e.message === 'string' && e.message.startsWith('errors.')) return e.message;
  const body = (e.body && typeof e.body === 'object' ? e.body : {}) as { message?: unknown; error?: { code?: unknown } };
  for (const c of [body.error?.code, body.message, e.message]) {
    if (typeof c === 'string' && CODE.test(c)) return `errors.${c}`;
  }
  return typeof e.message === 'string' && e.message ? e.message : 'errors.unknown';
}

/** notify(error) with the translated refusal (falls back to errors.unknown for unknown codes). */
export function useRefusalNotify(): (error: unknown) => void {
  const notify = useNotify();
  const translate = useTranslate();
  return (error) => {
    const key = refusalKey(error);
    notify(key, { type: 'error', messageArgs: { _: key.startsWith('errors.') ? translate('errors.unknown') : key } });
  };
}

export interface DialogField {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  /** a regular expression the trimmed value must match */
  pattern?: RegExp;
  helperText?: string;
}

/**
 * A confirmation for an irreversible action: a title, what will happen, and the inputs it
 * needs (a reason, a payout reference). The confirm button stays disabled until every
 * required input is filled in; errors are left to the caller (dialog stays open).
 */
export const ConfirmDialog = (props: {
  open: boolean;
  title: string;
  content?: ReactNode;
  fields?: DialogField[];
  confirmLabel: string;
  color?: 'primary' | 'error' | 'warning' | 'success';
  onClose: () => void;
  onConfirm: (values: Record<string, string>) => Promise<void>;
}) => {
  const translate = useTranslate();
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const fields = props.fields ?? [];
  const valid = fields.every((f) => {
    const v = (values[f.name] ?? '').trim();
    if (f.required && !v) return false;
    return !v || !f.pattern || f.pattern.test(v);
  });
  const close = () => {
    if (busy) return;
    setValues({});
    props.onClose();
  };
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm(Object.fromEntries(fields.map((f) => [f.name, (values[f.name] ?? '').trim()])));
      setValues({});
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={props.open} onClose={close} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="sm">
      <DialogTitle>{props.title}</DialogTitle>
      <DialogContent>
        {typeof props.content === 'string' ? <DialogContentText>{props.content}</DialogContentText> : props.content}
        {fields.map((f, i) => (
          <TextField
            key={f.name}
            name={f.name}
            autoFocus={i === 0}
            required={f.required}
            fullWidth
            multiline={f.multiline}
            minRows={f.multiline ? 2 : undefined}
            margin="normal"
            label={f.label}
            helperText={f.helperText}
            value={values[f.name] ?? ''}
            onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        ))}
        {busy ? <LinearProgress sx={{ mt: 2 }} /> : null}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </MuiButton>
        <MuiButton variant="contained" color={props.color ?? 'primary'} disabled={busy || !valid} onClick={confirm}>
          {props.confirmLabel}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};

export interface TotalItem {
  label: string;
  fen?: number | string | null;
  count?: number | string | null;
}

/** A row of figures above a list (counts and ¥ amounts computed by the database). */
export const TotalsBar = ({ items, loading, error }: { items: TotalItem[]; loading?: boolean; error?: string }) => (
  <Paper variant="outlined" sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, px: 2, py: 1, mb: 1 }} data-testid="totals">
    {error ? (
      <Alert severity="warning" sx={{ flex: 1 }}>
        {error}
      </Alert>
    ) : (
      items.map((item) => (
        <Box key={item.label}>
          <Typography variant="caption" color="text.secondary" component="div">
            {item.label}
          </Typography>
          <Typography variant="subtitle1" sx={{ fontVariantNumeric: 'tabular-nums' }} data-total={item.label}>
            {loading ? '…' : item.fen !== undefined ? formatFen(item.fen ?? 0) : Number(item.count ?? 0).toLocaleString('zh-CN')}
          </Typography>
        </Box>
      ))
    )}
  </Paper>
);

/** Two date inputs that filter `source` by whole Beijing days (gte start, lte end). */
export function dayRangeFilters(source: string, labels: { from: string; to: string }) {
  return [
    <DateInput
      key={`${source}@gte`}
      source={`${source}@gte`}
      label={labels.from}
      parse={(v: string) => (v ? shanghaiDayBound(v, 'start') : null)}
      format={(v: string | null) => (v ? formatDate(v) : '')}
    />,
    <DateInput
      key={`${source}@lte`}
      source={`${source}@lte`}
      label={labels.to}
      parse={(v: string) => (v ? shanghaiDayBound(v, 'end') : null)}
      format={(v: string | null) => (v ? formatDate(v) : '')}
    />,
  ];
}

/** A translated state chip: `<prefix>.<value>` with a colour per value. */
export const StateChip = (props: {
  source: string;
  prefix: string;
  colors?: Record<string, ChipProps['color']>;
  label?: string | false;
}) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[props.source];
  if (value === null || value === undefined) return null;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={props.colors?.[String(value)] ?? 'default'}
      label={translate(`${props.prefix}.${value}`, { _: String(value) })}
    />
  );
};

/** Choices for a SelectInput from an enum's values, labelled `<prefix>.<value>`. */
export const choicesOf = (values: readonly string[], prefix: string) =>
  values.map((id) => ({ id, name: `${prefix}.${id}` }));

/** Today in Beijing, shifted by `days` (YYYY-MM-DD). */
export function beijingDay(days = 0, now = Date.now()): string {
  return new Date(now + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
