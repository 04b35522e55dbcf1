import { PaymentList } from './PaymentList';
import { PaymentShow } from './PaymentShow';

export const list = PaymentList;
export const show = PaymentShow;
