// 推广记录: distributors (members with promotion rights) and what they brought.
import ShareIcon from '@mui/icons-material/Share';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const distribution: Feature = {
  name: 'distribution',
  resources: [
    {
      name: 'distribution',
      menu: { group: 'trading', icon: ShareIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'nickname',
      view: 'v_distributors',
      count: 'exact', // distributors only (a filtered view the planner misjudges)
      search: { column: 'search' },
    },
  ],
  messages,
};
