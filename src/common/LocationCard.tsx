import { Box, Link, Stack, Typography } from '@mui/material';
import PlaceIcon from '@mui/icons-material/Place';
import { useRecordContext, useTranslate } from 'react-admin';

interface Located {
  city_name?: string | null;
  address?: string | null;
  lat?: number | string | null;
  lng?: number | string | null;
  company_name?: string;
  name?: string;
}

/**
 * Where the shop is: city, address and coordinates, drawn on a plain grid (no map tiles are
 * reachable from the back office), with link-outs to AMap and OpenStreetMap.
 */
export const LocationCard = () => {
  const record = useRecordContext<Located>();
  const translate = useTranslate();
  if (!record) return null;
  const lat = record.lat === null || record.lat === undefined ? null : Number(record.lat);
  const lng = record.lng === null || record.lng === undefined ? null : Number(record.lng);
  const label = record.company_name ?? record.name ?? '';
  const has = lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
      <Box
        aria-hidden
        sx={{
          width: 220,
          height: 140,
          flexShrink: 0,
          borderRadius: 1,
          border: 1,
          borderColor: 'divider',
          position: 'relative',
          bgcolor: 'action.hover',
          backgroundImage: (t) =>
            `linear-gradient(${t.palette.divider} 1px, transparent 1px), linear-gradient(90deg, ${t.palette.divider} 1px, transparent 1px)`,
          backgroundSize: '22px 22px',
        }}
      >
        {has ? (
          <PlaceIcon color="error" sx={{ position: 'absolute', left: '50%', top: '50%', transform: 'translate(-50%, -100%)', fontSize: 40 }} />
        ) : null}
        <Typography variant="caption" sx={{ position: 'absolute', left: 8, bottom: 4, color: 'text.secondary' }}>
          {record.city_name ?? ''}
        </Typography>
      </Box>
      <Box>
        <Typography variant="body1">{record.city_name}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {record.address}
        </Typography>
        {has ? (
          <>
            <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {translate('common.location.coordinates')}: {lat!.toFixed(6)}, {lng!.toFixed(6)}
            </Typography>
            <Stack direction="row" spacing={2} sx={{ mt: 1 }}>
              <Link
                href={`https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(label)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {translate('common.location.open_map')} (高德)
              </Link>
              <Link
                href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=16/${lat}/${lng}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                OpenStreetMap
              </Link>
            </Stack>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            {translate('common.location.no_location')}
          </Typography>
        )}
      </Box>
    </Stack>
  );
};
