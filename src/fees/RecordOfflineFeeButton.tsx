// 登记线下缴费 on a merchant's page (finance, admin): plan, the amount from the price list of
// the day received, the payer, the bank serial and the transfer proof. The proof is uploaded
// first (the database checks it is there), then offline_fee_record; a colleague confirms.
import { useEffect, useState } from 'react';
import { MenuItem, TextField, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { Button, useCanAccess, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';
import { ActionDialog } from '../common/ActionDialog';
import { DayTextField } from '../common/DayInput';
import { beijingDay } from '../common/datetime';
import { formatFen, parseYuan } from '../common/money';
import { FEE_PLANS, quote, recordOfflineFee, uploadProof, type FeePlan } from './api';

const SERIAL = /^[A-Za-z0-9_-]{4,60}$/;
const PAYABLE = new Set(['approved', 'active', 'grace', 'lapsed', 'suspended']);

export const RecordOfflineFeeButton = () => {
  const record = useRecordContext<{ id: string; name: string; status: string; fee_plan: FeePlan | null }>();
  const { canAccess } = useCanAccess({ resource: 'offline_fee_payments', action: 'create' });
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<FeePlan>('yearly');
  const [paidOn, setPaidOn] = useState(beijingDay());
  const [price, setPrice] = useState<number | null | undefined>(undefined);
  const [amount, setAmount] = useState('');
  const [payer, setPayer] = useState('');
  const [serial, setSerial] = useState('');
  const [file, setFile] = useState<File | null>(null);

  // the list price of the chosen plan on the day received prefills the amount
  useEffect(() => {
    if (!open || !record || !paidOn) return;
    let live = true;
    quote(dataProvider, String(record.id), plan, paidOn).then(
      (fen) => {
        if (!live) return;
        setPrice(fen);
        setAmount(fen === null ? '' : formatFen(fen, { symbol: false }));
      },
      () => live && setPrice(null),
    );
    return () => {
      live = false;
    };
  }, [open, record, plan, paidOn, dataProvider]);

  if (!record || !canAccess || !PAYABLE.has(record.status)) return null;
  const amountFen = parseYuan(amount);
  const valid = !!amountFen && amountFen > 0 && payer.trim() !== '' && SERIAL.test(serial.trim()) && !!paidOn && !!file;
  const start = () => {
    setPlan(record.fee_plan ?? 'yearly');
    setPaidOn(beijingDay());
    setPayer('');
    setSerial('');
    setFile(null);
    setPrice(undefined);
    setOpen(true);
  };
  return (
    <>
      <Button label="fees.record.action" onClick={start}>
        <AccountBalanceIcon />
      </Button>
      <ActionDialog
        open={open}
        title={translate('fees.record.title', { name: record.name })}
        content={translate('fees.record.content')}
        note
        canConfirm={valid}
        confirmLabel={translate('fees.record.action')}
        onClose={() => setOpen(false)}
        onConfirm={async ({ note }) => {
          const proofPath = await uploadProof(String(record.id), file!);
          await recordOfflineFee(dataProvider, {
            merchantId: String(record.id), plan, amountFen: amountFen!, payerName: payer.trim(), bankSerial: serial.trim(),
            paidOn, proofPath, note,
          });
          notify('fees.record.done', { type: 'success' });
          setOpen(false);
          refresh();
        }}
      >
        <TextField select label={translate('resources.offline_fee_payments.fields.plan')} value={plan}
          onChange={(e) => setPlan(e.target.value as FeePlan)} name="plan">
          {FEE_PLANS.map((p) => <MenuItem key={p} value={p}>{translate(`fees.plan.${p}`)}</MenuItem>)}
        </TextField>
        <DayTextField label={translate('resources.offline_fee_payments.fields.paid_on')} value={paidOn} onChange={setPaidOn}
          required name="paid_on" />
        <TextField label={translate('resources.offline_fee_payments.fields.amount_fen')} value={amount} name="amount"
          onChange={(e) => setAmount(e.target.value)} required
          error={price === null}
          helperText={price === null ? translate('fees.record.no_price')
            : price !== undefined ? translate('fees.record.amount_hint', { amount: formatFen(price) }) : ' '}
          slotProps={{ input: { startAdornment: <Typography sx={{ mr: 0.5 }}>¥</Typography> } }} />
        <TextField label={translate('resources.offline_fee_payments.fields.payer_name')} value={payer} name="payer_name"
          onChange={(e) => setPayer(e.target.value)} required slotProps={{ htmlInput: { maxLength: 60 } }} />
        <TextField label={translate('resources.offline_fee_payments.fields.bank_serial')} value={serial} name="bank_serial"
          onChange={(e) => setSerial(e.target.value)} required error={serial !== '' && !SERIAL.test(serial.trim())}
          slotProps={{ htmlInput: { maxLength: 60 } }} />
        <TextField type="file" label={translate('fees.record.proof')} name="proof" required
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { accept: 'image/jpeg,image/png,image/webp,application/pdf' } }}
          onChange={(e) => setFile((e.target as HTMLInputElement).files?.[0] ?? null)} />
      </ActionDialog>
    </>
  );
};
