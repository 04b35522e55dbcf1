import { useState } from 'react';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { HIDE_REASONS, hideReview, restoreReview } from './api';

interface ReviewRecord {
  id: string;
  merchant_name?: string;
  visibility: 'visible' | 'hidden';
}

/** Hide a visible review with a coded reason, or restore a hidden one with a note (review_hide / review_restore). */
export const ReviewModerationButton = () => {
  const record = useRecordContext<ReviewRecord>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'merchant_reviews', action: 'review' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;
  const hide = record.visibility === 'visible';
  const verb = hide ? 'hide' : 'restore';
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Button
        label={`resources.merchant_reviews.actions.${verb}`}
        color={hide ? 'error' : 'primary'}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {hide ? <VisibilityOffIcon /> : <VisibilityIcon />}
      </Button>
      <ActionDialog
        open={open}
        title={translate(`resources.merchant_reviews.dialog.${verb}_title`, { name: record.merchant_name ?? '' })}
        content={translate(`resources.merchant_reviews.dialog.${verb}_content`)}
        reasons={hide ? { codes: HIDE_REASONS, labelPrefix: 'resources.merchant_reviews.reasons' } : undefined}
        note
        canConfirm
        confirmLabel={translate(`resources.merchant_reviews.actions.${verb}`)}
        color={hide ? 'error' : 'primary'}
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode, note }) => {
          if (hide) await hideReview(dataProvider, record.id, reasonCode, note);
          else await restoreReview(dataProvider, record.id, note);
          setOpen(false);
          notify(`resources.merchant_reviews.notify.${hide ? 'hidden' : 'restored'}`, { type: 'success' });
          refresh();
        }}
      />
    </span>
  );
};
