import { useEffect, useRef, useState } from 'react';
import { Box, Button, CircularProgress, IconButton, MenuItem, Select, Toolbar, Tooltip, Typography } from '@mui/material';
import FirstPageIcon from '@mui/icons-material/FirstPage';
import LastPageIcon from '@mui/icons-material/LastPage';
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { useListContext, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { pageCount } from './counts';
import { useListCount } from './useListCount';

export interface ListPaginationProps {
  rowsPerPageOptions?: number[];
  /** a hook giving the exact count of the current filter when the list has one already (a totals bar's) */
  useExactCount?: () => number | undefined;
  /** the list's `filter` prop (every read applies it; the list context does not carry it) */
  filter?: Record<string, unknown>;
}

const noExactCount = () => undefined;
const grouped = (n: number, locale: string) => n.toLocaleString(locale === 'en' ? 'en-US' : 'zh-CN');

/**
 * The pagination of every list. With a total (small lists, counted exactly) it pages by it;
 * without one (big lists read with react-admin's partial pagination, PARTIAL_META) "next" follows
 * the rows themselves, so every row is reachable whatever the estimate says. The count shows as
 * exact, "约 N" (the planner's estimate, with a click to count exactly) or "more than 1,000";
 * "last page" counts exactly first when it must. A page past the end (typed in the URL) says
 * why the list went back to page 1.
 */
export const ListPagination = ({ rowsPerPageOptions = [10, 25, 50, 100], useExactCount = noExactCount, filter }: ListPaginationProps) => {
  const { page, perPage, total, data, isPending, isFetching, isPlaceholderData, hasNextPage, hasPreviousPage, setPage, setPerPage } = useListContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { count, counting, countExactly } = useListCount(useExactCount(), filter);
  const [jumping, setJumping] = useState(false);
  const number = (n: number) => grouped(n, locale);
  const pages = count?.kind === 'exact' ? pageCount(count.total, perPage) : undefined;
  const rows = data?.length ?? 0;

  // A page past the end (one typed in the URL): react-admin goes back to page 1 without a
  // word, so this says why. It runs before react-admin's effect (a child's effects run first).
  const told = useRef<number | null>(null);
  useEffect(() => {
    if (isPending || isFetching) return;
    const past = (page > 1 && rows === 0) || (total != null && page > pageCount(total, perPage));
    if (!past) {
      told.current = null;
      return;
    }
    if (told.current === page) return;
    told.current = page;
    notify(pages ? 'paging.past_end' : 'paging.past_end_unknown', {
      type: 'warning',
      messageArgs: { page: grouped(page, locale), pages: pages ? grouped(pages, locale) : undefined },
    });
  }, [isPending, isFetching, page, rows, total, perPage, pages, notify, locale]);

  if (isPending) return <Toolbar variant="dense" />;
  if (rows === 0 && page <= 1) return null;

  const from = (page - 1) * perPage + 1;
  const to = (page - 1) * perPage + rows;
  // while a new page loads, the rows shown are still the previous page's
  const range = isPlaceholderData
    ? translate('paging.loading_page', { page: number(page) })
    : count
      ? translate(`paging.range_${count.kind}`, { from: number(from), to: number(to), total: number(count.total) })
      : translate('paging.range_unknown', { from: number(from), to: number(to) });
  const canNext = hasNextPage ?? (pages !== undefined && page < pages);
  const canPrevious = hasPreviousPage ?? page > 1;
  const exactly = async (then?: (n: number) => void) => {
    setJumping(true);
    try {
      const n = await countExactly();
      then?.(n);
    } catch {
      notify('paging.count_failed', { type: 'error' });
    } finally {
      setJumping(false);
    }
  };
  const navLabel = (key: string) => translate(`ra.navigation.${key}`);

  return (
    <Toolbar
      variant="dense"
      data-testid="list-pagination"
      sx={{ flexWrap: 'wrap', justifyContent: 'flex-end', gap: 1, px: { xs: 1, sm: 2 }, py: 0.5 }}
    >
      <Typography variant="body2" data-testid="list-range" sx={{ mr: 'auto' }}>
        {range}
      </Typography>
      {count && count.kind !== 'exact' ? (
        counting || jumping ? (
          <Typography variant="body2" color="text.secondary">
            {translate('paging.counting')}
          </Typography>
        ) : (
          <Tooltip title={translate('paging.count_exactly_hint')} describeChild>
            <Button size="small" onClick={() => exactly()}>
              {translate('paging.count_exactly')}
            </Button>
          </Tooltip>
        )
      ) : null}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Typography variant="body2" color="text.secondary">
          {translate('ra.navigation.page_rows_per_page')}
        </Typography>
        <Select
          size="small"
          variant="standard"
          value={perPage}
          onChange={(e) => setPerPage(Number(e.target.value))}
          inputProps={{ 'aria-label': translate('ra.navigation.page_rows_per_page') }}
        >
          {[...new Set([...rowsPerPageOptions, perPage])].sort((a, b) => a - b).map((n) => (
            <MenuItem key={n} value={n}>
              {n}
            </MenuItem>
          ))}
        </Select>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <IconButton size="small" aria-label={navLabel('first')} disabled={!canPrevious} onClick={() => setPage(1)}>
          <FirstPageIcon />
        </IconButton>
        <IconButton size="small" aria-label={navLabel('previous')} disabled={!canPrevious} onClick={() => setPage(page - 1)}>
          <NavigateBeforeIcon />
        </IconButton>
        <Typography variant="body2" data-testid="list-page" sx={{ mx: 1, whiteSpace: 'nowrap' }}>
          {pages ? translate('paging.page_of', { page: number(page), pages: number(pages) }) : translate('paging.page', { page: number(page) })}
        </Typography>
        <IconButton size="small" aria-label={navLabel('next')} disabled={!canNext} onClick={() => setPage(page + 1)}>
          <NavigateNextIcon />
        </IconButton>
        <IconButton
          size="small"
          aria-label={navLabel('last')}
          disabled={!canNext || jumping}
          onClick={() => (pages ? setPage(pages) : exactly((n) => setPage(pageCount(n, perPage))))}
        >
          {jumping ? <CircularProgress size={18} /> : <LastPageIcon />}
        </IconButton>
      </Box>
    </Toolbar>
  );
};
