// Lists: paging to the end of big tables, fitting the screen.
export { ListPagination, type ListPaginationProps } from './ListPagination';
export { bigList } from './bigList';
export { LIST_TABLE_SX, SELECTABLE_TABLE_SX, clip } from './tableSx';
export { useHiddenColumns } from './columns';
export { ClipField } from './ClipField';
export { cachedExactCount } from './useListCount';
export { PARTIAL_META } from '../../providers/partialPages';
