import { SettlementList } from './SettlementList';
import { SettlementShow } from './SettlementShow';

export const list = SettlementList;
export const show = SettlementShow;
