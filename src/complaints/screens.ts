import { ComplaintList } from './ComplaintList';
import { ComplaintShow } from './ComplaintShow';

export const list = ComplaintList;
export const show = ComplaintShow;
export { ComplaintCreate as create } from './ComplaintCreate';
