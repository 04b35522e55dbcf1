// A masked personal detail (phone, ID number, real name) with "show in full" for the roles that
// may reveal one: the reason is asked for, member_reveal_pii() audits the reveal, and the full
// value stays on this page only. Fields already shown in full (a case the agent handles) have
// no button.
import { useState } from 'react';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { useCanAccess, useDataProvider, useRecordContext, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';
import { revealPii } from './api';

type PiiField = 'phone' | 'id_number' | 'real_name';

export const RevealPiiField = ({ source }: { source: PiiField }) => {
  const record = useRecordContext<{ id: string; nickname?: string } & Partial<Record<PiiField, string | null>>>();
  const { canAccess } = useCanAccess({ resource: 'members', action: 'reveal' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const refusal = useNotifyRefusal();
  const [open, setOpen] = useState(false);
  const [full, setFull] = useState<string | null>(null);
  if (!record) return null;
  const shown = full ?? record[source] ?? null;
  const masked = full === null && typeof shown === 'string' && shown.includes('*');
  return (
    <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" component="span">{shown || '—'}</Typography>
      {masked && canAccess ? (
        <Tooltip title={translate('resources.members.reveal.action')}>
          <IconButton size="small" aria-label={translate('resources.members.reveal.action')} onClick={() => setOpen(true)}>
            <VisibilityIcon fontSize="inherit" />
          </IconButton>
        </Tooltip>
      ) : null}
      <ActionDialog
        open={open}
        title={translate('resources.members.reveal.title', { field: translate(`resources.members.fields.${source}`), name: record.nickname ?? '' })}
        content={translate('resources.members.reveal.content')}
        fields={[{ name: 'reason', label: translate('resources.members.reveal.reason'), required: true, multiline: true }]}
        confirmLabel={translate('resources.members.reveal.action')}
        onClose={() => setOpen(false)}
        onConfirm={async ({ reason }) => {
          try {
            setFull(await revealPii(dataProvider, record.id, source, reason));
            setOpen(false);
          } catch (e) {
            refusal(e);
          }
        }}
      />
    </Stack>
  );
};
