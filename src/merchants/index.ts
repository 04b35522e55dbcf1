import { MerchantList } from './MerchantList';
import { MerchantShow } from './MerchantShow';

export const list = MerchantList;
export const show = MerchantShow;
