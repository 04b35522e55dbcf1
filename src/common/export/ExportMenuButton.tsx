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
import { Button, useDataProvider, useListContext, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';
import { useNotifyRefusal } from '../refusal';
import { columnsOfRows, type ExportColumn } from './columns';
import { csvBlob } from './csv';
import { downloadBlob, exportFileName } from './download';
import { fetchAllRows } from './fetchAll';

export interface ExportMenuButtonProps<Row> {
  /**
   * columns, labels already translated (the hook gets translate); by default every field of
   * the read view but its search text, labelled as the list labels them (columnsOfRows)
   */
  columns?: (translate: (key: string, opts?: object) => string) => ExportColumn<Row>[];
  /** file name without date and extension, e.g. "trades" */
  fileName: string;
  /** read this resource instead of the list's own (rarely needed) */
  resource?: string;
  max?: number;
}

type Progress = { loaded: number; total?: number; format: 'csv' | 'xlsx' };

/**
 * The one exporter of every list: the list's current filter and sort (every page, not only
 * the visible one) as CSV or Excel, with a progress dialog that can be cancelled. Rows come
 * through the data provider, so the caller's RLS, the read view, its masking and the search
 * mapping apply; CSV cells that a spreadsheet would run as formulas are escaped (csv.ts); the
 * database records every export (export_record: who, which list, filter, rows, format) before
 * the file is offered, and an export it refuses to record is not offered.
 */
export function ExportMenuButton<Row = Record<string, unknown>>({ columns, fileName, resource, max = 50_000 }: ExportMenuButtonProps<Row>) {
  const list = useListContext();
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
    setProgress({ loaded: 0, total: list.total, format });
    const target = resource ?? list.resource;
    const filter = { ...list.filterValues };
    try {
      const { rows, truncated } = await fetchAllRows<Row>(dataProvider, target, {
        filter,
        sort: list.sort,
        max,
        signal: controller.signal,
        onProgress: (loaded, total) => setProgress({ loaded, total, format }),
      });
      const cols = columns ? columns(translate) : columnsOfRows<Row>(rows, target, translate);
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

  const percent = progress?.total ? Math.min(100, (progress.loaded / progress.total) * 100) : undefined;
  return (
    <>
      <Button
        label="export.button"
        onClick={(e) => setAnchor(e.currentTarget)}
        disabled={list.total === 0 || progress !== null}
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
      </Menu>
      <Dialog open={progress !== null} fullWidth maxWidth="xs">
        <DialogTitle>{translate('export.running')}</DialogTitle>
        <DialogContent>
          <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent} />
          <Typography variant="body2" sx={{ mt: 1 }}>
            {translate('export.progress', { loaded: progress?.loaded ?? 0, total: progress?.total ?? '?' })}
          </Typography>
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => abort.current?.abort()}>{translate('ra.action.cancel')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
