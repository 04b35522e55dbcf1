import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { StateChip } from '../common/StateChip';
import { choicesOf } from '../common/choices';

const STATUS_TONES = {
  approved: 'info',
  active: 'success',
  suspended: 'error',
  grace: 'warning',
  lapsed: 'warning',
  closing: 'default',
  closed: 'default',
} as const;

export const MerchantStatusField = (props: FieldProps) => <StateChip {...props} prefix="resources.merchants.statuses" colors={STATUS_TONES} />;

/** A numeric(6,4) fraction (0.0350) as a percentage (3.50%). */
export const RateField = (props: FieldProps) => {
  const value = useFieldValue(props) as number | string | null;
  const n = value === null || value === undefined || value === '' ? null : Number(value);
  return (
    <Typography component="span" variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {n === null || !Number.isFinite(n) ? '—' : `${(n * 100).toFixed(2)}%`}
    </Typography>
  );
};

export const STATUS_CHOICES = choicesOf(Object.keys(STATUS_TONES), 'resources.merchants.statuses');
export const SUSPEND_REASONS = ['complaints', 'false_info', 'fee_dispute', 'licence_expired', 'staff_decision', 'other'] as const;
export const RESUME_REASONS = ['rectified', 'appeal_upheld', 'staff_decision', 'other'] as const;
export const CLOSE_REASONS = ['merchant_request', 'contract_ended', 'fee_unpaid', 'false_info', 'staff_decision', 'other'] as const;
