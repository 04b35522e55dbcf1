// 车型库: brands, series and models.
import CategoryIcon from '@mui/icons-material/Category';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const catalogue: Feature = {
  name: 'catalogue',
  resources: [
    {
      name: 'catalogue',
      menu: { group: 'merchants', icon: CategoryIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'name',
      view: 'v_car_brands',
      count: 'exact', // twenty brands
      search: { column: 'search' },
    },
  ],
  messages,
};
