import { TemplateList } from './TemplateList';
import { TemplateEdit } from './TemplateEdit';

export const list = TemplateList;
export const edit = TemplateEdit;
