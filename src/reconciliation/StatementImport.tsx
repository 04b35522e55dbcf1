// Import a channel statement: pick the CSV, check what was read, import it (all or nothing),
// then see the reconciliation of that statement: matched, amount mismatches, missing, extra.
import { useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  TextField as MuiTextField,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Link } from 'react-router-dom';
import { ListBase, Title, useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { useNotifyRefusal } from '../common/refusal';
import { PAYMENT_CHANNELS } from '../common/paymentChannels';
import { parseStatement, type Channel, type ParsedStatement } from './csv';
import { ReconciliationTable } from './ReconciliationTable';
import { importStatement } from './api';

interface ImportedStatement {
  id: number;
  channel: Channel;
  statement_ref: string;
  period_from: string;
  period_to: string;
  line_count: number;
  matched_count: number;
  missing_count: number;
  extra_count: number;
  mismatch_count: number;
}

const refFromFileName = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[^\w\u4e00-\u9fa5-]+/g, '-').slice(0, 80);

export const StatementImport = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const { canAccess, isPending: checking } = useCanAccess({ resource: 'statements', action: 'import' });
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState('');
  const [ref, setRef] = useState('');
  const [channel, setChannel] = useState<Channel | ''>('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ rows: number; inserted: number; skipped: number } | null>(null);
  const [statement, setStatement] = useState<ImportedStatement | null>(null);

  const parsed: ParsedStatement | null = text && ref.trim() ? parseStatement(text, ref.trim(), channel || null) : null;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
    setRef(refFromFileName(file.name));
    setChannel('');
    setResult(null);
    setStatement(null);
  };

  const runImport = async () => {
    if (!parsed || parsed.rows.length === 0 || parsed.problems.length > 0) return;
    setBusy(true);
    try {
      const res = await importStatement(dataProvider, parsed.rows);
      setResult(res);
      const { data } = await dataProvider.getList<ImportedStatement>('statements', {
        filter: { channel: parsed.channel, statement_ref: ref.trim() },
        pagination: { page: 1, perPage: 1 },
        sort: { field: 'id', order: 'DESC' },
      });
      setStatement(data[0] ?? null);
      notify('reconciliation.import.done', { type: 'success', messageArgs: { inserted: res.inserted, skipped: res.skipped } });
    } catch (e) {
      refusal(e);
    } finally {
      setBusy(false);
    }
  };

  if (checking) return <LinearProgress />;
  if (!canAccess) return <Alert severity="warning">{translate('errors.not_permitted')}</Alert>;

  const total = parsed?.rows.reduce((s, r) => s + r.amount_fen, 0) ?? 0;
  return (
    <Box sx={{ mt: 1 }}>
      <Title title={translate('reconciliation.import.title')} />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate('reconciliation.import.help')}
            </Typography>
            <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
              <MuiButton variant="outlined" component="label" startIcon={<UploadFileIcon />}>
                {translate('reconciliation.import.choose')}
                <input hidden type="file" accept=".csv,text/csv" onChange={onFile} data-testid="statement-file" />
              </MuiButton>
              <Typography variant="body2">{fileName}</Typography>
            </Stack>
            {text ? (
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <MuiTextField
                  label={translate('reconciliation.import.statement_ref')}
                  value={ref}
                  onChange={(e) => setRef(e.target.value)}
                  required
                  sx={{ minWidth: 280 }}
                  slotProps={{ htmlInput: { maxLength: 80, name: 'statement_ref' } }}
                />
                <MuiTextField
                  select
                  label={translate('reconciliation.import.format')}
                  value={channel}
                  onChange={(e) => setChannel(e.target.value as Channel | '')}
                  sx={{ minWidth: 200 }}
                >
                  <MenuItem value="">{translate('reconciliation.import.auto')}</MenuItem>
                  {PAYMENT_CHANNELS.map((c) => (
                    <MenuItem key={c} value={c}>
                      {translate(`payments.channel.${c}`)}
                    </MenuItem>
                  ))}
                </MuiTextField>
              </Stack>
            ) : null}
            {parsed ? (
              <Box data-testid="statement-preview">
                <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
                  {parsed.channel ? <Chip label={translate(`payments.channel.${parsed.channel}`)} /> : null}
                  <Chip label={translate('reconciliation.import.rows', { n: parsed.rows.length })} />
                  <Chip label={translate('reconciliation.import.total', { amount: formatFen(total) })} />
                  {parsed.skipped > 0 ? <Chip label={translate('reconciliation.import.skipped', { n: parsed.skipped })} /> : null}
                </Stack>
                {parsed.problems.length > 0 ? (
                  <Alert severity="error" sx={{ mt: 1 }}>
                    {parsed.problems.slice(0, 10).map((p) => (
                      <div key={`${p.line}-${p.message}`}>
                        {translate('reconciliation.import.problem', {
                          line: p.line,
                          problem: translate(`reconciliation.import.problems.${p.message}`, { _: p.message }),
                        })}
                      </div>
                    ))}
                  </Alert>
                ) : null}
              </Box>
            ) : null}
            <Box>
              <MuiButton
                variant="contained"
                onClick={runImport}
                disabled={busy || !parsed || parsed.rows.length === 0 || parsed.problems.length > 0}
              >
                {translate('reconciliation.import.submit')}
              </MuiButton>
            </Box>
            {busy ? <LinearProgress /> : null}
            {result ? (
              <Alert severity="success">
                {translate('reconciliation.import.result', { rows: result.rows, inserted: result.inserted, skipped: result.skipped })}
              </Alert>
            ) : null}
          </Stack>
        </CardContent>
      </Card>
      {statement ? <StatementResult statement={statement} /> : null}
    </Box>
  );
};

const StatementResult = ({ statement }: { statement: ImportedStatement }) => {
  const translate = useTranslate();
  const counts: Array<[string, number, 'success' | 'error' | 'warning']> = [
    ['matched', statement.matched_count, 'success'],
    ['amount_mismatch', statement.mismatch_count, 'error'],
    ['missing', statement.missing_count, 'warning'],
    ['extra', statement.extra_count, 'warning'],
  ];
  return (
    <Card sx={{ mt: 2 }} data-testid="reconciliation-result">
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate('reconciliation.import.result_title', {
            ref: statement.statement_ref,
            from: statement.period_from,
            to: statement.period_to,
          })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mb: 2 }} flexWrap="wrap" useFlexGap>
          {counts.map(([key, n, color]) => (
            <Chip
              key={key}
              color={n > 0 ? color : 'default'}
              variant={n > 0 ? 'filled' : 'outlined'}
              label={`${translate(`reconciliation.result.${key}`)} ${n}`}
              data-testid={`count-${key}`}
            />
          ))}
          <MuiButton
            component={Link}
            to={`/reconciliation?filter=${encodeURIComponent(JSON.stringify({ statement_id: statement.id }))}`}
          >
            {translate('reconciliation.import.open_all')}
          </MuiButton>
        </Stack>
        <ListBase
          resource="reconciliation"
          filter={{ statement_id: statement.id, 'result@neq': 'matched' }}
          sort={{ field: 'occurred_at', order: 'ASC' }}
          perPage={100}
          disableSyncWithLocation
        >
          <ReconciliationTable />
        </ListBase>
      </CardContent>
    </Card>
  );
};
