import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, Logout, UserMenu } from 'react-admin';
import { MfaGate, SecurityMenuItem } from '../security/shell';
import { Menu } from './Menu';

// react-admin's default AppBar already carries the language switch (LocalesMenuButton)
// and the light/dark toggle, since the app declares two locales and two themes; the user
// menu adds 账户安全 (security) above sign-out.
const StaffAppBar = () => (
  <AppBar
    userMenu={
      <UserMenu>
        <SecurityMenuItem />
        <Logout />
      </UserMenu>
    }
  />
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={StaffAppBar}>
    <MfaGate />
    {children}
  </RaLayout>
);
