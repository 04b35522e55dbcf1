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
      // the start of the nickname, its pinyin or initials (林浩然, linhaoran, lhr), or the phone's last four (8468)
      search: { column: 'search', prefix: ['name_key', 'pinyin_key', 'initials_key'], tail: 'phone_tail' },
    },
  ],
  messages,
};
