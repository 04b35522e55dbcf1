// 账户流水: balances per owner and the ledger entries behind them.
import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const accounts: Feature = {
  name: 'accounts',
  resources: [
    {
      name: 'ledger',
      menu: { group: 'finance', icon: AccountBalanceWalletIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'owner_name',
      view: 'v_account_balances',
    },
  ],
  messages,
};
