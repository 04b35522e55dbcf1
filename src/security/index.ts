// Feature: 账户安全 / Security — TOTP MFA for staff (supabase.auth.mfa.*).
// Hooks elsewhere: App.tsx mounts the two routes, layout/Layout.tsx the user-menu item and
// the gate, providers/authProvider.ts asks for the code after the password and on
// `mfa_required`, i18n/i18nProvider.ts merges the messages.
import { lazy } from 'react';
export { MfaGate } from './MfaGate';
export { SecurityMenuItem } from './SecurityMenuItem';
export { mfaRefusal, mfaStep, MFA_PATH, SECURITY_PATH } from './mfa';

export const MfaPage = lazy(() => import('./MfaPage'));
export const SecurityPage = lazy(() => import('./SecurityPage'));
