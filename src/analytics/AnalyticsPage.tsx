// 数据统计: every chart of R-ANA-2 under one date range and region filter (default: the
// last 90 days, every region the user may see). recharts loads with this screen only.
import { useMemo, useState } from 'react';
import { Autocomplete, Box, Button, ButtonGroup, Card, CardContent, Grid, Stack, TextField, Typography } from '@mui/material';
import { Title, usePermissions, useStore, useTranslate } from 'react-admin';
import type { StaffPermissions } from '../providers/authProvider';
import { REGION_CHOICES, type RegionChoice } from '../common/regions';
import { CHARTS } from './charts';
import { defaultFilter, isValidRange, presetFilter, type AnalyticsFilter } from './range';

/** The regions a user may pick: all, or their own scope (provinces and the cities inside them). */
export function regionOptions(scope: string[]): RegionChoice[] {
  if (scope.length === 0) return REGION_CHOICES;
  return REGION_CHOICES.filter((r) =>
    scope.includes(r.id) || scope.some((s) => s.endsWith('0000') && r.id.startsWith(s.slice(0, 2)) && r.level === 'city'));
}

export const AnalyticsPage = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions<StaffPermissions>();
  const [filter, setFilter] = useStore<AnalyticsFilter>('analytics.filter', defaultFilter());
  const [draft, setDraft] = useState<AnalyticsFilter>(filter);
  const options = useMemo(() => regionOptions(permissions?.regionCodes ?? []), [permissions?.regionCodes]);
  const selected = options.find((o) => o.id === filter.city) ?? null;
  const apply = (next: AnalyticsFilter) => {
    setDraft(next);
    if (isValidRange(next)) setFilter(next);
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('analytics.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TextField size="small" type="date" label={translate('analytics.filter.from')} value={draft.from}
              onChange={(e) => apply({ ...draft, from: e.target.value })} error={!isValidRange(draft)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'from' } }} />
            <TextField size="small" type="date" label={translate('analytics.filter.to')} value={draft.to}
              onChange={(e) => apply({ ...draft, to: e.target.value })} error={!isValidRange(draft)}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { name: 'to' } }} />
            <ButtonGroup size="small" aria-label={translate('analytics.filter.presets')}>
              {[7, 30, 90, 365].map((d) => (
                <Button key={d} onClick={() => apply(presetFilter(d, filter.city))}>{translate('analytics.filter.last_days', { days: d })}</Button>
              ))}
            </ButtonGroup>
            <Autocomplete
              size="small"
              sx={{ minWidth: 260 }}
              options={options}
              value={selected}
              getOptionLabel={(o) => o.label}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              onChange={(_e, v) => apply({ ...filter, city: v?.id ?? '' })}
              renderInput={(params) => (
                <TextField {...params} label={translate('analytics.filter.city')} placeholder={translate('analytics.filter.all_cities')} />
              )}
            />
            <Typography variant="body2" color="text.secondary" data-testid="analytics-filter-summary">
              {translate('analytics.filter.summary', {
                from: filter.from,
                to: filter.to,
                city: selected?.label ?? translate('analytics.filter.all_cities'),
              })}
            </Typography>
          </Stack>
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        {CHARTS.map((Chart, i) => (
          <Grid key={i} size={{ xs: 12, lg: 6 }}>
            <Chart filter={filter} />
          </Grid>
        ))}
      </Grid>
    </Box>
  );
};

export default AnalyticsPage;
