// The auth server's settings, read where the Supabase CLI reads them: `[auth]`,
// `[auth.rate_limit]`, `[auth.email]` and `[auth.mfa]` of supabase/config.toml, with the CLI's
// key names and units. Environment variables with GoTrue's own names (the ones the CLI passes
// to the GoTrue container, e.g. GOTRUE_RATE_LIMIT_OTP for `sign_in_sign_ups`) override them
// for one stack: the test stack raises the per-address limits that way, because its whole
// suite signs in from 127.0.0.1 (see scripts/test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'smol-toml';
import { ROOT } from '../config.ts';
import { parseGoDuration } from './tokens.ts';

export const CONFIG_TOML = path.join(ROOT, 'supabase', 'config.toml');

/** `password_requirements` → GoTrue's required character sets (each must be present). */
const REQUIRED_CHARACTERS: Record<string, string[]> = {
  '': [],
  letters_digits: ['abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789'],
  lower_upper_letters_digits: ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789'],
  lower_upper_letters_digits_symbols: [
    'abcdefghijklmnopqrstuvwxyz',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '0123456789',
    '!@#$%^&*()_+-=[]{};\'\\:"|<>?,./`~',
  ],
};

export interface RateLimits {
  /** `email_sent`: e-mails per hour, for the whole instance (GOTRUE_RATE_LIMIT_EMAIL_SENT) */
  emailSent: number;
  /** `token_refresh`: /token requests (password and refresh grants) per 5 min per IP (GOTRUE_RATE_LIMIT_TOKEN_REFRESH) */
  tokenRefresh: number;
  /** `sign_in_sign_ups`: sign-ins, sign-ups, recovery and user updates per 5 min per IP (GOTRUE_RATE_LIMIT_OTP) */
  signInSignUps: number;
  /** `token_verifications`: /verify per 5 min per IP (GOTRUE_RATE_LIMIT_VERIFY) */
  tokenVerifications: number;
  /** MFA challenges and verifications per minute per IP (GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY, GoTrue's default 15) */
  mfaChallengeAndVerify: number;
}

export interface AuthSettings {
  refreshTokenReuseInterval: number;
  enableSignup: boolean;
  minimumPasswordLength: number;
  /** character sets a new password must each contain (from `password_requirements`) */
  requiredCharacters: string[];
  /** `[auth.email] secure_password_change`: a password or e-mail change needs a reauthentication nonce or the current password */
  securePasswordChange: boolean;
  /** `[auth.email] max_frequency`, seconds between two mails of one kind to one address */
  mailMaxFrequency: number;
  otpLength: number;
  otpExpiry: number;
  rateLimits: RateLimits;
  mfa: { maxEnrolledFactors: number; totpEnroll: boolean; totpVerify: boolean };
  /** wrong codes after which a one-time code (e-mail OTP, reauthentication nonce, MFA challenge) is void */
  maxCodeAttempts: number;
  /** failed password sign-ins per address in a 5-minute window before further tries get 429 */
  maxFailedSignInsPerEmail: number;
  /** `[inbucket]` sender of auth mail (its ports are in StackConfig, shifted with the port base) */
  inbucket: { adminEmail: string; senderName: string };
}

type Table = Record<string, unknown>;
const table = (v: unknown): Table => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Table) : {});
const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const bool = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d);
const text = (v: unknown, d: string): string => (typeof v === 'string' ? v : d);

/** A Go duration string as the CLI writes max_frequency ("1s", "60s", "1m0s"), in seconds. */
function seconds(v: unknown, d: number): number {
  if (typeof v === 'number') return v;
  const ms = typeof v === 'string' ? parseGoDuration(v) : null;
  return ms === null || ms < 0 ? d : ms / 1000;
}

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${raw}: expected a positive number`);
  return n;
}

export function readProjectConfig(file = CONFIG_TOML): Table {
  return parse(readFileSync(file, 'utf8')) as Table;
}

export function authSettings(env: NodeJS.ProcessEnv = process.env, config: Table = readProjectConfig()): AuthSettings {
  const auth = table(config.auth);
  const limits = table(auth.rate_limit);
  const email = table(auth.email);
  const mfa = table(auth.mfa);
  const totp = table(mfa.totp);
  const inbucket = table(config.inbucket);
  const requirement = text(auth.password_requirements, '');
  if (!(requirement in REQUIRED_CHARACTERS)) {
    throw new Error(`supabase/config.toml: unknown [auth] password_requirements "${requirement}"`);
  }
  const minimum = num(auth.minimum_password_length, 6);
  if (minimum < 6) throw new Error('supabase/config.toml: [auth] minimum_password_length must be at least 6');
  return {
    refreshTokenReuseInterval: num(auth.refresh_token_reuse_interval, 10),
    enableSignup: bool(auth.enable_signup, true) && bool(email.enable_signup, true),
    minimumPasswordLength: minimum,
    requiredCharacters: REQUIRED_CHARACTERS[requirement],
    securePasswordChange: bool(email.secure_password_change, false),
    mailMaxFrequency: seconds(email.max_frequency, 1),
    otpLength: num(email.otp_length, 6),
    otpExpiry: num(email.otp_expiry, 3600),
    rateLimits: {
      emailSent: envNumber(env, 'GOTRUE_RATE_LIMIT_EMAIL_SENT', num(limits.email_sent, 2)),
      tokenRefresh: envNumber(env, 'GOTRUE_RATE_LIMIT_TOKEN_REFRESH', num(limits.token_refresh, 150)),
      signInSignUps: envNumber(env, 'GOTRUE_RATE_LIMIT_OTP', num(limits.sign_in_sign_ups, 30)),
      tokenVerifications: envNumber(env, 'GOTRUE_RATE_LIMIT_VERIFY', num(limits.token_verifications, 30)),
      mfaChallengeAndVerify: envNumber(env, 'GOTRUE_MFA_RATE_LIMIT_CHALLENGE_AND_VERIFY', 15),
    },
    mfa: {
      maxEnrolledFactors: num(mfa.max_enrolled_factors, 10),
      totpEnroll: bool(totp.enroll_enabled, false),
      totpVerify: bool(totp.verify_enabled, false),
    },
    maxCodeAttempts: 5,
    maxFailedSignInsPerEmail: 10,
    inbucket: {
      adminEmail: text(inbucket.admin_email, 'admin@email.com'),
      senderName: text(inbucket.sender_name, 'Admin'),
    },
  };
}
