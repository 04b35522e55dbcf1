import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetList, useGetOne, useListContext, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/datetime';
import { regionName } from '../common/regions';

const SLOTS = 3;

interface Promotion {
  id: string;
  slot_no: number;
  listing_id: string;
  listing_title: string;
  merchant_name: string;
  ends_at: string;
}

/** The 3 slots of the filtered car model in the filtered city, and who holds each. */
export const SlotBoard = () => {
  const { filterValues } = useListContext();
  const translate = useTranslate();
  const model = filterValues.model_id as number | undefined;
  const region = filterValues.region_code as string | undefined;
  const enabled = !!model && !!region;
  const { data: modelRecord } = useGetOne('v_car_models', { id: model ?? 0 }, { enabled: !!model });
  const { data = [] } = useGetList<Promotion>(
    'promotions',
    { filter: { model_id: model, region_code: region, state: 'active' }, pagination: { page: 1, perPage: SLOTS }, sort: { field: 'slot_no', order: 'ASC' } },
    { enabled },
  );
  if (!enabled) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
        {translate('resources.promotions.board.hint')}
      </Typography>
    );
  }
  const bySlot = new Map(data.map((p) => [p.slot_no, p]));
  return (
    <Box sx={{ px: 2, py: 1 }}>
      <Typography variant="subtitle1" gutterBottom>
        {translate('resources.promotions.board.title', {
          model: modelRecord ? `${modelRecord.brand_name} ${modelRecord.series_name} ${modelRecord.name}` : String(model),
          region: regionName(region),
        })}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {Array.from({ length: SLOTS }, (_, i) => i + 1).map((n) => {
          const p = bySlot.get(n);
          return (
            <Card key={n} variant="outlined" sx={{ flex: 1, borderColor: p ? 'success.main' : 'divider' }}>
              <CardContent>
                <Typography variant="overline">{translate('resources.promotions.slot', { n, total: SLOTS })}</Typography>
                {p ? (
                  <>
                    <Typography variant="body1">
                      <Link to={`/listings/${p.listing_id}/show`}>{p.listing_title}</Link>
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      {p.merchant_name} · {translate('resources.promotions.board.until', { date: formatDateTime(p.ends_at) })}
                    </Typography>
                  </>
                ) : (
                  <Typography color="text.secondary">{translate('resources.promotions.board.free')}</Typography>
                )}
              </CardContent>
            </Card>
          );
        })}
      </Stack>
    </Box>
  );
};
