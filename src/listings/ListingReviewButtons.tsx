import { useState } from 'react';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import RemoveShoppingCartIcon from '@mui/icons-material/RemoveShoppingCart';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import * as api from './api';
import { LISTING_DELIST_REASONS, LISTING_REJECT_REASONS } from './choices';
import { ActionDialog, type ActionValues } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';

interface ListingRecord {
  id: string;
  title: string;
  review_state: string;
  shelf_state: string;
}

/** Approve / reject (pending listings) and delist (any not yet delisted) one listing, each through its RPC. */
export const ListingReviewButtons = () => {
  const record = useRecordContext<ListingRecord>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const notifyRefusal = useNotifyRefusal();
  const { canAccess: canReview } = useCanAccess({ resource: 'listings', action: 'review' });
  const { canAccess: canDelist } = useCanAccess({ resource: 'listings', action: 'delist' });
  const [dialog, setDialog] = useState<'reject' | 'delist' | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record) return null;

  const approve = async () => {
    setBusy(true);
    try {
      await api.approve(dataProvider, record.id);
      notify('resources.listings.notify.approved', { type: 'success' });
      refresh();
    } catch (e) {
      notifyRefusal(e);
    } finally {
      setBusy(false);
    }
  };
  // A refusal propagates: the dialog stays open and shows it.
  const decide = (call: typeof api.reject, done: string) => async ({ reasonCode, note }: ActionValues) => {
    await call(dataProvider, record.id, reasonCode, note);
    setDialog(null);
    notify(done, { type: 'success' });
    refresh();
  };

  const pending = record.review_state === 'pending';
  return (
    <>
      {canReview && pending ? (
        <>
          <Button label="resources.listings.actions.approve" onClick={approve} disabled={busy} variant="contained" color="success">
            <CheckIcon />
          </Button>
          <Button label="resources.listings.actions.reject" onClick={() => setDialog('reject')} disabled={busy} color="error">
            <CloseIcon />
          </Button>
        </>
      ) : null}
      {canDelist && record.shelf_state !== 'forced_off' ? (
        <Button label="resources.listings.actions.delist" onClick={() => setDialog('delist')} disabled={busy} color="error">
          <RemoveShoppingCartIcon />
        </Button>
      ) : null}
      <ActionDialog
        open={dialog === 'reject'}
        title={translate('resources.listings.dialog.reject_title', { title: record.title })}
        reasons={{ codes: LISTING_REJECT_REASONS, labelPrefix: 'resources.listings.reasons' }}
        confirmLabel={translate('resources.listings.actions.reject')}
        color="error"
        onClose={() => setDialog(null)}
        onConfirm={decide(api.reject, 'resources.listings.notify.rejected')}
      />
      <ActionDialog
        open={dialog === 'delist'}
        title={translate('resources.listings.dialog.delist_title', { title: record.title })}
        content={translate('resources.listings.dialog.delist_content')}
        reasons={{ codes: LISTING_DELIST_REASONS, labelPrefix: 'resources.listings.reasons' }}
        confirmLabel={translate('resources.listings.actions.delist')}
        color="error"
        onClose={() => setDialog(null)}
        onConfirm={decide(api.delist, 'resources.listings.notify.delisted')}
      />
    </>
  );
};
