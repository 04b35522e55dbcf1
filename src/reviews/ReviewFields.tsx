import { Chip, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** 1–5 stars as ★ (a low score in the error colour, so spam-like 1-star waves stand out). */
export const StarsField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ stars: number }>();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" title={String(record.stars)}
      sx={{ color: record.stars <= 2 ? 'error.main' : 'warning.main', whiteSpace: 'nowrap', letterSpacing: 1 }}>
      {'★'.repeat(record.stars)}
      <Typography component="span" variant="body2" sx={{ color: 'text.disabled' }}>{'★'.repeat(5 - record.stars)}</Typography>
    </Typography>
  );
};

export const VisibilityField = (_props: { source?: string; label?: string }) => {
  const record = useRecordContext<{ visibility: string; hidden_reason?: string | null }>();
  const translate = useTranslate();
  if (!record) return null;
  const hidden = record.visibility === 'hidden';
  const label = translate(`resources.merchant_reviews.visibility.${record.visibility}`)
    + (hidden && record.hidden_reason ? ` · ${translate(`resources.merchant_reviews.reasons.${record.hidden_reason}`)}` : '');
  return <Chip size="small" label={label} color={hidden ? 'default' : 'success'} variant={hidden ? 'filled' : 'outlined'} />;
};
