import { ReconciliationList } from './ReconciliationList';

export const list = ReconciliationList;
