import { ListingList } from './ListingList';
import { ListingShow } from './ListingShow';

export const list = ListingList;
export const show = ListingShow;
