import { OutboxList } from './OutboxList';

export const list = OutboxList;
