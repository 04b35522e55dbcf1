import { StaffList } from './StaffList';
import { StaffCreate } from './StaffCreate';
import { StaffEdit } from './StaffEdit';

export const list = StaffList;
export const create = StaffCreate;
export const edit = StaffEdit;
