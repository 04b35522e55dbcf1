import { useState } from 'react';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import PlayCircleIcon from '@mui/icons-material/PlayCircle';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { resume, suspend } from './api';
import { RESUME_REASONS, SUSPEND_REASONS } from './fields';
import { ActionDialog } from '../common/ActionDialog';

/** Suspend an active merchant, or resume a suspended one, with a coded reason (merchant_suspend / merchant_resume). */
export const StatusButtons = () => {
  const record = useRecordContext<{ id: string; name: string; status: string }>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'merchants', action: 'suspend' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;
  const verb = record.status === 'active' ? 'suspend' : record.status === 'suspended' ? 'resume' : null;
  if (!verb) return null;
  return (
    <>
      <Button label={`resources.merchants.actions.${verb}`} color={verb === 'suspend' ? 'error' : 'primary'} onClick={() => setOpen(true)}>
        {verb === 'suspend' ? <PauseCircleIcon /> : <PlayCircleIcon />}
      </Button>
      <ActionDialog
        open={open}
        title={translate(`resources.merchants.dialog.${verb}_title`, { name: record.name })}
        content={verb === 'suspend' ? translate('resources.merchants.dialog.suspend_content') : undefined}
        reasons={{ codes: verb === 'suspend' ? SUSPEND_REASONS : RESUME_REASONS, labelPrefix: 'resources.merchants.reasons' }}
        confirmLabel={translate(`resources.merchants.actions.${verb}`)}
        color={verb === 'suspend' ? 'error' : 'primary'}
        onClose={() => setOpen(false)}
        onConfirm={async ({ reasonCode: code, note }) => {
          await (verb === 'suspend' ? suspend : resume)(dataProvider, record.id, code, note);
          setOpen(false);
          notify(verb === 'suspend' ? 'resources.merchants.notify.suspended' : 'resources.merchants.notify.resumed', { type: 'success' });
          refresh();
        }}
      />
    </>
  );
};
