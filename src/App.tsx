import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { ForgotPasswordPage, SetPasswordPage } from 'ra-supabase';
import { dataProvider } from './providers/dataProvider';
import { authProvider } from './providers/authProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { darkTheme, lightTheme } from './layout/themes';
import { HomePage, RESOURCE_MANIFESTS } from './features';
import { MFA_PATH, MfaPage, SECURITY_PATH, SecurityPage } from './security/shell';

export const App = () => (
  <Admin
    title="运营总后台"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={LoginPage}
    layout={Layout}
    dashboard={HomePage}
    theme={lightTheme}
    darkTheme={darkTheme}
    requireAuth
    disableTelemetry
  >
    <CustomRoutes noLayout>
      <Route path={SetPasswordPage.path} element={<SetPasswordPage />} />
      <Route path={ForgotPasswordPage.path} element={<ForgotPasswordPage />} />
      <Route path={MFA_PATH} element={<MfaPage />} />
    </CustomRoutes>
    <CustomRoutes>
      <Route path={SECURITY_PATH} element={<SecurityPage />} />
    </CustomRoutes>
    {RESOURCE_MANIFESTS.filter((r) => r.screens && !r.menu?.path).map((r) => (
      <Resource key={r.name} name={r.name} icon={r.menu?.icon} recordRepresentation={r.recordRepresentation} {...r.screens} />
    ))}
  </Admin>
);
