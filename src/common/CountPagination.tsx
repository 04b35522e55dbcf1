import { useCallback } from 'react';
import { Pagination, useLocaleState, useResourceContext, useTranslate, type PaginationProps } from 'react-admin';
import { countStrategy } from '../providers/resourceMap';

/** PostgREST's max-rows: below it a count=estimated total is exact. */
export const MAX_ROWS = 1000;

/**
 * What a list's total means. With count=estimated, PostgREST counts exactly up to max-rows and
 * otherwise reports the planner's estimate, or max-rows + 1 when it counted past max-rows but
 * the planner guessed fewer; that is "more than 1,000", not 1,001.
 */
export function totalLabel(strategy: string, count: number): { key: 'exact' | 'estimated' | 'over'; total: number } {
  if (strategy === 'exact' || count <= MAX_ROWS) return { key: 'exact', total: count };
  if (count === MAX_ROWS + 1) return { key: 'over', total: MAX_ROWS };
  return { key: 'estimated', total: count };
}

/** react-admin's Pagination saying "about" for estimated totals (a million-row list is not counted). */
export const CountPagination = (props: PaginationProps) => {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labelDisplayedRows = useCallback(
    ({ from, to, count }: { from: number; to: number; count: number }) => {
      if (count < 0) return translate('ra.navigation.partial_page_range_info', { offsetBegin: from, offsetEnd: to });
      const { key, total } = totalLabel(countStrategy(resource), count);
      const shown = total.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');
      if (key === 'exact') return translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: shown });
      return translate(`app.total_${key}`, { from, to, total: shown });
    },
    [resource, translate, locale],
  );
  // PaginationProps omits it, yet Pagination hands its other props on to MUI's TablePagination last
  const label = { labelDisplayedRows } as Partial<PaginationProps>;
  return <Pagination {...props} {...label} />;
};
