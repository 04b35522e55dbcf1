// The channel statements resource (渠道账单): the list of imported statements and the import page.
import { StatementList } from './StatementList';
import { StatementImport } from './StatementImport';

export const list = StatementList;
export const create = StatementImport;
