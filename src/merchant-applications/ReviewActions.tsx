import { useState } from 'react';
import { Alert } from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import CheckIcon from '@mui/icons-material/Check';
import CloseIcon from '@mui/icons-material/Close';
import EditNoteIcon from '@mui/icons-material/EditNote';
import SkipNextIcon from '@mui/icons-material/SkipNext';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useGetIdentity,
  useNotify,
  usePermissions,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { StaffPermissions } from '../providers/authProvider';
import * as api from './api';
import { ApproveDialog } from './ApproveDialog';
import { REJECT_REASONS } from './choices';
import { nextInQueue } from './nextInQueue';
import { RequestInfoDialog } from './RequestInfoDialog';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';

interface Application {
  id: string;
  company_name: string;
  state: string;
  reviewer_id: string | null;
  reviewer_name: string | null;
  category_id: number | null;
  kind: string | null;
}

/**
 * Claim, then approve, ask for more information (field comments) or reject; after a decision
 * the next application in the queue opens.
 */
export const ReviewActions = () => {
  const record = useRecordContext<Application>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const translate = useTranslate();
  const notifyRefusal = useNotifyRefusal();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<StaffPermissions>();
  const { canAccess } = useCanAccess({ resource: 'merchant_applications', action: 'review' });
  const [dialog, setDialog] = useState<'approve' | 'request_info' | 'reject' | null>(null);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess) return null;

  const me = identity?.id ? String(identity.id) : undefined;
  const mine = record.reviewer_id === me || permissions?.role === 'admin';

  const goNext = async () => {
    const next = await nextInQueue(dataProvider, me, record.id);
    if (next) redirect('show', 'merchant_applications', next);
    else {
      notify('resources.merchant_applications.notify.queue_empty', { type: 'info' });
      redirect('list', 'merchant_applications');
    }
  };
  const claim = async () => {
    setBusy(true);
    try {
      await api.claim(dataProvider, record.id);
      notify('resources.merchant_applications.notify.claimed', { type: 'success' });
      refresh();
    } catch (e) {
      notifyRefusal(e);
      refresh();
    } finally {
      setBusy(false);
    }
  };
  const decided = async (message: string) => {
    setDialog(null);
    notify(message, { type: 'success' });
    // the decided application changed: drop its cached copy, so going back shows the decision
    refresh();
    await goNext();
  };

  return (
    <>
      {record.state === 'submitted' ? (
        <Button label="resources.merchant_applications.actions.claim" onClick={claim} disabled={busy} variant="contained">
          <AssignmentIndIcon />
        </Button>
      ) : null}
      {record.state === 'in_review' && mine ? (
        <>
          <Button label="resources.merchant_applications.actions.approve" onClick={() => setDialog('approve')} variant="contained" color="success">
            <CheckIcon />
          </Button>
          <Button label="resources.merchant_applications.actions.request_info" onClick={() => setDialog('request_info')} color="secondary">
            <EditNoteIcon />
          </Button>
          <Button label="resources.merchant_applications.actions.reject" onClick={() => setDialog('reject')} color="error">
            <CloseIcon />
          </Button>
        </>
      ) : null}
      {record.state === 'in_review' && !mine ? (
        <Alert severity="info" sx={{ py: 0 }}>
          {translate('resources.merchant_applications.show.claimed_by_other', { name: record.reviewer_name ?? '—' })}
        </Alert>
      ) : null}
      <Button label="resources.merchant_applications.actions.next" onClick={goNext}>
        <SkipNextIcon />
      </Button>
      <ApproveDialog
        open={dialog === 'approve'}
        name={record.company_name}
        categoryId={record.category_id}
        onClose={() => setDialog(null)}
        onConfirm={async (plan, category, note) => {
          await api.approve(dataProvider, record.id, plan, category, note);
          await decided('resources.merchant_applications.notify.approved');
        }}
      />
      <RequestInfoDialog
        open={dialog === 'request_info'}
        name={record.company_name}
        kind={record.kind}
        onClose={() => setDialog(null)}
        onConfirm={async (fieldComments, note) => {
          await api.requestInfo(dataProvider, record.id, fieldComments, note);
          await decided('resources.merchant_applications.notify.info_requested');
        }}
      />
      <ActionDialog
        open={dialog === 'reject'}
        title={translate('resources.merchant_applications.dialog.reject_title', { name: record.company_name })}
        content={translate('resources.merchant_applications.dialog.reject_content')}
        reasons={{ codes: REJECT_REASONS, labelPrefix: 'resources.merchant_applications.reasons' }}
        confirmLabel={translate('resources.merchant_applications.actions.reject')}
        color="error"
        onClose={() => setDialog(null)}
        onConfirm={async ({ reasonCode: code, note }) => {
          await api.reject(dataProvider, record.id, code, note);
          await decided('resources.merchant_applications.notify.rejected');
        }}
      />
    </>
  );
};
