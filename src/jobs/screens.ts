import { JobList } from './JobList';
import { JobShow } from './JobShow';

export const list = JobList;
export const show = JobShow;
