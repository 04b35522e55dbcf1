// The buttons a withdrawal offers in its current state, each only when canAccess allows it,
// each irreversible one behind a confirmation (with a reason or a payout reference).
import { useState } from 'react';
import { Button as MuiButton, MenuItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
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

type Kind =
  | 'claim' | 'approve' | 'approve_second' | 'reject' | 'pay' | 'manual_pay' | 'mark_paid' | 'mark_failed' | 'retry' | 'return_funds'
  | 'recon';

const ICONS: Record<Kind, React.ReactElement> = {
  claim: <AssignmentIndIcon />,
  approve: <CheckIcon />,
  approve_second: <DoneAllIcon />,
  reject: <CloseIcon />,
  pay: <PaymentsIcon />,
  manual_pay: <ReceiptLongIcon />,
  recon: <FactCheckIcon />,
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
  // the manual payout's proof file and the reconciliation status picked in their dialogs
  const [proof, setProof] = useState<File | null>(null);
  const [recon, setRecon] = useState<act.ReconStatus>('matched');
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
  if (payer && record.state === 'approved' && !awaiting) available.push('pay', 'manual_pay');
  if (payer && record.state === 'paying') available.push('mark_paid', 'mark_failed');
  if (payer && record.state === 'pay_failed') available.push('retry', 'return_funds');
  // reconciliation is no payout step: whoever pays or approved may check it against the bank
  if (canPay && record.state === 'paid') available.push('recon');
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
    manual_pay: [reference],
    recon: [reason],
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
    // the proof goes to storage first; if the payout is then refused it stays as an orphan file
    manual_pay: async (v) => {
      if (!proof) return;
      await act.manualPaid(dataProvider, id, await act.uploadProof(id, proof), v.reference);
    },
    recon: (v) => act.setRecon(dataProvider, id, recon, v.reason),
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
          canConfirm={open !== 'manual_pay' || proof !== null}
          onClose={() => {
            setOpen(null);
            setProof(null);
          }}
          onConfirm={async (values) => {
            try {
              await run[open](values);
              notify(`withdrawals.done.${open}`, { type: 'success' });
              setOpen(null);
              setProof(null);
            } catch (e) {
              refusal(e);
            } finally {
              refresh();
            }
          }}
        >
          {open === 'manual_pay' ? (
            <MuiButton component="label" variant="outlined" startIcon={<UploadFileIcon />} sx={{ mb: 1 }}>
              {proof ? proof.name : translate('withdrawals.dialog.proof')}
              <input
                hidden
                type="file"
                data-testid="proof-file"
                accept="image/jpeg,image/png,image/webp,application/pdf"
                onChange={(e) => setProof(e.target.files?.[0] ?? null)}
              />
            </MuiButton>
          ) : null}
          {open === 'recon' ? (
            <MuiTextField
              select
              fullWidth
              size="small"
              sx={{ mb: 1 }}
              label={translate('resources.withdrawals.fields.recon_status')}
              value={recon}
              onChange={(e) => setRecon(e.target.value as act.ReconStatus)}
            >
              {act.RECON_STATUSES.map((s) => (
                <MenuItem key={s} value={s}>{translate(`withdrawals.recon.${s}`)}</MenuItem>
              ))}
            </MuiTextField>
          ) : null}
        </ActionDialog>
      ) : null}
    </Stack>
  );
};
