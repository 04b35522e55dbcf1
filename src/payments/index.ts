// 缴费记录: payments merchants and members made, with totals and refunds.
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const payments: Feature = {
  name: 'payments',
  resources: [
    {
      name: 'payments',
      menu: { group: 'finance', icon: ReceiptLongIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'payment_no',
      view: 'v_payments',
    },
  ],
  messages,
};
