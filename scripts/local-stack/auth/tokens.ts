// Access tokens (HS256 JWTs with GoTrue's claim set), refresh tokens, e-mail link tokens and
// Go duration strings (admin ban_duration).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { forbidden } from './errors.ts';

/** GoTrue's JWT_EXP default and the CLI's `jwt_expiry`. */
export const ACCESS_TOKEN_TTL = 3600;

export interface AmrEntry {
  method: string;
  timestamp: number;
}

export interface AccessClaims extends JWTPayload {
  sub?: string;
  role?: string;
  email?: string;
  session_id?: string;
  is_anonymous?: boolean;
  aal?: string;
  amr?: AmrEntry[];
}

export interface TokenSigner {
  issuer: string;
  sign(claims: {
    sub: string;
    aud: string;
    email: string;
    phone: string;
    appMetadata: unknown;
    userMetadata: unknown;
    role: string;
    aal: string;
    amr: AmrEntry[];
    sessionId: string;
    isAnonymous: boolean;
  }): Promise<{ token: string; expiresAt: number; expiresIn: number }>;
  /** Verifies signature and expiry; failures are GoTrue's 403 bad_jwt. */
  verify(token: string): Promise<AccessClaims>;
}

export function tokenSigner(secret: string, issuer: string): TokenSigner {
  const key = new TextEncoder().encode(secret);
  return {
    issuer,
    async sign(c) {
      const iat = Math.floor(Date.now() / 1000);
      const exp = iat + ACCESS_TOKEN_TTL;
      // Claim order as GoTrue serialises them (registered claims first, then its own).
      const payload = {
        aud: c.aud,
        exp,
        iat,
        iss: issuer,
        sub: c.sub,
        email: c.email,
        phone: c.phone,
        app_metadata: c.appMetadata ?? {},
        user_metadata: c.userMetadata ?? {},
        role: c.role,
        aal: c.aal,
        amr: c.amr,
        session_id: c.sessionId,
        is_anonymous: c.isAnonymous,
      };
      const token = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key);
      return { token, expiresAt: exp, expiresIn: ACCESS_TOKEN_TTL };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        return payload as AccessClaims;
      } catch (e) {
        const detail =
          e instanceof joseErrors.JWTExpired
            ? 'token has invalid claims: token is expired'
            : e instanceof joseErrors.JWSSignatureVerificationFailed
              ? 'signature is invalid'
              : (e as Error).message;
        throw forbidden('bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`);
      }
    },
  };
}

/** v1 refresh tokens: 12 random URL-safe characters, like GoTrue's. */
export function newRefreshToken(): string {
  return randomBytes(9).toString('base64url');
}

/** One-time code mailed with links (usable with verifyOtp), `[auth.email] otp_length` digits. */
export function newOtp(length = 6): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(0, 10));
  return out;
}

/** What GoTrue stores and puts in links: a hash of e-mail + code, never the code itself. */
export function tokenHash(email: string, otp: string): string {
  return createHash('sha224').update(email + otp).digest('hex');
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration ("87600h", "1h30m", "-5s", "0"). Returns milliseconds or null if invalid. */
export function parseGoDuration(input: string): number | null {
  let s = input.trim();
  if (!s) return null;
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  const part = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  let total = 0;
  if (!s) return null;
  while (s) {
    const m = part.exec(s);
    if (!m) return null;
    total += Number(m[1]) * UNIT_MS[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
}
