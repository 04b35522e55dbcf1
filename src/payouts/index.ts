// 批量付款: payout batches of approved withdrawals, their bank files and the bank's results.
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const payouts: Feature = {
  name: 'payouts',
  resources: [
    {
      name: 'payout_batches',
      menu: { group: 'finance', icon: RequestQuoteIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'batch_no',
      view: 'v_payout_batches',
      count: 'exact', // a few batches a day
    },
  ],
  reads: { payout_batch_items: { view: 'v_payout_batch_items', count: 'exact', search: null } },
  messages,
};
