// 提现审核: withdrawal review, payout and the daily report.
import SavingsIcon from '@mui/icons-material/Savings';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const withdrawals: Feature = {
  name: 'withdrawals',
  resources: [
    {
      name: 'withdrawals',
      menu: { group: 'finance', icon: SavingsIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'withdrawal_no',
      view: 'v_withdrawals',
    },
  ],
  messages,
};
