// A titled card that groups part of a detail page.
import type { ReactNode } from 'react';
import { Card, CardContent, Typography, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

export const SectionCard = ({ title, children, sx }: { title: string; children: ReactNode; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={sx}>
      <CardContent>
        <Typography variant="subtitle1" gutterBottom>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};
