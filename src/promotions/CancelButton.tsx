import { useState } from 'react';
import CancelIcon from '@mui/icons-material/Cancel';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { cancel } from './api';
import { ActionDialog } from '../common/ActionDialog';

export const CANCEL_REASONS = ['listing_issue', 'merchant_suspended', 'complaint', 'merchant_request', 'other'] as const;

/** Ends an active promotion early with a reason (promotion_cancel), freeing its slot. */
export const CancelButton = () => {
  const record = useRecordContext<{ id: string; state: string; listing_title: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'promotions', action: 'delist' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess || record.state !== 'active') return null;
  return (
    <>
      <Button label="resources.promotions.actions.cancel" color="error" onClick={(e) => { e.stopPropagation(); setOpen(true); }}>
        <CancelIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('resources.promotions.dialog.cancel_title', { title: record.listing_title })}
        content={translate('resources.promotions.dialog.cancel_content')}
        reasons={{ codes: CANCEL_REASONS, labelPrefix: 'resources.promotions.reasons' }}
        confirmLabel={translate('resources.promotions.actions.cancel')}
        color="error"
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode: code, note }) => {
          await cancel(dataProvider, record.id, code, note);
          setOpen(false);
          notify('resources.promotions.notify.cancelled', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
};
