// 买卖记录: trades, their totals and refunds.
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const trades: Feature = {
  name: 'trades',
  resources: [
    {
      name: 'trades',
      menu: { group: 'trading', icon: PointOfSaleIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'listing_title',
      view: 'v_trades',
      count: 'estimated', // millions; the totals bar above the list gives the exact count of the filter
    },
  ],
  messages,
};
