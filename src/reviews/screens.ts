import { ReviewList } from './ReviewList';
import { ReviewShow } from './ReviewShow';

export const list = ReviewList;
export const show = ReviewShow;
