// The payment channels: payments go through them, and the statements reconciled against the
// payments come from them (labels under payments.channel).
import type { Enums } from '../types/database';
import { choicesOf } from './choices';

export type PaymentChannel = Enums<'payment_channel'>;
export const PAYMENT_CHANNELS = ['wechat', 'alipay', 'bank_transfer'] as const satisfies readonly PaymentChannel[];
export const PAYMENT_CHANNEL_CHOICES = choicesOf(PAYMENT_CHANNELS, 'payments.channel');
