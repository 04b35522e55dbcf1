// 商户等级规则: the ranking rules and the recompute run.
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const ranking: Feature = {
  name: 'ranking',
  resources: [
    {
      name: 'ranking_rules',
      menu: { group: 'merchants', icon: LeaderboardIcon },
      screens: lazyScreens(() => import('./screens'), ['list']),
      recordRepresentation: 'name',
      count: 'exact',
    },
  ],
  messages,
};
