import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { AppBar, Layout as RaLayout, Logout, TitlePortal, UserMenu } from 'react-admin';
import { MfaGate, PasswordGate, SecurityMenuItem } from '../security/shell';
import { GlobalSearch } from '../search/GlobalSearch';
import { Menu } from './Menu';
import { JobWatcher } from '../common/jobs/JobWatcher';

// react-admin's default AppBar already carries the language switch (LocalesMenuButton)
// and the light/dark toggle, since the app declares two locales and two themes; the user
// menu adds 账户安全 (security) above sign-out. The one search box sits after the page title.
const StaffAppBar = () => (
  <AppBar
    userMenu={
      <UserMenu>
        <SecurityMenuItem />
        <Logout />
      </UserMenu>
    }
  >
    <TitlePortal />
    <GlobalSearch />
    <Box sx={{ flex: 1 }} />
  </AppBar>
);

// react-admin's layout grows to fit its widest content (min-width: fit-content), so a wide
// table widened the page and, scrolled sideways, slid over the fixed sidebar. Held to the
// window, the content scrolls a wide table inside the table's own box (common/list/tableSx.ts).
const FIT_WINDOW = { minWidth: 0, '& .RaLayout-content, & .RaList-main': { minWidth: 0 } } as const;

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={StaffAppBar} sx={FIT_WINDOW}>
    <MfaGate />
    <PasswordGate />
    <JobWatcher />
    {children}
  </RaLayout>
);
