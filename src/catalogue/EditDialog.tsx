import { useState, type ReactNode } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import AddIcon from '@mui/icons-material/Add';
import { Button, Form, SaveButton, useDataProvider, useNotify, useRefresh, useTranslate, type RaRecord } from 'react-admin';
import { useRefusal } from '../common/refusal';

interface Props {
  /** base table written (car_brands, car_series, car_models); RLS lets only admins write */
  table: string;
  label: string;
  record?: RaRecord;
  defaults?: Record<string, unknown>;
  /** the table's columns this form writes (read views carry joined columns the table lacks) */
  columns: readonly string[];
  /** shapes the form values before saving (pinyin, yuan → fen) */
  transform?: (values: Record<string, unknown>) => Record<string, unknown>;
  children: ReactNode;
}

/** Create or edit one catalogue row in a dialog (reference data: plain table writes, admin only). */
export const EditDialog = ({ table, label, record, defaults, columns, transform, children }: Props) => {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const refusal = useRefusal('catalogue');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (values: Record<string, unknown>) => {
    setError(null);
    const shaped = transform ? transform(values) : values;
    const data = Object.fromEntries(columns.map((c) => [c, shaped[c] === '' || shaped[c] === undefined ? null : shaped[c]]));
    try {
      if (record) {
        await dataProvider.update(table, { id: record.id, data, previousData: record });
      } else {
        await dataProvider.create(table, { data });
      }
      setOpen(false);
      notify('resources.catalogue.notify.saved', { type: 'success' });
      refresh();
    } catch (e) {
      setError(refusal(e));
    }
  };
  return (
    <>
      <Button label={label} onClick={(e) => { e.stopPropagation(); setOpen(true); }}>
        {record ? <EditIcon /> : <AddIcon />}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} onClick={(e) => e.stopPropagation()} fullWidth maxWidth="md">
        <DialogTitle>{translate(label)}</DialogTitle>
        <Form record={record ?? defaults} onSubmit={save}>
          <DialogContent>
            {children}
            {error ? <Alert severity="error">{error}</Alert> : null}
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
            <SaveButton alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
