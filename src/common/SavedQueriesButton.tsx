// Saved queries (常用查询) on the big lists: react-admin's SavedQueriesList (filters, sort and
// page size kept in the browser's store under a name) in a popover of the list's toolbar, so
// the table keeps the full width the lists are fitted to (docs/LISTS.md).
import { useState } from 'react';
import { Box, Popover } from '@mui/material';
import BookmarksIcon from '@mui/icons-material/Bookmarks';
import { Button, SavedQueriesList } from 'react-admin';

export const SavedQueriesButton = () => {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button label="common.saved_queries.button" onClick={(e) => setAnchor(e.currentTarget)}>
        <BookmarksIcon />
      </Button>
      <Popover open={!!anchor} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Box sx={{ p: 1, minWidth: 260 }} data-testid="saved-queries">
          <SavedQueriesList />
        </Box>
      </Popover>
    </>
  );
};
