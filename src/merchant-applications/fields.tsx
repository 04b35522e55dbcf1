import type { FieldProps } from 'react-admin';
import { StateChip } from '../common/StateChip';

const STATE_TONES = {
  draft: 'default',
  submitted: 'warning',
  in_review: 'info',
  need_more_info: 'secondary',
  rejected: 'error',
  approved: 'success',
} as const;

export const ApplicationStateField = (props: FieldProps) => (
  <StateChip {...props} prefix="resources.merchant_applications.states" colors={STATE_TONES} />
);
