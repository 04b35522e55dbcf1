import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControlLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { NoteField } from '../common/NoteField';
import { INFO_GROUPS, infoDocuments } from './choices';

export const COMMENT_MAX = 500;

/** The label of a field-comment key: an application column, else a document type, else the key itself. */
export function fieldLabel(translate: TranslateFunction, key: string): string {
  return (
    translate(`resources.merchant_applications.fields.${key}`, { _: '' }) ||
    translate(`resources.merchant_applications.doc_types.${key}`, { _: key })
  );
}

/**
 * The p_field_comments object from the ticked fields and their texts, or null when it cannot
 * be sent: nothing ticked, a ticked field without a comment, or a comment over 500 characters.
 */
export function fieldCommentsOf(ticked: readonly string[], texts: Record<string, string>): Record<string, string> | null {
  if (ticked.length === 0) return null;
  const out: Record<string, string> = {};
  for (const key of ticked) {
    const text = (texts[key] ?? '').trim();
    if (!text || text.length > COMMENT_MAX) return null;
    out[key] = text;
  }
  return out;
}

interface Props {
  open: boolean;
  name: string;
  kind: string | null;
  onClose: () => void;
  /** rejects with an already-translated message to keep the dialog open and show it */
  onConfirm: (fieldComments: Record<string, string>, note: string) => Promise<void>;
}

/** 要求补充材料: the reviewer ticks the fields to correct and writes a comment for each. */
export const RequestInfoDialog = ({ open, name, kind, onClose, onConfirm }: Props) => {
  const translate = useTranslate();
  const [ticked, setTicked] = useState<string[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const comments = fieldCommentsOf(ticked, texts);
  const groups: [string, readonly string[]][] = [
    ['identity', INFO_GROUPS.identity],
    ['contact', INFO_GROUPS.contact],
    ['documents', infoDocuments(kind)],
  ];

  const reset = () => {
    setTicked([]);
    setTexts({});
    setNote('');
    setError(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    onClose();
  };
  const toggle = (key: string, on: boolean) => setTicked((t) => (on ? [...t.filter((k) => k !== key), key] : t.filter((k) => k !== key)));
  const submit = async () => {
    if (!comments) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(comments, note.trim());
      reset();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="md" scroll="paper">
      <DialogTitle>{translate('resources.merchant_applications.dialog.request_info_title', { name })}</DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 1 }}>{translate('resources.merchant_applications.dialog.request_info_content')}</DialogContentText>
        {groups.map(([group, keys]) => (
          <Box key={group} sx={{ mb: 1 }}>
            <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 1 }}>
              {translate(`resources.merchant_applications.dialog.info_groups.${group}`)}
            </Typography>
            {keys.map((key) => {
              const label = fieldLabel(translate, key);
              const on = ticked.includes(key);
              const text = texts[key] ?? '';
              return (
                <Box key={key}>
                  <FormControlLabel
                    control={<Checkbox checked={on} onChange={(e) => toggle(key, e.target.checked)} />}
                    label={label}
                  />
                  {on ? (
                    <TextField
                      fullWidth
                      required
                      multiline
                      autoFocus
                      size="small"
                      sx={{ mb: 1, pl: 4 }}
                      label={translate('resources.merchant_applications.dialog.field_comment', { field: label })}
                      value={text}
                      error={text.trim() === '' || text.length > COMMENT_MAX}
                      helperText={translate('resources.merchant_applications.dialog.field_comment_help', { max: COMMENT_MAX })}
                      onChange={(e) => setTexts((t) => ({ ...t, [key]: e.target.value }))}
                      slotProps={{ htmlInput: { maxLength: COMMENT_MAX } }}
                    />
                  ) : null}
                </Box>
              );
            })}
          </Box>
        ))}
        <NoteField value={note} onChange={setNote} maxLength={COMMENT_MAX} />
        {ticked.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('resources.merchant_applications.dialog.request_info_pick')}
          </Typography>
        ) : null}
        {error ? (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color="secondary" disabled={busy || !comments} onClick={submit}>
          {translate('resources.merchant_applications.actions.request_info')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
