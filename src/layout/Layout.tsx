import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { AppBar, Layout as RaLayout, Logout, TitlePortal, UserMenu } from 'react-admin';
import { MfaGate, SecurityMenuItem } from '../security/shell';
import { GlobalSearch } from '../search/GlobalSearch';
import { Menu } from './Menu';

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

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={StaffAppBar}>
    <MfaGate />
    {children}
  </RaLayout>
);
