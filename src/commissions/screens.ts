import { CommissionList } from './CommissionList';

export const list = CommissionList;
