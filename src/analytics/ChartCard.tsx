// One chart: title that says what it measures, its data from one RPC (aggregates only),
// loading and empty states, and a CSV export of exactly the rows it draws.
import type { ReactNode } from 'react';
import { Alert, Box, Card, CardContent, CardHeader, IconButton, Skeleton, Tooltip, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { chartArgs, chartRows, type ChartRow, type ChartRpc } from './api';
import { download, toCsv, type CsvColumn } from './csv';
import type { AnalyticsFilter } from './range';

export interface ChartCardProps<N extends ChartRpc> {
  id: string;
  /** the chart function; its row type follows from it */
  rpc: N;
  filter: AnalyticsFilter;
  title: string;
  subtitle: string;
  csv: CsvColumn<ChartRow<N>>[];
  isEmpty?: (rows: ChartRow<N>[]) => boolean;
  height?: number;
  children: (rows: ChartRow<N>[]) => ReactNode;
}

export function ChartCard<N extends ChartRpc>({ id, rpc, filter, title, subtitle, csv, isEmpty, height = 280, children }: ChartCardProps<N>) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const args = chartArgs(filter);
  const { data, isPending, isFetching, error } = useQuery({
    queryKey: ['analytics', rpc, args],
    queryFn: () => chartRows(dataProvider, rpc, args),
    placeholderData: keepPreviousData,
  });
  const rows = data ?? [];
  const empty = !isPending && !error && (rows.length === 0 || (isEmpty ? isEmpty(rows) : false));
  const exportCsv = () =>
    download(toCsv(rows, csv), `${id}_${filter.from}_${filter.to}${filter.city ? `_${filter.city}` : ''}.csv`);

  return (
    <Card data-chart={id} data-loading={isFetching ? 'true' : 'false'} sx={{ height: '100%' }}>
      <CardHeader
        title={title}
        subheader={subtitle}
        slotProps={{ title: { variant: 'subtitle1', component: 'h2' }, subheader: { variant: 'caption' } }}
        action={
          <Tooltip title={translate('analytics.export_csv')}>
            <span>
              <IconButton aria-label={`${translate('analytics.export_csv')} ${title}`} onClick={exportCsv} disabled={rows.length === 0}>
                <DownloadIcon />
              </IconButton>
            </span>
          </Tooltip>
        }
      />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ height, position: 'relative', opacity: isFetching && !isPending ? 0.6 : 1, transition: 'opacity .2s' }}>
          {isPending ? (
            <Skeleton variant="rounded" height={height} aria-label={translate('analytics.loading')} />
          ) : error ? (
            <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>
          ) : empty ? (
            <Box sx={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
              <Typography color="text.secondary" data-empty="true">{translate('analytics.empty')}</Typography>
            </Box>
          ) : (
            children(rows)
          )}
        </Box>
      </CardContent>
    </Card>
  );
}
