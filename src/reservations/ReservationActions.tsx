import { useState } from 'react';
import { MenuItem, Stack, TextField } from '@mui/material';
import VerifiedIcon from '@mui/icons-material/Verified';
import DoDisturbIcon from '@mui/icons-material/DoDisturb';
import { useCanAccess, useDataProvider, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { ActionDialogButton } from '../common/ActionDialogButton';
import { verifyDeal, voidDeal } from './api';
import { VOID_REASONS } from './choices';

export interface ReservationRecord {
  id: string;
  state: string;
  deal_amount_fen: number | null;
}

const D = 'resources.reservations.dialog';

/** deal_pending → deal_closed (customer service verifies the declared deal; a trade is created). */
export const VerifyDealButton = ({ record }: { record: ReservationRecord }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const [note, setNote] = useState('');
  if (record.state !== 'deal_pending') return null;
  return (
    <ActionDialogButton
      label="resources.reservations.actions.verify"
      icon={<VerifiedIcon />}
      variant="contained"
      color="success"
      title={`${D}.verify_title`}
      onReset={() => setNote('')}
      onSubmit={() => verifyDeal(dataProvider, record.id, note.trim())}
      success="resources.reservations.notify.verified"
    >
      <span>{translate(`${D}.verify_content`, { amount: formatFen(record.deal_amount_fen) })}</span>
      <TextField fullWidth multiline minRows={2} label={translate(`${D}.note`)} value={note} onChange={(e) => setNote(e.target.value)} />
    </ActionDialogButton>
  );
};

/** deal_closed | settled → voided, with a reason (the trade is voided, commission reversed). */
export const VoidButton = ({ record }: { record: ReservationRecord }) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const [code, setCode] = useState('');
  const [note, setNote] = useState('');
  if (record.state !== 'deal_closed' && record.state !== 'settled') return null;
  return (
    <ActionDialogButton
      label="resources.reservations.actions.void"
      icon={<DoDisturbIcon />}
      color="error"
      title={`${D}.void_title`}
      description={`${D}.void_content`}
      canSubmit={code !== '' && note.trim() !== ''}
      onReset={() => {
        setCode('');
        setNote('');
      }}
      onSubmit={() => voidDeal(dataProvider, record.id, code, note.trim())}
      success="resources.reservations.notify.voided"
    >
      <TextField select required fullWidth label={translate(`${D}.reason_code`)} value={code} onChange={(e) => setCode(e.target.value)}>
        {VOID_REASONS.map((c) => (
          <MenuItem key={c.id} value={c.id}>
            {translate(c.name)}
          </MenuItem>
        ))}
      </TextField>
      <TextField required fullWidth multiline minRows={2} label={translate(`${D}.reason_note`)} value={note} onChange={(e) => setNote(e.target.value)} />
    </ActionDialogButton>
  );
};

export const ReservationActions = ({ record }: { record: ReservationRecord }) => {
  const { canAccess } = useCanAccess({ resource: 'reservations', action: 'verify' });
  if (!canAccess) return null;
  return (
    <Stack direction="row" spacing={1}>
      <VerifyDealButton record={record} />
      <VoidButton record={record} />
    </Stack>
  );
};
