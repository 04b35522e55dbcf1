import { Box, Card, CardActionArea, CardContent, Grid, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { Loading, Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { RoleChip } from '../common/RoleChip';
import { regionName } from '../common/regions';
import type { StaffPermissions } from '../providers/authProvider';
import { menuFor } from '../layout/Menu';

/** Home page until the real dashboard arrives: who you are and where you can go. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity, isPending } = useGetIdentity();
  const { permissions } = usePermissions<StaffPermissions>();
  if (isPending) return <Loading />;
  const role = permissions?.role;
  const regions = permissions?.regionCodes ?? [];
  const shortcuts = menuFor(role).flatMap((g) => g.items).filter((r) => r.name !== 'dashboard');
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
      <Typography variant="h6" sx={{ mt: 3, mb: 1 }}>
        {translate('app.shortcuts')}
      </Typography>
      {shortcuts.length === 0 ? (
        <Typography color="text.secondary">{translate('app.no_shortcuts')}</Typography>
      ) : (
        <Grid container spacing={2}>
          {shortcuts.map((r) => (
            <Grid key={r.name} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
              <Card>
                <CardActionArea component={Link} to={`/${r.name}`}>
                  <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
                    <r.icon color="primary" />
                    <Typography>{translate(`resources.${r.name}.name`, { smart_count: 2 })}</Typography>
                  </CardContent>
                </CardActionArea>
              </Card>
            </Grid>
          ))}
        </Grid>
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 3 }}>
        {translate('app.dashboard_note')}
      </Typography>
    </Box>
  );
};

export default Dashboard;
