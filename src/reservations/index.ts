// 预约记录: reservations, deal verification and voiding.
import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const reservations: Feature = {
  name: 'reservations',
  resources: [
    {
      name: 'reservations',
      menu: { group: 'trading', icon: EventNoteIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'listing_title',
      view: 'v_reservations',
      count: 'estimated', // big: exact only below max-rows
    },
  ],
  messages,
};
