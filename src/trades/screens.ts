import { TradeList } from './TradeList';
import { TradeShow } from './TradeShow';

export const list = TradeList;
export const show = TradeShow;
