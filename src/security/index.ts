// Feature: 账户安全 / Security — TOTP MFA for staff (supabase.auth.mfa.*). No resource of its
// own, only messages here; the shell mounts its pieces from ./shell (App.tsx the two routes,
// layout/Layout.tsx the user-menu item and the gate), and providers/authProvider.ts asks for
// the code after the password and on `mfa_required`.
import type { Feature } from '../common/feature';
import * as messages from './messages';

export const security: Feature = { name: 'security', resources: [], messages };
