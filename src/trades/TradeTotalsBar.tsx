import { useListContext, useTranslate } from 'react-admin';
import { TotalsBar } from '../common/TotalsBar';
import { useListTotals } from '../common/useListTotals';
import { totalsFilter, unsupportedFilters } from './totals';
import { totals } from './api';

/** R-TRD-2: count, GMV and average of the trades matching the list's current filter (computed in SQL). */
export const TradeTotalsBar = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const { data, isPending, error } = useListTotals('trade_totals', totalsFilter, totals);
  const T = 'resources.trades.totals';
  return (
    <TotalsBar
      loading={isPending}
      error={error}
      items={[
        { id: 'count', label: translate(`${T}.count`), text: data ? `${Number(data.closed_count)} / ${Number(data.trade_count)}` : undefined },
        { id: 'gmv', label: translate(`${T}.gmv`), fen: data?.gmv_fen },
        { id: 'avg', label: translate(`${T}.avg`), fen: data?.avg_fen },
        { id: 'refunded', label: translate(`${T}.refunded`), fen: data?.refunded_fen },
      ]}
      // filters trade_totals does not understand: the figures would not match the list
      note={unsupportedFilters(filterValues).length > 0 ? translate(`${T}.partial`) : undefined}
    />
  );
};
