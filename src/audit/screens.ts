import { AuditList } from './AuditList';

export const list = AuditList;
