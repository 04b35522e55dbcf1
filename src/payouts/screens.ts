import { PayoutBatchList } from './PayoutBatchList';
import { PayoutBatchShow } from './PayoutBatchShow';

export const list = PayoutBatchList;
export const show = PayoutBatchShow;
