import { Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetList, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/datetime';

interface Term {
  value?: number;
  weight?: number;
  points?: number;
}
interface Score {
  id: string;
  score: number;
  level: number;
  rank_in_city: number | null;
  rule_version: number;
  terms: Record<string, Term>;
  computed_at: string;
}
interface HistoryRow {
  id: number;
  score: number;
  level: number;
  rank_in_city: number | null;
  computed_at: string;
}

const num = (v: unknown, digits = 2) => (v === null || v === undefined || v === '' ? '—' : Number(v).toFixed(digits));

/** R-RNK-3: the merchant's score term by term, from the latest ranking run, and earlier runs. */
export const RankingTab = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const { data: scores = [], isPending } = useGetList<Score>(
    'v_merchant_scores',
    {
      filter: { merchant_id: record?.id },
      pagination: { page: 1, perPage: 1 },
      sort: { field: 'computed_at', order: 'DESC' },
      // merchant_id is the key of merchant_scores: alias it as react-admin's id
      meta: { columns: ['id:merchant_id', 'score', 'level', 'rank_in_city', 'rule_version', 'terms', 'computed_at'] },
    },
    { enabled: !!record },
  );
  const { data: history = [] } = useGetList<HistoryRow>(
    'merchant_score_history',
    { filter: { merchant_id: record?.id }, pagination: { page: 1, perPage: 12 }, sort: { field: 'computed_at', order: 'DESC' } },
    { enabled: !!record },
  );
  if (!record || isPending) return null;
  const score = scores[0];
  if (!score) return <Typography color="text.secondary" sx={{ p: 2 }}>{translate('resources.merchants.ranking.none')}</Typography>;
  const t = (k: string) => translate(`resources.merchants.ranking.${k}`);
  return (
    <Box sx={{ p: 1 }}>
      <Stack direction="row" spacing={4} sx={{ mb: 2 }}>
        <Box><Typography variant="caption">{t('score')}</Typography><Typography variant="h5">{num(score.score)}</Typography></Box>
        <Box><Typography variant="caption">{t('level')}</Typography><Typography variant="h5">{score.level}</Typography></Box>
        <Box><Typography variant="caption">{t('rank')}</Typography><Typography variant="h5">{score.rank_in_city ?? '—'}</Typography></Box>
        <Box><Typography variant="caption">{t('rule_version')}</Typography><Typography variant="h5">v{score.rule_version}</Typography></Box>
        <Box><Typography variant="caption">{t('computed_at')}</Typography><Typography>{formatDateTime(score.computed_at)}</Typography></Box>
      </Stack>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('term')}</TableCell>
            <TableCell align="right">{t('value')}</TableCell>
            <TableCell align="right">{t('weight')}</TableCell>
            <TableCell align="right">{t('points')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {Object.entries(score.terms ?? {}).map(([key, term]) => (
            <TableRow key={key}>
              <TableCell>{translate(`resources.merchants.ranking.terms.${key}`, { _: key })}</TableCell>
              <TableCell align="right">{num(term.value)}</TableCell>
              <TableCell align="right">{num(term.weight, 4)}</TableCell>
              <TableCell align="right">{num(term.points)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {history.length > 0 ? (
        <>
          <Typography variant="subtitle2" sx={{ mt: 2 }}>{t('history')}</Typography>
          <Table size="small">
            <TableBody>
              {history.map((h) => (
                <TableRow key={h.id}>
                  <TableCell>{formatDateTime(h.computed_at)}</TableCell>
                  <TableCell align="right">{num(h.score)}</TableCell>
                  <TableCell align="right">L{h.level}</TableCell>
                  <TableCell align="right">{h.rank_in_city ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </Box>
  );
};
