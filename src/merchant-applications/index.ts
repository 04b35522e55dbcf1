// 入驻审核: the merchant application review queue.
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const merchantApplications: Feature = {
  name: 'merchant-applications',
  resources: [
    {
      name: 'merchant_applications',
      menu: { group: 'merchants', icon: FactCheckIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'company_name',
      view: 'v_merchant_applications',
      count: 'estimated', // hundreds × factor; exact below max-rows anyway
      // 1–2 character words (宝马, x5, bm) go to the GIN index on search_grams, longer ones to trigram ilike
      search: { column: 'search', grams: 'search_grams' },
    },
  ],
  reads: { merchant_application_history: { count: 'exact' } }, // per application, a handful of rows
  messages,
};
