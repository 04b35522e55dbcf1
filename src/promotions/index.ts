// 推广管理: promotion slots and their bookings.
import CampaignIcon from '@mui/icons-material/Campaign';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const promotions: Feature = {
  name: 'promotions',
  resources: [
    {
      name: 'promotions',
      menu: { group: 'merchants', icon: CampaignIcon },
      screens: lazyScreens(() => import('./screens'), ['list']),
      view: 'v_promotions',
      count: 'estimated',
      search: null, // filtered by car model, city and state
    },
  ],
  messages,
};
