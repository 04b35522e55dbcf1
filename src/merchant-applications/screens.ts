import { ApplicationList } from './ApplicationList';
import { ApplicationShow } from './ApplicationShow';

export const list = ApplicationList;
export const show = ApplicationShow;
