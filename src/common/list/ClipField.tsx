import { Box } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { clip } from './tableSx';

/**
 * A text cut to `width` pixels with an ellipsis, the whole text on hover: long titles and
 * names keep a list narrow. (A cell's own max-width is ignored by an auto-layout table.)
 */
export const ClipField = ({ width = 240, ...props }: FieldProps & { width?: number }) => {
  const value = useFieldValue(props) as string | null | undefined;
  if (value === null || value === undefined || value === '') return null;
  return (
    <Box component="span" title={String(value)} sx={{ display: 'block', ...clip(width) }}>
      {String(value)}
    </Box>
  );
};
