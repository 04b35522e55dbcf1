// History tables on show pages (a record's state changes): short cells (times, states, codes)
// stay on one line, the free-text ones (note, comments) wrap at a readable width, and a table
// wider than its card scrolls sideways instead of breaking Chinese words into one character per
// line.
export const HISTORY_TABLE_SX = {
  '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
  '& .MuiTableCell-root': { whiteSpace: 'nowrap' },
  '& .MuiTableCell-root.column-note, & .MuiTableCell-root.column-field_comments': { whiteSpace: 'normal', minWidth: 200 },
} as const;
