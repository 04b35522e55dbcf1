// Wide lists (many columns) keep each cell on one line and scroll sideways on a laptop or
// tablet instead of breaking names into one character per line.
export const WIDE_TABLE_SX = {
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
  '& .MuiTableCell-root': { whiteSpace: 'nowrap' },
} as const;
