// 结算单: settlement runs and the statements they wrote.
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const settlements: Feature = {
  name: 'settlements',
  resources: [
    {
      name: 'settlements',
      menu: { group: 'finance', icon: AccountBalanceIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      view: 'settlement_runs',
      count: 'exact', // one run per period
      search: null,
    },
  ],
  messages,
};
