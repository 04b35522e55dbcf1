// A calendar day typed or picked, always shown as YYYY-MM-DD (the form every date on screen
// has). The browser's own date input shows its operating system's order (mm/dd/yyyy on an
// English Chrome) whatever the page's language, so the text box is ours; the calendar button
// opens the browser's picker on a hidden native input.
import { useRef, useState } from 'react';
import { IconButton, InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { useInput, useTranslate, type InputProps } from 'react-admin';

/** "2026-11-23", "2026/11/23", "2026.11.23" or "20261123" → "2026-11-23"; null when not a real day. */
export function normaliseDay(text: string): string | null {
  const m = text.trim().match(/^(\d{4})[-/.]?(\d{1,2})[-/.]?(\d{1,2})$/);
  if (!m) return null;
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : null;
}

export interface DayTextFieldProps extends Omit<TextFieldProps, 'value' | 'onChange' | 'type'> {
  value: string;
  /** a valid day, or '' when cleared */
  onChange: (day: string) => void;
}

/** A controlled day field: the text box (YYYY-MM-DD) and a calendar button. */
export const DayTextField = ({ value, onChange, disabled, slotProps, ...rest }: DayTextFieldProps) => {
  const translate = useTranslate();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [touched, setTouched] = useState(false);
  // a value set from outside (a preset, a reset) replaces what is typed
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const invalid = touched && text !== '' && normaliseDay(text) === null;
  const commit = (next: string) => {
    setText(next);
    if (next === '') onChange('');
    else {
      const day = normaliseDay(next);
      if (day) onChange(day);
    }
  };
  return (
    <TextField
      {...rest}
      disabled={disabled}
      value={text}
      placeholder="YYYY-MM-DD"
      error={invalid || rest.error}
      helperText={invalid ? translate('validation.day') : rest.helperText}
      onChange={(e) => commit(e.target.value)}
      onBlur={() => {
        setTouched(true);
        const day = normaliseDay(text);
        if (day && day !== text) setText(day);
      }}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true },
        htmlInput: { inputMode: 'numeric', maxLength: 10, 'data-day-input': true, ...(slotProps?.htmlInput as object) },
        input: {
          endAdornment: (
            <InputAdornment position="end" sx={{ position: 'relative' }}>
              <IconButton
                size="small"
                edge="end"
                disabled={disabled}
                aria-label={translate('validation.pick_day')}
                onClick={() => picker.current?.showPicker?.()}
              >
                <CalendarMonthIcon fontSize="small" />
              </IconButton>
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                value={normaliseDay(text) ?? ''}
                onChange={(e) => commit(e.target.value)}
                style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, pointerEvents: 'none', border: 0, padding: 0 }}
              />
            </InputAdornment>
          ),
        },
      }}
    />
  );
};

/** The react-admin input (filters, forms): a day through the input's own format/parse. */
export const DayInput = (props: InputProps & { label?: string; alwaysOn?: boolean; sx?: TextFieldProps['sx'] }) => {
  const { field, fieldState } = useInput(props);
  const translate = useTranslate();
  const label = typeof props.label === 'string' ? translate(props.label, { _: props.label }) : undefined;
  return (
    <DayTextField
      name={field.name}
      label={label}
      value={String(field.value ?? '')}
      onChange={(day) => field.onChange(day)}
      error={!!fieldState.error}
      size="small"
      sx={{ minWidth: 170, ...props.sx }}
    />
  );
};
