// 员工: staff accounts (admins create, edit, deactivate them).
import BadgeIcon from '@mui/icons-material/Badge';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const staff: Feature = {
  name: 'staff',
  resources: [
    {
      name: 'staff',
      menu: { group: 'system', icon: BadgeIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'edit', 'create']),
      recordRepresentation: 'display_name',
      count: 'exact',
      search: { anyOf: ['display_name', 'email'] },
    },
  ],
  messages,
};
