import { useState } from 'react';
import BlockIcon from '@mui/icons-material/Block';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import { Button, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import type { Staff } from '../providers/types';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';

/** Activate or deactivate a staff account, after a confirmation that asks for a reason. */
export const SetActiveButton = () => {
  const record = useRecordContext<Staff>();
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const notifyRefusal = useNotifyRefusal();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const next = !record.active;
  const verb = next ? 'activate' : 'deactivate';

  return (
    <>
      <Button
        label={`staff.actions.${verb}`}
        color={next ? 'primary' : 'error'}
        onClick={(e) => {
          e.stopPropagation();
          setOpen(true);
        }}
      >
        {next ? <CheckCircleIcon /> : <BlockIcon />}
      </Button>
      <ActionDialog
        open={open}
        title={translate(`staff.dialog.${verb}_title`, { name: record.display_name })}
        content={translate(`staff.dialog.${verb}_content`)}
        fields={[{ name: 'reason', label: translate('staff.dialog.reason'), required: true, multiline: true }]}
        confirmLabel={translate(`staff.actions.${verb}`)}
        color={next ? 'primary' : 'error'}
        maxWidth="xs"
        onClose={() => setOpen(false)}
        onConfirm={async ({ reason }) => {
          try {
            await dataProvider.setStaffActive(record.id, next, reason);
          } catch (e) {
            notifyRefusal(e);
            return;
          }
          notify(next ? 'staff.notify.activated' : 'staff.notify.deactivated', { type: 'success' });
          setOpen(false);
          refresh();
        }}
      />
    </>
  );
};
