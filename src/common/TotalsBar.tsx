// A row of figures above a list (counts and ¥ amounts the database computed for the list's
// current filter, see useListTotals).
import type { ReactNode } from 'react';
import { Alert, Box, Paper, Typography } from '@mui/material';
import { formatFen } from './money';
import { useRefusal } from './refusal';

export interface TotalItem {
  /** data-testid `totals-<id>` */
  id: string;
  label: string;
  /** an amount in fen, a count, or a text of its own ("12 / 30") */
  fen?: number | string | null;
  count?: number | string | null;
  text?: string;
}

const shown = (item: TotalItem) =>
  'text' in item ? (item.text ?? '…') : 'fen' in item ? formatFen(item.fen ?? 0) : Number(item.count ?? 0).toLocaleString('zh-CN');

interface TotalsBarProps {
  items: TotalItem[];
  loading?: boolean;
  /** the totals RPC's refusal, shown instead of the figures */
  error?: unknown;
  /** a caveat under the figures */
  note?: ReactNode;
}

export const TotalsBar = ({ items, loading, error, note }: TotalsBarProps) => {
  const refusal = useRefusal();
  return (
    <Paper variant="outlined" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 3, px: 2, py: 1, mb: 1 }} data-testid="totals">
      {error ? (
        <Alert severity="warning" sx={{ flex: 1 }}>
          {refusal(error)}
        </Alert>
      ) : (
        items.map((item) => (
          <Box key={item.id}>
            <Typography variant="caption" color="text.secondary" component="div">
              {item.label}
            </Typography>
            <Typography variant="subtitle1" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`totals-${item.id}`}>
              {loading ? '…' : shown(item)}
            </Typography>
          </Box>
        ))
      )}
      {note && !error ? (
        <Typography variant="caption" color="warning.main" sx={{ flexBasis: '100%' }}>
          {note}
        </Typography>
      ) : null}
    </Paper>
  );
};
