// 参数设置: every rule parameter in one place under 系统管理 (admins): business rules, money
// rules, four-eyes rules, amount ceilings and merchant category rates, each change with a
// reason and its history. The database checks type, range and role again.
import TuneIcon from '@mui/icons-material/Tune';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const settings: Feature = {
  name: 'settings',
  resources: [
    {
      name: 'settings',
      menu: { group: 'system', icon: TuneIcon },
      screens: lazyScreens(() => import('./screens'), ['list']),
    },
  ],
  messages,
};
