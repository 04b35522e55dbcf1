import { DistributorList } from './DistributorList';
import { DistributorShow } from './DistributorShow';

export const list = DistributorList;
export const show = DistributorShow;
