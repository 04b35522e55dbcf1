// 平台费: fees coming due, fees paid by bank transfer (recorded and confirmed by two people),
// and the price list every fee payment must match.
import EventBusyIcon from '@mui/icons-material/EventBusy';
import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const fees: Feature = {
  name: 'fees',
  resources: [
    {
      name: 'merchant_fees',
      menu: { group: 'finance', icon: EventBusyIcon },
      screens: lazyScreens(async () => ({ list: (await import('./screens')).MerchantFeeList }), ['list']),
      recordRepresentation: 'name',
      view: 'v_merchant_fees',
    },
    {
      name: 'offline_fee_payments',
      menu: { group: 'finance', icon: AccountBalanceIcon },
      screens: lazyScreens(async () => {
        const s = await import('./screens');
        return { list: s.OfflineFeeList, show: s.OfflineFeeShow };
      }, ['list', 'show']),
      recordRepresentation: 'bank_serial',
      view: 'v_offline_fee_payments',
    },
    {
      name: 'fee_prices',
      menu: { group: 'finance', icon: PriceChangeIcon },
      screens: lazyScreens(async () => ({ list: (await import('./screens')).FeePriceList }), ['list']),
      view: 'v_fee_prices',
      search: null,
    },
  ],
  messages,
};
