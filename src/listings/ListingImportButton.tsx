import { useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { downloadBlob } from '../common/export';
import { Button, useCanAccess, useDataProvider, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { checkRow, fileField, MAX_IMPORT_ROWS, missingColumns, parseCsv, TEMPLATE_CSV, type CheckedRow, type RowError } from './csv';
import { useRefusal } from '../common/refusal';
import { importRows } from './api';

type Phase = 'idle' | 'checked' | 'running' | 'done';

/** CSV import of listings (admin): browser checks, then listing_import validates every row in SQL, all or nothing. */
export const ListingImportButton = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const refresh = useRefresh();
  const refusal = useRefusal('listings');
  const { canAccess } = useCanAccess({ resource: 'listings', action: 'import' });
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [fileName, setFileName] = useState('');
  const [rows, setRows] = useState<CheckedRow[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [result, setResult] = useState<string | null>(null);
  if (!canAccess) return null;

  const reset = () => {
    setRows([]);
    setFileError(null);
    setResult(null);
    setPhase('idle');
    setFileName('');
    if (input.current) input.current.value = '';
  };
  const close = () => {
    if (phase === 'running') return;
    if (phase === 'done') refresh();
    reset();
    setOpen(false);
  };

  const onFile = async (file: File | undefined) => {
    reset();
    if (!file) return;
    setFileName(file.name);
    const { columns, rows: raw } = parseCsv(await file.text());
    const missing = missingColumns(columns);
    if (missing.length) return setFileError(translate('resources.listings.import.missing_columns', { columns: missing.join(', ') }));
    if (raw.length === 0) return setFileError(translate('resources.listings.import.empty'));
    if (raw.length > MAX_IMPORT_ROWS) return setFileError(translate('resources.listings.import.too_many', { max: MAX_IMPORT_ROWS }));
    setRows(raw.map(checkRow));
    setPhase('checked');
  };

  const run = async () => {
    setPhase('running');
    setResult(null);
    try {
      const answer = await importRows(dataProvider, rows.map((r) => r.payload));
      const byRow = new Map(answer.map((a) => [a.row_no, a]));
      const next = rows.map((r, i) => ({ ...r, errors: byRow.get(i + 1)?.errors ?? [] }));
      setRows(next);
      const bad = next.filter((r) => r.errors.length > 0).length;
      if (bad === 0) {
        setResult(translate('resources.listings.import.done', { count: next.length }));
        setPhase('done');
      } else {
        setPhase('checked');
      }
    } catch (e) {
      setFileError(refusal(e));
      setPhase('checked');
    }
  };

  const bad = rows.filter((r) => r.errors.length > 0);
  const shown = bad.length > 0 ? bad : rows;
  const describe = (e: RowError) =>
    `${fileField(e.field)}: ${translate(`resources.listings.csv_errors.${e.code}`, { _: e.code })}`;

  return (
    <>
      <Button label="resources.listings.actions.import" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="md">
        <DialogTitle>{translate('resources.listings.import.title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('resources.listings.import.help')}
          </Typography>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('resources.listings.import.mode')}
          </Alert>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 2 }}>
            <MuiButton variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={phase === 'running'}>
              {translate('resources.listings.import.choose')}
              <input
                ref={input}
                hidden
                type="file"
                accept=".csv,text/csv"
                data-testid="listing-import-file"
                onChange={(e) => onFile(e.target.files?.[0])}
              />
            </MuiButton>
            <MuiButton onClick={() => downloadBlob(new Blob([`\uFEFF${TEMPLATE_CSV}`], { type: 'text/csv;charset=utf-8' }), 'listings-template.csv')}>
              {translate('resources.listings.import.template')}
            </MuiButton>
            <Typography variant="body2" color="text.secondary">
              {fileName || translate('resources.listings.import.no_file')}
              {rows.length ? ` · ${translate('resources.listings.import.parsed', { count: rows.length })}` : ''}
            </Typography>
          </Stack>
          {phase === 'running' ? (
            <Box sx={{ mb: 2 }}>
              <Typography variant="body2">{translate('resources.listings.import.running')}</Typography>
              <LinearProgress />
            </Box>
          ) : null}
          {fileError ? <Alert severity="error" sx={{ mb: 2 }}>{fileError}</Alert> : null}
          {result ? <Alert severity="success" sx={{ mb: 2 }}>{result}</Alert> : null}
          {rows.length > 0 && phase !== 'done' ? (
            <>
              <Alert severity={bad.length ? 'error' : 'success'} sx={{ mb: 1 }}>
                {bad.length
                  ? translate('resources.listings.import.has_errors', { count: bad.length })
                  : translate('resources.listings.import.all_ok', { count: rows.length })}
              </Alert>
              <Box sx={{ maxHeight: 320, overflow: 'auto' }}>
                <Table size="small" stickyHeader aria-label={translate('resources.listings.import.title')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('resources.listings.import.row')}</TableCell>
                      <TableCell>{translate('resources.listings.fields.title')}</TableCell>
                      <TableCell>{translate('resources.listings.import.status')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {shown.slice(0, 200).map((r) => (
                      <TableRow key={r.line}>
                        <TableCell>{r.line}</TableCell>
                        <TableCell>{r.payload.title ?? `${r.payload.brand} ${r.payload.series}`}</TableCell>
                        <TableCell>
                          {r.errors.length === 0 ? (
                            <Chip size="small" color="success" label={translate('resources.listings.import.ok')} />
                          ) : (
                            r.errors.map((e) => <Chip key={e.field + e.code} size="small" color="error" variant="outlined" label={describe(e)} sx={{ mr: 0.5, mb: 0.5 }} />)
                          )}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
            </>
          ) : null}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close} disabled={phase === 'running'}>
            {translate(phase === 'done' ? 'ra.action.close' : 'ra.action.cancel')}
          </MuiButton>
          {phase !== 'done' ? (
            <MuiButton variant="contained" disabled={phase !== 'checked' || bad.length > 0 || rows.length === 0} onClick={run}>
              {translate('resources.listings.import.run', { count: rows.length })}
            </MuiButton>
          ) : null}
        </DialogActions>
      </Dialog>
    </>
  );
};
