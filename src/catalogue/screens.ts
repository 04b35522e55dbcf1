import { CatalogueList } from './CatalogueList';
import { CatalogueShow } from './CatalogueShow';

export const list = CatalogueList;
export const show = CatalogueShow;
