// How every list's table fits the screen: cells on one line, the table scrolling inside its
// own box when a person shows more columns than fit (never the page: the sidebar stays put),
// and the first column (after the row checkbox, if any) staying in view while it scrolls.
// A row tinted by rowSx sets `--row-tint` too, so the sticky cell (opaque, to hide what
// scrolls under it) carries the same tint.

/** Width of react-admin's row checkbox cell, fixed so the sticky column after it knows where to stop. */
const CHECKBOX = 48;

const sticky = (left: number) => ({
  position: 'sticky',
  left,
  zIndex: 1,
  backgroundColor: 'background.paper',
  backgroundImage: 'linear-gradient(var(--row-tint, transparent), var(--row-tint, transparent))',
});

function listTableSx(selectable: boolean) {
  const first = selectable ? '& .RaDataTable-table tr > :nth-of-type(-n+2)' : '& .RaDataTable-table tr > :first-of-type';
  return {
    '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
    '& .MuiTableCell-root': { whiteSpace: 'nowrap' },
    '& .RaDataTable-table tr.MuiTableRow-hover:hover': { '--row-tint': 'rgba(128, 128, 128, 0.08)' },
    ...(selectable
      ? {
          '& .RaDataTable-table tr > .MuiTableCell-paddingCheckbox': { ...sticky(0), width: CHECKBOX, minWidth: CHECKBOX, maxWidth: CHECKBOX, boxSizing: 'border-box' },
          '& .RaDataTable-table tr > :nth-of-type(2)': { ...sticky(CHECKBOX), boxShadow: 'inset -1px 0 0 rgba(128, 128, 128, 0.3)' },
        }
      : { [first]: { ...sticky(0), boxShadow: 'inset -1px 0 0 rgba(128, 128, 128, 0.3)' } }),
    // the header's cells are sticky already (top); the first stays above the others
    '& .RaDataTable-table thead tr > :first-of-type': { zIndex: 3 },
    ...(selectable ? { '& .RaDataTable-table thead tr > :nth-of-type(2)': { zIndex: 3 } } : {}),
  } as const;
}

/** The sx of a list's DataTable. */
export const LIST_TABLE_SX = listTableSx(false);
/** The same for a DataTable with row checkboxes (bulk actions). */
export const SELECTABLE_TABLE_SX = listTableSx(true);

/** A text cell cut to `width` pixels with an ellipsis (the whole text on hover via title). */
export const clip = (width: number) => ({ maxWidth: width, overflow: 'hidden', textOverflow: 'ellipsis' });
