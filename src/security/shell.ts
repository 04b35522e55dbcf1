// The security feature's pieces the app shell mounts: the code screen, the security page and
// the own-password screen (lazy, out of the login bundle), the gates and the user-menu entry.
import { lazy } from 'react';
export { MfaGate } from './MfaGate';
export { SecurityMenuItem } from './SecurityMenuItem';
export { PasswordGate } from './PasswordGate';
export { mfaRefusal, mfaStep, MFA_PATH, SECURITY_PATH } from './mfa';
export { CHANGE_PASSWORD_PATH } from './password';

export const MfaPage = lazy(() => import('./MfaPage'));
export const SecurityPage = lazy(() => import('./SecurityPage'));
export const ChangePasswordPage = lazy(() => import('./ChangePasswordPage'));
