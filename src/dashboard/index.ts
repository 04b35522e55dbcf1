// 工作台: the home page every role lands on (not a react-admin resource: the route "/").
import DashboardIcon from '@mui/icons-material/Dashboard';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const dashboard: Feature = {
  name: 'dashboard',
  resources: [
    {
      name: 'dashboard',
      menu: { group: 'workspace', icon: DashboardIcon, path: '/' },
      screens: lazyScreens(() => import('./screens'), ['list']),
    },
  ],
  messages,
};
