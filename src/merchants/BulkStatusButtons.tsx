import { useState } from 'react';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import { Button, useCanAccess, useTranslate } from 'react-admin';
import { setStatusBulk } from './api';
import { RESUME_REASONS, SUSPEND_REASONS } from './fields';
import { ActionDialog } from '../common/ActionDialog';
import { useBulkRunner } from '../common/bulk';

/** Suspend or resume the selected merchants with one coded reason (merchant_set_status_bulk: per row, in scope, audited). */
const BulkStatusButton = ({ verb }: { verb: 'suspend' | 'resume' }) => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'merchants', action: 'suspend' });
  const { selectedIds, run, failedRows } = useBulkRunner('name');
  const [open, setOpen] = useState(false);
  if (!canAccess) return null;
  const label = `resources.merchants.actions.bulk_${verb}`;
  return (
    <>
      <Button label={label} color={verb === 'suspend' ? 'error' : 'primary'} onClick={() => setOpen(true)}>
        {verb === 'suspend' ? <PauseCircleIcon /> : <PlayCircleIcon />}
      </Button>
      <ActionDialog
        open={open}
        title={translate(`resources.merchants.dialog.bulk_${verb}_title`, { count: selectedIds.length })}
        content={translate(`resources.merchants.dialog.bulk_${verb}_content`)}
        reasons={{ codes: verb === 'suspend' ? SUSPEND_REASONS : RESUME_REASONS, labelPrefix: 'resources.merchants.reasons' }}
        confirmLabel={translate(label)}
        color={verb === 'suspend' ? 'error' : 'primary'}
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode, note }) => {
          await run((dp, ids) => setStatusBulk(dp, ids, verb === 'suspend', reasonCode, note));
          setOpen(false);
        }}
      />
      {failedRows}
    </>
  );
};

export const MerchantBulkActions = () => (
  <>
    <BulkStatusButton verb="suspend" />
    <BulkStatusButton verb="resume" />
  </>
);
