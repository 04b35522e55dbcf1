import { TextField } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A 6-digit one-time code input (numeric keyboard, autofill from authenticator apps). */
export const CodeField = ({ value, onChange, error, autoFocus }: { value: string; onChange: (v: string) => void; error?: string; autoFocus?: boolean }) => {
  const translate = useTranslate();
  return (
    <TextField
      label={translate('security.code')}
      name="code"
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\D/g, '').slice(0, 6))}
      autoFocus={autoFocus}
      autoComplete="one-time-code"
      error={!!error}
      helperText={error ? translate(error) : ' '}
      slotProps={{ htmlInput: { inputMode: 'numeric', pattern: '[0-9]*', maxLength: 6 } }}
      fullWidth
    />
  );
};
