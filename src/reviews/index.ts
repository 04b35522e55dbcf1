// 商户评价: members' reviews of merchants, the moderation queue (hide with a coded reason,
// restore) and the rating made from the visible ones (also shown on the merchant page).
import RateReviewIcon from '@mui/icons-material/RateReview';
import { lazyScreens, type Feature } from '../common/feature';
import * as messages from './messages';

export const reviews: Feature = {
  name: 'reviews',
  resources: [
    {
      name: 'merchant_reviews',
      menu: { group: 'service', icon: RateReviewIcon },
      screens: lazyScreens(() => import('./screens'), ['list', 'show']),
      recordRepresentation: 'merchant_name',
      view: 'v_merchant_reviews',
      count: 'estimated',
      // the review's text, the merchant's name or the member's nickname (v_merchant_reviews.search)
      search: { column: 'search' },
    },
  ],
  messages,
};
