import { MerchantList } from './MerchantList';
import { MerchantShow } from './MerchantShow';
import { MerchantEdit } from './MerchantEdit';

export const list = MerchantList;
export const show = MerchantShow;
export const edit = MerchantEdit;
