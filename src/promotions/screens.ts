import { PromotionList } from './PromotionList';

export const list = PromotionList;
