import { WithdrawalList } from './WithdrawalList';
import { WithdrawalShow } from './WithdrawalShow';

export const list = WithdrawalList;
export const show = WithdrawalShow;
