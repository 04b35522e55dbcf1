// The security feature's pieces the app shell mounts: the code screen and the security page
// (lazy, out of the login bundle), the gate and the user-menu entry.
import { lazy } from 'react';
export { MfaGate } from './MfaGate';
export { SecurityMenuItem } from './SecurityMenuItem';
export { mfaRefusal, mfaStep, MFA_PATH, SECURITY_PATH } from './mfa';

export const MfaPage = lazy(() => import('./MfaPage'));
export const SecurityPage = lazy(() => import('./SecurityPage'));
