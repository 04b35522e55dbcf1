import { useMemo } from 'react';
import { useMediaQuery, type Theme } from '@mui/material';

/**
 * The columns a list hides until a person shows them (react-admin's ColumnsButton keeps the
 * choice): `hidden` on every screen, `narrow` as well below 1,200 px (a 1,024 px tablet, a
 * small laptop), so no list scrolls sideways by default. Pass module constants (the result is
 * react-admin's default for its store, compared by identity). The first render already knows
 * the width (noSsr), or the wide default would be the one shown first.
 */
export function useHiddenColumns(hidden: readonly string[], narrow: readonly string[] = NONE): string[] {
  const isNarrow = useMediaQuery((theme: Theme) => theme.breakpoints.down('lg'), { noSsr: true });
  return useMemo(() => (isNarrow ? [...hidden, ...narrow] : [...hidden]), [isNarrow, hidden, narrow]);
}

const NONE: readonly string[] = [];
