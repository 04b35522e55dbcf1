import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { Button, useCanAccess, useTranslate } from 'react-admin';
import { assignBulk } from './api';
import { useAssignees } from './useAssignees';
import { ActionDialog } from '../common/ActionDialog';
import { useBulkRunner } from '../common/bulk';

/** Assign the selected complaints to one colleague (complaint_assign_bulk: per row, in scope and open, audited). */
export const BulkAssignButton = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'complaints', action: 'assign' });
  const { data: assignees } = useAssignees();
  const { selectedIds, run, failedRows } = useBulkRunner('title');
  const [open, setOpen] = useState(false);
  const [assignee, setAssignee] = useState('');
  if (!canAccess) return null;
  return (
    <>
      <Button label="resources.complaints.actions.bulk_assign" onClick={() => setOpen(true)}>
        <AssignmentIndIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('resources.complaints.dialog.bulk_assign_title', { count: selectedIds.length })}
        content={translate('resources.complaints.dialog.bulk_assign_content')}
        note={false}
        canConfirm={!!assignee}
        confirmLabel={translate('resources.complaints.actions.bulk_assign')}
        maxWidth="xs"
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          await run((dp, ids) => assignBulk(dp, ids, assignee));
          setOpen(false);
        }}
      >
        <TextField select fullWidth label={translate('resources.complaints.fields.assignee_id')} value={assignee}
          onChange={(e) => setAssignee(e.target.value)} slotProps={{ htmlInput: { name: 'assignee' } }}>
          {(assignees ?? []).map((a) => (
            <MenuItem key={a.id} value={a.id}>{`${a.display_name}（${translate(`roles.${a.role}`)}）`}</MenuItem>
          ))}
        </TextField>
      </ActionDialog>
      {failedRows}
    </>
  );
};
