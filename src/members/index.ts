// 会员管理: members, their downline, bans, levels and points.
import PeopleIcon from '@mui/icons-material/People';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const members: Feature = {
  name: 'members',
  resources: [
    {
      name: 'members',
      menu: { group: 'service', icon: PeopleIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'nickname',
      view: 'v_members',
      count: 'estimated', // big: exact only below max-rows, the planner's guess above
      // nickname, pinyin or initials, also a part inside them (浩然, haoran, hr), or the phone's last four (8468)
      search: { hits: 'members' },
    },
  ],
  messages,
};
