import { MemberList } from './MemberList';
import { MemberShow } from './MemberShow';

export const list = MemberList;
export const show = MemberShow;
