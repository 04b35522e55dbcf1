// The closing flow (admin): active or lapsed → closing with a coded reason, closing → closed.
// The database refuses to close while complaints are open and takes every listing off.
import { useState } from 'react';
import DoNotDisturbOnIcon from '@mui/icons-material/DoNotDisturbOn';
import StoreIcon from '@mui/icons-material/Store';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';
import { close, startClosing } from './api';
import { CLOSE_REASONS } from './fields';

const C = 'resources.merchants.closing';

export const ClosingButtons = () => {
  const record = useRecordContext<{ id: string; name: string; status: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const refresh = useRefresh();
  const translate = useTranslate();
  // closing is admin business (merchant_start_closing / merchant_close)
  const { canAccess } = useCanAccess({ resource: 'merchants', action: 'delete' });
  // the step is fixed when the dialog opens: the refresh after "start" must not relabel the
  // dialog that is still fading out into "finish" (a double click would close the shop)
  const [openStep, setOpenStep] = useState<'start' | 'finish' | null>(null);
  if (!record || !canAccess) return null;
  const current = record.status === 'active' || record.status === 'lapsed' ? 'start' : record.status === 'closing' ? 'finish' : null;
  const step = openStep ?? current;
  if (!step) return null;
  const open = openStep !== null;
  const setOpen = (v: boolean) => setOpenStep(v ? current : null);
  return (
    <>
      <Button label={`${C}.${step}`} color="error" onClick={() => setOpen(true)}>
        {step === 'start' ? <DoNotDisturbOnIcon /> : <StoreIcon />}
      </Button>
      <ActionDialog
        open={open}
        title={translate(`${C}.${step}_title`, { name: record.name })}
        content={translate(`${C}.${step}_content`)}
        reasons={step === 'start' ? { codes: CLOSE_REASONS, labelPrefix: 'resources.merchants.reasons' } : undefined}
        note={step === 'finish'}
        confirmLabel={translate(`${C}.${step}`)}
        color="error"
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode, note }) => {
          try {
            await (step === 'start' ? startClosing(dataProvider, record.id, reasonCode, note) : close(dataProvider, record.id, note));
            setOpen(false);
            notify(step === 'start' ? 'resources.merchants.notify.closing' : 'resources.merchants.notify.closed', { type: 'success' });
            refresh();
          } catch (e) {
            refusal(e);
          }
        }}
      />
    </>
  );
};
