import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { Menu } from './Menu';

// react-admin's default AppBar already carries the language switch (LocalesMenuButton)
// and the light/dark toggle, since the app declares two locales and two themes.
export const Layout = ({ children }: { children: ReactNode }) => <RaLayout menu={Menu}>{children}</RaLayout>;
