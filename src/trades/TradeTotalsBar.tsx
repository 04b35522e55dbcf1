import { Alert, Card, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import { formatFen } from '../common/money';
import type { AppDataProvider } from '../providers/dataProvider';
import { totalsFilter, unsupportedFilters } from './totals';
import { totals } from './api';

const Figure = ({ label, value, testId }: { label: string; value: string | undefined; testId: string }) => (
  <Grid size={{ xs: 6, md: 3 }}>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="h6" data-testid={testId} sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {value ?? <Skeleton width={100} />}
    </Typography>
  </Grid>
);

/** R-TRD-2: count, GMV and average of the trades matching the list's current filter (computed in SQL). */
export const TradeTotalsBar = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const filters = totalsFilter(filterValues);
  const { data, error } = useQuery({
    queryKey: ['trade_totals', filters],
    queryFn: () => totals(dataProvider, filters),
  });
  const unknown = unsupportedFilters(filterValues);
  const T = 'resources.trades.totals';
  if (error) return <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>;
  return (
    <Card variant="outlined" sx={{ mb: 1 }} data-testid="trade-totals">
      <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Grid container spacing={2}>
          <Figure testId="totals-count" label={translate(`${T}.count`)} value={data ? `${Number(data.closed_count)} / ${Number(data.trade_count)}` : undefined} />
          <Figure testId="totals-gmv" label={translate(`${T}.gmv`)} value={data ? formatFen(data.gmv_fen) : undefined} />
          <Figure testId="totals-avg" label={translate(`${T}.avg`)} value={data ? formatFen(data.avg_fen) : undefined} />
          <Figure testId="totals-refunded" label={translate(`${T}.refunded`)} value={data ? formatFen(data.refunded_fen) : undefined} />
        </Grid>
        {unknown.length > 0 ? (
          <Typography variant="caption" color="warning.main">
            {translate(`${T}.partial`)}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};
