// The `ledger` resource (账户流水): balances per owner and the ledger entries behind them.
import { AccountList } from './AccountList';
import { AccountShow } from './AccountShow';

export const list = AccountList;
export const show = AccountShow;
