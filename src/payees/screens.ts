import { PayeeList } from './PayeeList';
import { PayeeShow } from './PayeeShow';

export const list = PayeeList;
export const show = PayeeShow;
