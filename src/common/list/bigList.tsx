import { PARTIAL_META } from '../../providers/partialPages';
import { ListPagination, type ListPaginationProps } from './ListPagination';

/**
 * The props of a list over a big table: rows read with react-admin's partial pagination (one
 * row more than the page, no count: every page to the last is reachable, no offset is ever
 * refused) and the pagination that counts on its own; spread into the list: `{...bigList()}`.
 */
export function bigList(pagination: ListPaginationProps = {}) {
  return { queryOptions: { meta: PARTIAL_META }, pagination: <ListPagination {...pagination} /> };
}
