// 车源管理: listings, their review and shelf state, bulk review and CSV import.
import DirectionsCarIcon from '@mui/icons-material/DirectionsCar';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const listings: Feature = {
  name: 'listings',
  resources: [
    {
      name: 'listings',
      menu: { group: 'merchants', icon: DirectionsCarIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'title',
      view: 'v_listings',
      count: 'estimated', // millions: exact only when the planner expects ≤ max-rows (1000), its guess above
      // catalogue words become brand/series/model id filters; the other words the database finds
      // through its trigram and fragment indexes (providers/listSearch.ts)
      search: { hits: 'listings', catalogue: true },
    },
  ],
  reads: { listing_history: { count: 'estimated' } },
  messages,
};
