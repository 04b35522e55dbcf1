import { useState } from 'react';
import { Box, Checkbox, FormControlLabel, TextField, Typography } from '@mui/material';
import { useTranslate, type TranslateFunction } from 'react-admin';
import { ActionDialog } from '../common/ActionDialog';
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
  /** a rejection keeps the dialog open and shows the refusal */
  onConfirm: (fieldComments: Record<string, string>, note: string) => Promise<void>;
}

/** 要求补充材料: the reviewer ticks the fields to correct and writes a comment for each. */
export const RequestInfoDialog = ({ open, name, kind, onClose, onConfirm }: Props) => {
  const translate = useTranslate();
  const [ticked, setTicked] = useState<string[]>([]);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const comments = fieldCommentsOf(ticked, texts);
  const groups: [string, readonly string[]][] = [
    ['identity', INFO_GROUPS.identity],
    ['contact', INFO_GROUPS.contact],
    ['documents', infoDocuments(kind)],
  ];

  const reset = () => {
    setTicked([]);
    setTexts({});
  };
  const toggle = (key: string, on: boolean) => setTicked((t) => (on ? [...t.filter((k) => k !== key), key] : t.filter((k) => k !== key)));

  return (
    <ActionDialog
      open={open}
      title={translate('resources.merchant_applications.dialog.request_info_title', { name })}
      content={translate('resources.merchant_applications.dialog.request_info_content')}
      note
      canConfirm={!!comments}
      confirmLabel={translate('resources.merchant_applications.actions.request_info')}
      color="secondary"
      maxWidth="md"
      onClose={() => {
        reset();
        onClose();
      }}
      onConfirm={async ({ note }) => {
        if (!comments) return;
        await onConfirm(comments, note);
        reset();
      }}
    >
      {groups.map(([group, keys]) => (
        <Box key={group}>
          <Typography variant="subtitle2" color="text.secondary">
            {translate(`resources.merchant_applications.dialog.info_groups.${group}`)}
          </Typography>
          {keys.map((key) => {
            const label = fieldLabel(translate, key);
            const on = ticked.includes(key);
            const text = texts[key] ?? '';
            return (
              <Box key={key}>
                <FormControlLabel control={<Checkbox checked={on} onChange={(e) => toggle(key, e.target.checked)} />} label={label} />
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
      {ticked.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.merchant_applications.dialog.request_info_pick')}
        </Typography>
      ) : null}
    </ActionDialog>
  );
};
