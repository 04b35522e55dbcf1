// 商户管理: merchants, their status, commission and profile.
import StorefrontIcon from '@mui/icons-material/Storefront';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const merchants: Feature = {
  name: 'merchants',
  resources: [
    {
      name: 'merchants',
      menu: { group: 'merchants', icon: StorefrontIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show', 'edit']),
      recordRepresentation: 'name',
      view: 'v_merchants',
      count: 'estimated',
      search: { hits: 'merchants' }, // name, pinyin, initials or the phone's last four (providers/listSearch.ts)
    },
  ],
  messages,
};
