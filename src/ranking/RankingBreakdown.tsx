// A merchant's ranking explained term by term (R-RNK-3), for the merchant screen to embed:
//   <RankingBreakdown merchantId={record.id} />
// Reads merchant_ranking_breakdown (security invoker: the caller's region scope applies).
import { Alert, Box, Card, CardContent, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatDateTime } from '../common/datetime';
import { breakdown } from './api';
import type { Breakdown, BreakdownTerm } from './types';

export function rawValueText(term: BreakdownTerm): string {
  if (term.value === null || term.value === undefined) return '—';
  switch (term.key) {
    case 'update_frequency':
    case 'success_rate':
      return `${Number(term.value).toFixed(2)}%${term.key === 'success_rate' && term.total !== undefined ? ` (${term.successful}/${term.total})` : ''}`;
    case 'rating':
      return Number(term.value).toFixed(2);
    case 'penalties':
      return `${Number(term.value)}${term.count ? ` (${term.count})` : ''}`;
    default:
      return `${term.value}${term.cap ? ` / ${term.cap}` : ''}`;
  }
}

export const fmtPoints = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

export const BreakdownView = ({ data }: { data: Breakdown }) => {
  const translate = useTranslate();
  if (data.score === null || data.score === undefined) {
    return <Alert severity="info">{translate('ranking.breakdown.not_ranked')}</Alert>;
  }
  const total = data.terms.reduce((acc, t) => acc + Number(t.points), 0);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={3} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'baseline' }}>
        <Box>
          <Typography variant="caption" color="text.secondary">{translate('ranking.breakdown.score')}</Typography>
          <Typography variant="h4" data-testid="ranking-score">{Number(data.score).toFixed(2)}</Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary">{translate('ranking.breakdown.level')}</Typography>
          <Typography variant="h6">{translate('ranking.breakdown.level_value', { level: data.level })}</Typography>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary">{translate('ranking.breakdown.rank')}</Typography>
          <Typography variant="h6">
            {translate('ranking.breakdown.rank_value', { rank: data.rank_in_city, count: data.city_ranked_count ?? '—' })}
            {data.city_name ? ` · ${data.city_name}` : ''}
          </Typography>
        </Box>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {translate('ranking.breakdown.computed_at', { at: formatDateTime(data.computed_at), version: data.rule?.version ?? '—' })}
        {data.rule ? ` · ${translate('ranking.breakdown.thresholds', { thresholds: data.rule.level_thresholds.join(' / ') })}` : ''}
      </Typography>
      <Table size="small" aria-label={translate('ranking.breakdown.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('ranking.breakdown.term')}</TableCell>
            <TableCell align="right">{translate('ranking.breakdown.raw')}</TableCell>
            <TableCell align="right">{translate('ranking.breakdown.normalized')}</TableCell>
            <TableCell align="right">{translate('ranking.breakdown.weight')}</TableCell>
            <TableCell align="right">{translate('ranking.breakdown.points')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.terms.map((t) => (
            <TableRow key={t.key}>
              <TableCell>
                <Tooltip title={translate(`ranking.term_help.${t.key}`)}>
                  <span>{translate(`ranking.terms.${t.key}`)}</span>
                </Tooltip>
              </TableCell>
              <TableCell align="right">{rawValueText(t)}</TableCell>
              <TableCell align="right">{Number(t.normalized).toFixed(2)}</TableCell>
              <TableCell align="right">{Number(t.weight)}</TableCell>
              <TableCell align="right" sx={{ color: Number(t.points) < 0 ? 'error.main' : undefined, fontVariantNumeric: 'tabular-nums' }}>
                {fmtPoints(Number(t.points))}
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell colSpan={4} sx={{ fontWeight: 600 }}>{translate('ranking.breakdown.total')}</TableCell>
            <TableCell align="right" sx={{ fontWeight: 600 }}>{total.toFixed(2)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Box>
        <Typography variant="subtitle2" gutterBottom>{translate('ranking.breakdown.penalties')}</Typography>
        {data.penalties.length === 0 ? (
          <Typography variant="body2" color="text.secondary">{translate('ranking.breakdown.no_penalties')}</Typography>
        ) : (
          data.penalties.map((p) => (
            <Typography key={p.id} variant="body2" color="error.main">
              {translate('ranking.breakdown.penalty_line', { size: p.size, until: formatDateTime(p.expires_at), reason: p.reason })}
            </Typography>
          ))
        )}
      </Box>
      {data.history.length > 1 ? (
        <Box>
          <Typography variant="subtitle2" gutterBottom>{translate('ranking.breakdown.history')}</Typography>
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {data.history.slice(-10).map((h) => (
              <Chip key={`${h.run_id}-${h.computed_at}`} size="small" variant="outlined"
                label={`${formatDateTime(h.computed_at).slice(5)} · ${Number(h.score).toFixed(2)}`} />
            ))}
          </Stack>
        </Box>
      ) : null}
    </Stack>
  );
};

export const RankingBreakdown = ({ merchantId, title = true }: { merchantId: string; title?: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['merchant_ranking_breakdown', merchantId],
    queryFn: () => breakdown(dataProvider, merchantId),
    enabled: !!merchantId,
  });
  return (
    <Card variant="outlined">
      <CardContent>
        {title ? <Typography variant="h6" gutterBottom>{translate('ranking.breakdown.title')}</Typography> : null}
        {isPending ? (
          <CircularProgress size={24} />
        ) : error ? (
          <Alert severity="error">{translate((error as Error).message, { _: (error as Error).message })}</Alert>
        ) : data ? (
          <BreakdownView data={data} />
        ) : null}
      </CardContent>
    </Card>
  );
};

export default RankingBreakdown;
