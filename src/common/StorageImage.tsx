import { useEffect, useState } from 'react';
import { Box, Dialog, DialogContent, DialogTitle, IconButton, Skeleton, Typography } from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import BrokenImageIcon from '@mui/icons-material/BrokenImage';
import { useTranslate } from 'react-admin';
import { supabase } from '../providers/supabase';

export type Bucket = 'merchant-documents' | 'listing-photos' | 'payout-proofs' | 'payment-proofs';
const PUBLIC_BUCKETS: ReadonlySet<Bucket> = new Set(['listing-photos']);

/**
 * A stored image reference → URL. Rows hold object names inside the bucket ("cars/suv-white.svg");
 * older demo rows hold absolute URLs, used as they are. Private buckets get a signed URL (1 h).
 */
export async function resolveImageUrl(bucket: Bucket, ref: string | null | undefined): Promise<string | null> {
  if (!ref) return null;
  if (/^(https?:|data:|blob:)/.test(ref)) return ref;
  const name = ref.replace(/^\/+/, '').replace(new RegExp(`^${bucket}/`), '');
  if (PUBLIC_BUCKETS.has(bucket)) return supabase.storage.from(bucket).getPublicUrl(name).data.publicUrl;
  const { data, error } = await supabase.storage.from(bucket).createSignedUrl(name, 3600);
  if (error || !data?.signedUrl) return null;
  return data.signedUrl;
}

interface Props {
  bucket: Bucket;
  path: string | null | undefined;
  alt: string;
  height?: number;
  width?: number | string;
}

/** An image from Storage, large enough to read; a click opens it full size. Missing images say so. */
export const StorageImage = ({ bucket, path, alt, height = 220, width = '100%' }: Props) => {
  const translate = useTranslate();
  const key = `${bucket}:${path ?? ''}`;
  // results are kept with the reference they belong to, so a new path shows a skeleton again
  const [resolved, setResolved] = useState<{ key: string; url: string | null } | null>(null);
  const [brokenUrl, setBrokenUrl] = useState<string | null>(null);
  const [zoom, setZoom] = useState(false);

  useEffect(() => {
    let live = true;
    resolveImageUrl(bucket, path).then(
      (u) => live && setResolved({ key: `${bucket}:${path ?? ''}`, url: u }),
      () => live && setResolved({ key: `${bucket}:${path ?? ''}`, url: null }),
    );
    return () => {
      live = false;
    };
  }, [bucket, path]);
  const url = resolved?.key === key ? resolved.url : undefined;
  const broken = !!url && brokenUrl === url;

  if (url === undefined) return <Skeleton variant="rectangular" height={height} sx={{ width }} />;
  if (url === null || broken) {
    return (
      <Box
        role="img"
        aria-label={alt}
        sx={{
          height,
          width,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 1,
          border: 1,
          borderColor: 'divider',
          borderStyle: 'dashed',
          borderRadius: 1,
          color: 'text.secondary',
          bgcolor: 'action.hover',
        }}
      >
        <BrokenImageIcon />
        <Typography variant="caption">{translate(path ? 'common.image.unavailable' : 'common.image.missing')}</Typography>
        <Typography variant="caption">{alt}</Typography>
      </Box>
    );
  }
  return (
    <>
      <Box
        component="img"
        src={url}
        alt={alt}
        title={translate('common.image.zoom')}
        onError={() => setBrokenUrl(url)}
        onClick={() => setZoom(true)}
        sx={{
          height,
          width,
          objectFit: 'contain',
          cursor: 'zoom-in',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: 'background.default',
        }}
      />
      <Dialog open={zoom} onClose={() => setZoom(false)} maxWidth="xl" fullWidth>
        <DialogTitle sx={{ pr: 6 }}>
          {alt}
          <IconButton aria-label={translate('ra.action.close')} onClick={() => setZoom(false)} sx={{ position: 'absolute', right: 8, top: 8 }}>
            <CloseIcon />
          </IconButton>
        </DialogTitle>
        <DialogContent>
          <Box component="img" src={url} alt={alt} sx={{ width: '100%', maxHeight: '80vh', objectFit: 'contain' }} />
        </DialogContent>
      </Dialog>
    </>
  );
};
