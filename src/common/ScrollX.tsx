import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { useSidebarState } from 'react-admin';

/** Keeps a wide table inside the content area (scrolls sideways) instead of widening the page. */
export const ScrollX = ({ children }: { children: ReactNode }) => {
  const [open] = useSidebarState();
  return (
    <Box sx={{ overflowX: 'auto', maxWidth: { xs: 'calc(100vw - 16px)', md: `calc(100vw - ${open ? 272 : 88}px)` } }}>{children}</Box>
  );
};
