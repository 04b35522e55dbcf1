import { useRef, useState } from 'react';
import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  ListItemIcon,
  ListItemText,
  Menu,
  MenuItem,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import DescriptionIcon from '@mui/icons-material/Description';
import GridOnIcon from '@mui/icons-material/GridOn';
import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import { useQueryClient } from '@tanstack/react-query';
import { Button, useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { useNotifyRefusal } from '../refusal';
import { columnsOfRows, type DefaultColumnOptions, type ExportColumn } from './columns';
import { cachedExactCount } from '../list/useListCount';
import { csvBlob } from './csv';
import { downloadBlob, exportFileName } from './download';
import { fetchAllRows } from './fetchAll';
import { serverColumns } from './serverColumns';
import { watchJob } from '../jobs/watch';

export interface ExportMenuButtonProps<Row> {
  /**
   * columns, labels already translated (the hook gets translate); by default every field of
   * the read view but its search text, labelled as the list labels them (columnsOfRows)
   */
  columns?: (translate: (key: string, opts?: object) => string) => ExportColumn<Row>[];
  /** without `columns`: fields whose codes translate under a prefix (columnsOfRows) */
  choices?: DefaultColumnOptions['choices'];
  /** file name without date and extension, e.g. "trades" */
  fileName: string;
  /** read this resource instead of the list's own (rarely needed) */
  resource?: string;
  max?: number;
}

/** `total`: only an exact count (an estimate would read "6000 / 5417") */
type Progress = { loaded: number; total?: number; format: 'csv' | 'xlsx' };

/**
 * The one exporter of every list: the list's current filter and sort (every page, not only
 * the visible one) as CSV or Excel, with a progress dialog that can be cancelled. It reads
 * until a page comes back short, never by a count (fetchAll.ts), so an estimate that is too
 * low cannot stop it midway. Rows come
 * through the data provider, so the caller's RLS, the read view, its masking and the search
 * mapping apply; CSV cells that a spreadsheet would run as formulas are escaped (csv.ts); the
 * database records every export (export_record: who, which list, filter, rows, format) before
 * the file is offered, and an export it refuses to record is not offered.
 */
export function ExportMenuButton<Row = Record<string, unknown>>({ columns, choices, fileName, resource, max = 50_000 }: ExportMenuButtonProps<Row>) {
  const list = useListContext();
  const queryClient = useQueryClient();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);

  const run = async (format: 'csv' | 'xlsx') => {
    setAnchor(null);
    const controller = new AbortController();
    abort.current = controller;
    const target = resource ?? list.resource;
    const filter = { ...list.filterValues };
    const total = list.total ?? (resource ? undefined : cachedExactCount(queryClient, list.resource, list.filterValues));
    setProgress({ loaded: 0, total, format });
    try {
      const { rows, truncated } = await fetchAllRows<Row>(dataProvider, target, {
        filter,
        sort: list.sort,
        max,
        signal: controller.signal,
        onProgress: (loaded) => setProgress({ loaded, total, format }),
      });
      const cols = columns ? columns(translate) : columnsOfRows<Row>(rows, target, translate, { choices });
      const texts = { yes: translate('ra.boolean.true'), no: translate('ra.boolean.false') };
      const blob =
        format === 'csv'
          ? csvBlob(rows, cols, texts)
          : await (await import('./excel')).xlsxBlob(rows, cols, { sheetName: fileName, texts });
      if (controller.signal.aborted) return;
      await dataProvider.rpc('export_record', { p_resource: target, p_filter: filter, p_rows: rows.length, p_format: format });
      downloadBlob(blob, exportFileName(fileName, format));
      notify(truncated ? 'export.done_truncated' : 'export.done', {
        type: truncated ? 'warning' : 'success',
        messageArgs: { count: rows.length, max },
      });
    } catch (e) {
      if ((e as Error).name !== 'AbortError') refusal(e);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  // Big lists: the server reads and writes the file (supabase/functions/export); the run shows
  // on the jobs screen and the app says when it is done (common/jobs/JobWatcher).
  const runOnServer = async () => {
    setAnchor(null);
    const target = resource ?? list.resource;
    try {
      const cols = columns ? columns(translate) : columnsOfRows<Row>((list.data ?? []) as Row[], target, translate, { choices });
      const plan = await dataProvider.exportPlan(target, { ...list.filterValues });
      const { run_id } = await dataProvider.invokeFunction<{ run_id: string }>('export', {
        resource: target,
        view: plan.view,
        filter: plan.filter,
        ...(plan.search ? { search: plan.search } : {}),
        columns: serverColumns(cols),
        file_name: fileName,
      });
      watchJob(run_id);
      notify('export.server_started', { type: 'info' });
    } catch (e) {
      refusal(e);
    }
  };

  const percent = progress?.total ? Math.min(100, (progress.loaded / progress.total) * 100) : undefined;
  return (
    <>
      <Button
        label="export.button"
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={(!list.isPending && list.page <= 1 && (list.data?.length ?? 0) === 0) || progress !== null}
        aria-haspopup="menu"
      >
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run('csv')}>
          <ListItemIcon>
            <DescriptionIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('export.csv')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={() => run('xlsx')}>
          <ListItemIcon>
            <GridOnIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('export.xlsx')}</ListItemText>
        </MenuItem>
        <MenuItem onClick={runOnServer}>
          <ListItemIcon>
            <CloudDownloadIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('export.server')}</ListItemText>
        </MenuItem>
      </Menu>
      <Dialog open={progress !== null} fullWidth maxWidth="xs">
        <DialogTitle>{translate('export.running')}</DialogTitle>
        <DialogContent>
          <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} />
          <Typography variant="body2" sx={{ mt: 1 }}>
            {progress?.total !== undefined
              ? translate('export.progress', { loaded: progress.loaded, total: progress.total })
              : translate('export.progress_open', { loaded: progress?.loaded ?? 0 })}
          </Typography>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => abort.current?.abort()}>{translate('ra.action.cancel')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
