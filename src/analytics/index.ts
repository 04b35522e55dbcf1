// 数据统计: charts of aggregates only (the charts load with the screen, not with the login page).
import InsightsIcon from '@mui/icons-material/Insights';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const analytics: Feature = {
  name: 'analytics',
  resources: [
    {
      name: 'analytics',
      menu: { group: 'analytics', icon: InsightsIcon },
      screens: lazyScreens(() => import('./screens'), ['list']),
    },
  ],
  messages,
};
