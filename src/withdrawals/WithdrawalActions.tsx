// The buttons a withdrawal offers in its current state, each only when canAccess allows it,
// each irreversible one behind a confirmation (with a reason or a payout reference).
import { useState } from 'react';
import { Stack, Typography } from '@mui/material';
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import CheckIcon from '@mui/icons-material/Check';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import CloseIcon from '@mui/icons-material/Close';
import PaymentsIcon from '@mui/icons-material/Payments';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutline';
import ReplayIcon from '@mui/icons-material/Replay';
import UndoIcon from '@mui/icons-material/Undo';
import {
  Button,
  useCanAccess,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { formatFen } from '../common/money';
import { ActionDialog, type DialogField } from '../common/ActionDialog';
import { useNotifyRefusal } from '../common/refusal';
import * as act from './api';

type Kind = 'claim' | 'approve' | 'approve_second' | 'reject' | 'pay' | 'mark_paid' | 'mark_failed' | 'retry' | 'return_funds';

const ICONS: Record<Kind, React.ReactElement> = {
  claim: <AssignmentIndIcon />,
  approve: <CheckIcon />,
  approve_second: <DoneAllIcon />,
  reject: <CloseIcon />,
  pay: <PaymentsIcon />,
  mark_paid: <PaymentsIcon />,
  mark_failed: <ErrorOutlineIcon />,
  retry: <ReplayIcon />,
  return_funds: <UndoIcon />,
};

export const WithdrawalActions = () => {
  const record = useRecordContext();
  const dataProvider = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refusal = useNotifyRefusal();
  const refresh = useRefresh();
  const { canAccess: canReview } = useCanAccess({ resource: 'withdrawals', action: 'review' });
  const { canAccess: canSecond } = useCanAccess({ resource: 'withdrawals', action: 'approve' });
  const { canAccess: canPay } = useCanAccess({ resource: 'withdrawals', action: 'pay' });
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState<Kind | null>(null);
  if (!record) return null;
  const id = String(record.id);
  const awaiting = Boolean(record.awaiting_second_approval);
  // four eyes (withdrawal_second_approval, withdrawal_payout): whoever approved it neither
  // approves it a second time nor pays it out; the database refuses them anyway
  const approvedByMe = identity?.id != null && (record.approved_by === identity.id || record.second_approved_by === identity.id);
  const payer = canPay && !approvedByMe;

  const available: Kind[] = [];
  if (canReview && record.state === 'applied') available.push('claim');
  if (canReview && record.state === 'in_review') available.push('approve', 'reject');
  if (canSecond && record.state === 'approved' && awaiting && !approvedByMe) available.push('approve_second');
  if (canReview && record.state === 'approved' && awaiting) available.push('reject');
  if (payer && record.state === 'approved' && !awaiting) available.push('pay');
  if (payer && record.state === 'paying') available.push('mark_paid', 'mark_failed');
  if (payer && record.state === 'pay_failed') available.push('retry', 'return_funds');
  const waitingForColleague = canPay && approvedByMe && ['approved', 'paying', 'pay_failed'].includes(record.state);

  const reason: DialogField = { name: 'reason', label: translate('withdrawals.dialog.reason'), required: true, multiline: true };
  const reference: DialogField = {
    name: 'reference',
    label: translate('withdrawals.dialog.reference'),
    required: true,
    pattern: act.REFERENCE,
    helperText: translate('withdrawals.dialog.reference_help'),
  };
  const note: DialogField = { name: 'note', label: translate('withdrawals.dialog.note'), multiline: true };
  const fields: Record<Kind, DialogField[]> = {
    claim: [],
    approve: [note],
    approve_second: [note],
    reject: [reason],
    pay: [reference],
    mark_paid: [reference],
    mark_failed: [reason],
    retry: [],
    return_funds: [reason],
  };
  const run: Record<Kind, (v: Record<string, string>) => Promise<unknown>> = {
    claim: () => act.claim(dataProvider, id),
    approve: (v) => act.approve(dataProvider, id, v.note),
    approve_second: (v) => act.approveSecond(dataProvider, id, v.note),
    reject: (v) => act.reject(dataProvider, id, v.reason),
    // approved → paying → paid; if the second step is refused the request stays "paying"
    pay: async (v) => {
      await act.startPayout(dataProvider, id);
      await act.markPaid(dataProvider, id, v.reference);
    },
    mark_paid: (v) => act.markPaid(dataProvider, id, v.reference),
    mark_failed: (v) => act.markFailed(dataProvider, id, v.reason),
    retry: () => act.startPayout(dataProvider, id),
    return_funds: (v) => act.returnFunds(dataProvider, id, v.reason),
  };
  const danger = (k: Kind) => k === 'reject' || k === 'mark_failed' || k === 'return_funds';

  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap alignItems="center">
      {waitingForColleague && !available.length ? (
        <Typography variant="body2" color="text.secondary">{translate('withdrawals.four_eyes_payout')}</Typography>
      ) : null}
      {available.map((k) => (
        <Button
          key={k}
          label={`withdrawals.actions.${k}`}
          color={danger(k) ? 'error' : 'primary'}
          variant={k === 'approve' || k === 'pay' || k === 'mark_paid' ? 'contained' : 'text'}
          onClick={(e) => {
            e.stopPropagation();
            setOpen(k);
          }}
        >
          {ICONS[k]}
        </Button>
      ))}
      {open ? (
        <ActionDialog
          open
          title={translate(`withdrawals.actions.${open}`) + ' · ' + record.withdrawal_no}
          content={translate(`withdrawals.dialog.${open}`, {
            amount: formatFen(record.amount_fen),
            net: formatFen(record.net_fen),
            name: record.owner_name ?? '',
          })}
          fields={fields[open]}
          confirmLabel={translate(`withdrawals.actions.${open}`)}
          color={danger(open) ? 'error' : 'primary'}
          onClose={() => setOpen(null)}
          onConfirm={async (values) => {
            try {
              await run[open](values);
              notify(`withdrawals.done.${open}`, { type: 'success' });
              setOpen(null);
            } catch (e) {
              refusal(e);
            } finally {
              refresh();
            }
          }}
        />
      ) : null}
    </Stack>
  );
};
