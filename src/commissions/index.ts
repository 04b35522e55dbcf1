// 佣金记录: commissions per trade and beneficiary, with totals.
import PercentIcon from '@mui/icons-material/Percent';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const commissions: Feature = {
  name: 'commissions',
  resources: [
    {
      name: 'commissions',
      menu: { group: 'finance', icon: PercentIcon },
      screens: lazyScreens(() => import('./screens'), ['list']),
      view: 'v_commissions',
      search: null, // filtered by beneficiary, merchant, trade and state
    },
  ],
  messages,
};
