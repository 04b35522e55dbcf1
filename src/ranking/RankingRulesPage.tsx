// 商户等级规则: the active rule, the editor that publishes a new version (admin), the
// "recompute now" button with its progress and result, rule versions and past runs.
import { useEffect, useState } from 'react';
import {
  Alert, Box, Button, Card, CardContent, Chip, Grid, LinearProgress, Stack, Table, TableBody, TableCell, TableHead,
  TableRow, TextField, Typography,
} from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import PublishIcon from '@mui/icons-material/Publish';
import { Title, useDataProvider, useGetList, useNotify, usePermissions, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { StaffPermissions } from '../providers/authProvider';
import { canAccess } from '../providers/access';
import { formatDateTime } from '../common/datetime';
import { CAP_FIELD, TERM_KEYS, WEIGHT_FIELD, validateRule, type RankingRule, type RunSummary } from './types';
import { publishRule, runNow } from './api';

interface RunRow {
  id: number;
  rule_version: number;
  trigger: 'manual' | 'schedule';
  status: 'running' | 'succeeded' | 'failed';
  merchant_count: number | null;
  duration_ms: number | null;
  started_at: string;
  triggered_by_name: string | null;
  error: string | null;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const RunNowPanel = ({ onDone }: { onDone?: () => void }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [running, setRunning] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [result, setResult] = useState<RunSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running]);

  const run = async () => {
    setRunning(true);
    setResult(null);
    setFailure(null);
    setElapsed(0);
    try {
      setResult(await runNow(dataProvider));
    } catch (e) {
      setFailure(translate(errorText(e), { _: errorText(e) }));
    } finally {
      setRunning(false);
      onDone?.();
    }
  };

  return (
    <Stack spacing={1}>
      <Box>
        <Button variant="contained" startIcon={<RefreshIcon />} onClick={run} disabled={running}>
          {translate('ranking.run.button')}
        </Button>
      </Box>
      {running ? (
        <Box role="status">
          <Typography variant="body2">{translate('ranking.run.running')} {elapsed > 0 ? `${elapsed}s` : ''}</Typography>
          <LinearProgress sx={{ mt: 1 }} />
        </Box>
      ) : null}
      {result ? (
        <Alert severity="success" role="status">
          {translate('ranking.run.done', { count: result.merchant_count ?? 0, cities: result.city_count ?? 0, ms: result.duration_ms ?? 0 })}
          {result.levels ? (
            <Stack direction="row" spacing={0.5} sx={{ mt: 1 }} useFlexGap>
              {Object.entries(result.levels).map(([level, n]) => (
                <Chip key={level} size="small" label={`${translate('ranking.breakdown.level_value', { level })}: ${n}`} />
              ))}
            </Stack>
          ) : null}
        </Alert>
      ) : null}
      {failure ? <Alert severity="error">{translate('ranking.run.failed', { error: failure })}</Alert> : null}
    </Stack>
  );
};

const RuleEditor = ({ rule, onPublished }: { rule: RankingRule; onPublished: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<AppDataProvider>();
  const [draft, setDraft] = useState<RankingRule>(rule);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const invalid = new Set(validateRule(draft));
  const set = (field: keyof RankingRule, value: unknown) => setDraft((d) => ({ ...d, [field]: value }));
  const setThreshold = (i: number, value: string) =>
    setDraft((d) => ({ ...d, level_thresholds: d.level_thresholds.map((t, j) => (i === j ? (value as unknown as number) : t)) }));

  const publish = async () => {
    setSaving(true);
    try {
      const saved = await publishRule(dataProvider, draft, reason.trim());
      notify(translate('ranking.editor.published', { version: saved.version }), { type: 'success' });
      setReason('');
      onPublished();
    } catch (e) {
      notify(errorText(e), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h6">{translate('ranking.editor.title')}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{translate('ranking.editor.help')}</Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField fullWidth size="small" label={translate('ranking.fields.name')} value={draft.name}
              onChange={(e) => set('name', e.target.value)} error={invalid.has('name')} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField fullWidth size="small" type="number" label={translate('ranking.fields.window_days')} value={draft.window_days}
              onChange={(e) => set('window_days', e.target.value)} error={invalid.has('window_days')} slotProps={{ htmlInput: { min: 1, max: 730 } }} />
          </Grid>
          {TERM_KEYS.map((k) => {
            const cap = CAP_FIELD[k];
            return (
              <Grid key={k} size={{ xs: 12, sm: 6, lg: 4 }}>
                <Typography variant="subtitle2">{translate(`ranking.terms.${k}`)}</Typography>
                <Typography variant="caption" color="text.secondary" component="div" sx={{ minHeight: 36 }}>
                  {translate(`ranking.term_help.${k}`)}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
                  <TextField size="small" type="number" label={translate('ranking.fields.weight')} value={draft[WEIGHT_FIELD[k]] as number}
                    onChange={(e) => set(WEIGHT_FIELD[k], e.target.value)} error={invalid.has(WEIGHT_FIELD[k])}
                    slotProps={{ htmlInput: { step: 0.05, 'aria-label': `${translate(`ranking.terms.${k}`)} ${translate('ranking.fields.weight')}` } }} />
                  {cap ? (
                    <TextField size="small" type="number" label={translate('ranking.fields.cap')} value={draft[cap] as number}
                      onChange={(e) => set(cap, e.target.value)} error={invalid.has(cap)} slotProps={{ htmlInput: { min: 1 } }} />
                  ) : null}
                </Stack>
              </Grid>
            );
          })}
          <Grid size={12}>
            <Typography variant="subtitle2">{translate('ranking.fields.thresholds')}</Typography>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 1 }}>
              {draft.level_thresholds.map((t, i) => (
                <TextField key={i} size="small" type="number" label={translate('ranking.fields.level_n', { level: i + 2 })} value={t}
                  onChange={(e) => setThreshold(i, e.target.value)} error={invalid.has('thresholds')} sx={{ width: 140 }} />
              ))}
            </Stack>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField fullWidth size="small" label={translate('ranking.fields.note')} value={draft.note ?? ''} onChange={(e) => set('note', e.target.value)} />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField fullWidth size="small" required label={translate('ranking.fields.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Grid>
        </Grid>
        <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
          <Button variant="contained" startIcon={<PublishIcon />} onClick={publish}
            disabled={saving || invalid.size > 0 || reason.trim().length < 2}>
            {translate('ranking.editor.publish')}
          </Button>
          <Button onClick={() => setDraft(rule)} disabled={saving}>{translate('ranking.editor.reset')}</Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

const RuleSummary = ({ rule }: { rule: RankingRule }) => {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('ranking.breakdown.term')}</TableCell>
          <TableCell align="right">{translate('ranking.fields.weight')}</TableCell>
          <TableCell align="right">{translate('ranking.fields.cap')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {TERM_KEYS.map((k) => (
          <TableRow key={k}>
            <TableCell>{translate(`ranking.terms.${k}`)}</TableCell>
            <TableCell align="right">{Number(rule[WEIGHT_FIELD[k]])}</TableCell>
            <TableCell align="right">{CAP_FIELD[k] ? String(rule[CAP_FIELD[k]!]) : '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const RankingRulesPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<StaffPermissions>();
  const isAdmin = canAccess(permissions?.role, 'ranking_rules', 'edit');
  const canRun = canAccess(permissions?.role, 'ranking_rules', 'run');
  const versions = useGetList<RankingRule & { id: number }>('ranking_rules', {
    pagination: { page: 1, perPage: 20 },
    sort: { field: 'version', order: 'DESC' },
  });
  const runs = useGetList<RunRow>('v_ranking_runs', { pagination: { page: 1, perPage: 10 }, sort: { field: 'id', order: 'DESC' } });
  const active = versions.data?.find((r) => r.active);
  const [loaded, setLoaded] = useState<RankingRule | null>(null);
  const refresh = () => {
    versions.refetch();
    runs.refetch();
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ranking.title')} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <Card>
            <CardContent>
              {versions.isPending ? <LinearProgress /> : active ? (
                <>
                  <Typography variant="h6">{translate('ranking.active_rule', { name: active.name, version: active.version })}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {translate('ranking.published_at', { at: formatDateTime(active.created_at) })} · {translate('ranking.window', { days: active.window_days })}
                    {' · '}{translate('ranking.breakdown.thresholds', { thresholds: active.level_thresholds.join(' / ') })}
                  </Typography>
                  <RuleSummary rule={active} />
                </>
              ) : <Typography>{translate('ranking.no_rule')}</Typography>}
            </CardContent>
          </Card>
          <Card sx={{ mt: 2 }}>
            <CardContent>
              <Typography variant="h6" gutterBottom>{translate('ranking.run.title')}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('ranking.run.schedule_note')}</Typography>
              {canRun ? <RunNowPanel onDone={refresh} /> : null}
              <Table size="small" sx={{ mt: 1 }}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('ranking.run.started_at')}</TableCell>
                    <TableCell>{translate('ranking.run.trigger')}</TableCell>
                    <TableCell>{translate('ranking.run.status')}</TableCell>
                    <TableCell align="right">{translate('ranking.run.merchants')}</TableCell>
                    <TableCell align="right">{translate('ranking.run.duration')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(runs.data ?? []).map((r) => (
                    <TableRow key={r.id}>
                      <TableCell>{formatDateTime(r.started_at)}</TableCell>
                      <TableCell>{translate(`ranking.run.${r.trigger}`)}{r.triggered_by_name ? ` · ${r.triggered_by_name}` : ''}</TableCell>
                      <TableCell title={r.error ?? undefined}>
                        {translate(`ranking.run.${r.status === 'failed' ? 'failed_status' : r.status === 'running' ? 'running_status' : 'succeeded'}`)}
                      </TableCell>
                      <TableCell align="right">{r.merchant_count ?? '—'}</TableCell>
                      <TableCell align="right">{r.duration_ms !== null ? `${r.duration_ms} ms` : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }}>
          {isAdmin && active ? <RuleEditor key={(loaded ?? active).id} rule={loaded ?? active} onPublished={() => { setLoaded(null); refresh(); }} /> : null}
          <Card sx={{ mt: isAdmin ? 2 : 0 }}>
            <CardContent>
              <Typography variant="h6" gutterBottom>{translate('ranking.versions.title')}</Typography>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('ranking.versions.version')}</TableCell>
                    <TableCell>{translate('ranking.fields.name')}</TableCell>
                    <TableCell>{translate('ranking.versions.created_at')}</TableCell>
                    <TableCell>{translate('ranking.versions.reason')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(versions.data ?? []).map((r) => (
                    <TableRow key={r.id} selected={r.active}>
                      <TableCell>v{r.version} {r.active ? <Chip size="small" color="success" label={translate('ranking.versions.active')} /> : null}</TableCell>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>{formatDateTime(r.created_at)}</TableCell>
                      <TableCell>{r.reason ?? r.note ?? ''}</TableCell>
                      <TableCell>
                        {isAdmin && !r.active ? (
                          <Button size="small" onClick={() => setLoaded(r)}>{translate('ranking.editor.load_version')}</Button>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </Grid>
      </Grid>
    </Box>
  );
};

export default RankingRulesPage;
