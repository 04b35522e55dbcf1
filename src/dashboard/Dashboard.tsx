// Home page for every role (R-ANA-1): who you are, then the figures your role acts on, each
// linking to the filtered list behind it. One RPC (dashboard_summary, RLS applies: a
// region-scoped user's figures cover their regions only).
import { Alert, Box, Button, Card, CardActionArea, CardContent, Grid, IconButton, Skeleton, Stack, Tooltip, Typography } from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import InsightsIcon from '@mui/icons-material/Insights';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useDataProvider, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { RoleChip } from '../common/RoleChip';
import { regionName } from '../common/regions';
import { formatFen } from '../common/money';
import { formatDateTime } from '../common/datetime';
import type { StaffPermissions } from '../providers/authProvider';
import type { AppDataProvider } from '../providers/dataProvider';
import { canAccess } from '../providers/access';
import { figuresFor, listUrl, type DashboardSummary, type Figure } from './figures';
import { summary as fetchSummary } from './api';

const FigureCard = ({ figure, summary, role }: { figure: Figure; summary: DashboardSummary | undefined; role: string | undefined }) => {
  const translate = useTranslate();
  const value = summary ? figure.value(summary) : undefined;
  const detail = summary && figure.detail ? figure.detail(summary) : undefined;
  const linked = summary && canAccess(role, figure.resource, 'list');
  const highlight = figure.alert && Number(value) > 0;
  const body = (
    <CardContent>
      <Typography variant="body2" color="text.secondary">{translate(`dashboard.figures.${figure.key}`)}</Typography>
      {value === undefined ? (
        <Skeleton width="60%" height={44} />
      ) : (
        <Typography variant="h4" data-figure={figure.key} sx={{ fontVariantNumeric: 'tabular-nums', color: highlight ? 'error.main' : undefined }}>
          {figure.money ? formatFen(value) : Number(value).toLocaleString('zh-CN')}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary" sx={{ minHeight: 20, display: 'block' }}>
        {detail ? translate(detail.key, detail.values) : '\u00a0'}
      </Typography>
    </CardContent>
  );
  return (
    <Card sx={{ height: '100%', borderLeft: 4, borderColor: highlight ? 'error.main' : 'primary.main' }}>
      {linked ? (
        <CardActionArea component={Link} to={listUrl(figure.resource, figure.filter(summary!))} aria-label={translate(`dashboard.figures.${figure.key}`)}>
          {body}
        </CardActionArea>
      ) : body}
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<AppDataProvider>();
  const { identity, isPending } = useGetIdentity();
  const { permissions } = usePermissions<StaffPermissions>();
  const role = permissions?.role;
  const figures = figuresFor(role);
  const summary = useQuery({
    queryKey: ['dashboard_summary'],
    queryFn: () => fetchSummary(dataProvider),
    enabled: figures.length > 0,
    refetchInterval: 60_000,
  });
  if (isPending) return <Loading />;
  const regions = permissions?.regionCodes ?? [];
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" gutterBottom>
            {translate('app.greeting', { name: identity?.fullName ?? '' })}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
            <Typography variant="body2">{translate('app.role_label')}</Typography>
            <RoleChip role={role} />
            <Typography variant="body2" color="text.secondary">
              {translate('app.regions_line', {
                regions: regions.length ? regions.map(regionName).join('、') : translate('app.all_regions'),
              })}
            </Typography>
          </Stack>
        </CardContent>
      </Card>
      {figures.length > 0 ? (
        <>
          <Stack direction="row" sx={{ mt: 3, mb: 1, alignItems: 'center' }} spacing={1}>
            <Typography variant="h6">{translate('dashboard.todo')}</Typography>
            <Typography variant="caption" color="text.secondary">
              {summary.data ? translate('dashboard.as_of', { at: formatDateTime(summary.data.as_of) }) : ''}
            </Typography>
            <Tooltip title={translate('dashboard.refresh')}>
              <IconButton size="small" onClick={() => summary.refetch()} aria-label={translate('dashboard.refresh')}>
                <RefreshIcon fontSize="small" />
              </IconButton>
            </Tooltip>
            <Box sx={{ flex: 1 }} />
            {canAccess(role, 'analytics', 'list') ? (
              <Button component={Link} to="/analytics" startIcon={<InsightsIcon />} size="small">{translate('dashboard.analytics')}</Button>
            ) : null}
          </Stack>
          {summary.error ? (
            <Alert severity="error">{translate((summary.error as Error).message, { _: (summary.error as Error).message })}</Alert>
          ) : (
            <Grid container spacing={2}>
              {figures.map((f) => (
                <Grid key={f.key} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
                  <FigureCard figure={f} summary={summary.data} role={role} />
                </Grid>
              ))}
            </Grid>
          )}
        </>
      ) : null}
    </Box>
  );
};
