// The free-text note of the decision dialogs (approve, reject, delist, request more
// information): one label, one length limit, the same accessible name everywhere.
import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

export function NoteField({
  value,
  onChange,
  helperKey = 'common.dialog.note_help',
  maxLength = 500,
}: {
  value: string;
  onChange: (value: string) => void;
  helperKey?: string;
  maxLength?: number;
}) {
  const translate = useTranslate();
  const label = translate('common.dialog.note');
  return (
    <TextField
      fullWidth
      multiline
      minRows={2}
      margin="normal"
      label={label}
      helperText={translate(helperKey)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: { maxLength, 'aria-label': label } }}
    />
  );
}
