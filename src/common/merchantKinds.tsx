// A merchant's kind and fee plan: chosen in the application, kept by the merchant; both the
// applications and the merchants list and show them (labels under resources.merchant_applications).
import type { FieldProps } from 'react-admin';
import type { Enums } from '../types/database';
import { choicesOf } from './choices';
import { StateChip } from './StateChip';

export const MERCHANT_KINDS = ['used_dealer', 'new_dealer_4s', 'rental', 'service', 'parts'] as const satisfies readonly Enums<'merchant_kind'>[];
export const FEE_PLANS = ['monthly', 'quarterly', 'yearly'] as const satisfies readonly Enums<'fee_plan'>[];

export const MERCHANT_KIND_CHOICES = choicesOf(MERCHANT_KINDS, 'resources.merchant_applications.kinds');

export const MerchantKindField = (props: FieldProps) => <StateChip {...props} prefix="resources.merchant_applications.kinds" />;
export const FeePlanField = (props: FieldProps) => <StateChip {...props} prefix="resources.merchant_applications.fee_plans" />;
